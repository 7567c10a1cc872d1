import {
  retakesLeft,
  sniffVideoType,
  unansweredQuestions,
  type RecordedQuestion,
} from '../../services/contracts/recorded-interviews';
import { formatClock, formatSeconds } from '../../format';
import { toRecordedInviteView } from '../../view-models/recorded-interview-view';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part)] : part)));

const question = (overrides: Partial<RecordedQuestion> = {}): RecordedQuestion => ({
  id: '1',
  index: 1,
  text: '介绍一下你自己',
  thinkingSeconds: 30,
  answerSeconds: 60,
  takesUsed: 0,
  answer: null,
  ...overrides,
});

describe('recorded interview rules', () => {
  it('tells the video container from its first bytes, whatever the file is called', () => {
    expect(sniffVideoType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x01]))).toBe('video/webm');
    expect(sniffVideoType(bytes([0, 0, 0, 0x20], 'ftypisom'))).toBe('video/mp4');
    expect(sniffVideoType(bytes([0, 0, 0, 0x14], 'ftypqt  '))).toBe('video/quicktime');
    expect(sniffVideoType(bytes('%PDF-1.4 ....'))).toBeNull();
    // Too short to tell: not a video.
    expect(sniffVideoType(bytes([0, 0, 0, 0x20], 'ftyp'))).toBeNull();
  });

  it('counts retakes after the first take, given back when a take is interrupted', () => {
    expect(retakesLeft({ retakes: 2 }, question({ takesUsed: 0 }))).toBe(2);
    expect(retakesLeft({ retakes: 2 }, question({ takesUsed: 1 }))).toBe(2);
    expect(retakesLeft({ retakes: 2 }, question({ takesUsed: 3 }))).toBe(0);
    expect(retakesLeft({ retakes: 0 }, question({ takesUsed: 1 }))).toBe(0);
  });

  it('asks only unanswered questions, in order', () => {
    const answered = {
      uploadedAt: '2026-01-01T00:00:00Z',
      durationMs: 1000,
      sizeBytes: 10,
      mimeType: 'video/mp4' as const,
    };
    const questions = [question({ id: '1', answer: answered }), question({ id: '2' }), question({ id: '3' })];
    expect(unansweredQuestions({ questions }).map((q) => q.id)).toEqual(['2', '3']);
  });

  it('formats lengths and the entry on the application', () => {
    expect([formatSeconds(45), formatSeconds(180), formatSeconds(90)]).toEqual(['45秒', '3分钟', '1分30秒']);
    expect(formatClock(67)).toBe('1:07');
    expect(toRecordedInviteView(undefined)).toBeNull();
    const base = {
      id: '9',
      applicationId: '3',
      jobTitle: '厨师',
      companyName: '某餐厅',
      retakes: 1,
      // Local time, as the phone shows it.
      deadline: new Date(2026, 2, 10, 18, 0).toISOString(),
      sentAt: '2026-03-07T10:00:00Z',
      completedAt: null,
      questions: [question()],
    };
    expect(toRecordedInviteView({ ...base, status: 'pending' }, new Date(2026, 2, 8, 9, 0).getTime())).toEqual({
      id: '9',
      text: '待作答 · 还剩1题 · 3月10日 18:00截止',
      action: '去作答',
    });
    expect(toRecordedInviteView({ ...base, status: 'expired' })?.text).toBe('已截止');
  });
});
