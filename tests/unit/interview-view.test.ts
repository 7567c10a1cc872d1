import { offeredSlotErrors, slotErrors, type Interview } from '../../services/contracts/interviews';
import { formatCountdown } from '../../format';
import { callClockText, formatCallClock } from '../../services/contracts/rtc';
import { splitInterviews, toInterviewDetailView } from '../../view-models/interview-view';

const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 7, 2, 0);
const at = (hours: number) => new Date(NOW + hours * HOUR).toISOString();

function interview(overrides: Partial<Interview> = {}): Interview {
  return {
    id: '1',
    applicationId: '10',
    conversationId: '20',
    job: { id: '5', title: '前端开发工程师' },
    company: { id: '3', name: '杭州某某科技' },
    kind: 'video',
    address: null,
    location: null,
    phone: null,
    interviewer: '李经理',
    lengthMinutes: 30,
    notes: '',
    status: 'invited',
    slots: [at(26), at(50)],
    proposedSlots: [],
    scheduledAt: null,
    rescheduleCount: 0,
    rescheduleRefusal: null,
    declineReason: null,
    cancelReason: null,
    feedback: null,
    room: null,
    createdAt: at(-1),
    updatedAt: at(-1),
    ...overrides,
  };
}

describe('interview views', () => {
  it('refuses slots in the past and overlapping ones, naming each', () => {
    expect(slotErrors([at(-1), at(2), at(2.25), at(3)], 30, NOW)).toEqual([
      { path: 'slots.0', message: '第1个时间已经过去，请选择以后的时间' },
      { path: 'slots.2', message: '第3个时间与第2个时间重叠' },
    ]);
    expect(slotErrors([at(2), at(2.5)], 30, NOW)).toEqual([]);
  });

  it('refuses a proposed time that is already one of the offered ones', () => {
    expect(offeredSlotErrors([at(5), at(2)], [at(2), at(3)])).toEqual([
      { path: 'slots.1', message: '该时间已在邀请时间中，可直接接受' },
    ]);
    expect(offeredSlotErrors([at(5)], [at(2), at(3)])).toEqual([]);
  });

  it('splits upcoming (soonest first) from past, with a countdown once agreed', () => {
    const agreed = interview({ id: 'a', status: 'scheduled', scheduledAt: at(3), slots: [at(3)] });
    const open = interview({ id: 'b' });
    const over = interview({ id: 'c', status: 'scheduled', scheduledAt: at(-3), slots: [at(-3)] });
    const declined = interview({ id: 'd', status: 'declined', declineReason: '时间冲突' });
    const { upcoming, past } = splitInterviews([open, declined, over, agreed], NOW);
    expect(upcoming.map((row) => [row.id, row.statusText, row.countdownText])).toEqual([
      ['a', '已确认', '还有3小时'],
      ['b', '待回复', ''],
    ]);
    // Past ones latest first: the declined one was offered for tomorrow.
    expect(past.map((row) => [row.id, row.statusText])).toEqual([
      ['d', '已拒绝'],
      ['c', '已结束 · 待评价'],
    ]);
  });

  it('offers the answers the state allows, the room once open, feedback after', () => {
    expect(toInterviewDetailView(interview({ rescheduleCount: 2 }), NOW)).toMatchObject({
      canAccept: true,
      canPropose: false,
      rescheduleText: '已申请改期2次，不能再改期',
      refusalText: '',
    });
    // After a refused proposal the HR's times stand, and the seeker reads why.
    const refused = interview({ rescheduleCount: 1, rescheduleRefusal: '面试官只有这两个时间' });
    expect(toInterviewDetailView(refused, NOW)).toMatchObject({
      canAccept: true,
      canPropose: true,
      refusalText: 'HR未同意改期：面试官只有这两个时间',
    });
    const soon = interview({
      status: 'scheduled',
      scheduledAt: at(0.2),
      room: { opensAt: at(-0.05), closesAt: at(1.2) },
    });
    expect(toInterviewDetailView(soon, NOW)).toMatchObject({ showRoom: true, roomOpen: true, canAccept: false });
    const later = { ...soon, scheduledAt: at(2), room: { opensAt: at(1.75), closesAt: at(3) } };
    expect(toInterviewDetailView(later, NOW)).toMatchObject({
      roomOpen: false,
      roomText: '面试间1小时45分钟后开放（开始前15分钟）',
    });
    const done = { ...soon, scheduledAt: at(-1), room: { opensAt: at(-1.25), closesAt: at(0) } };
    expect(toInterviewDetailView(done, NOW).canFeedback).toBe(true);
  });

  it('formats countdowns and the call clock', () => {
    expect(formatCountdown(26 * HOUR)).toBe('1天2小时');
    expect(formatCountdown(45 * 1000)).toBe('45秒');
    expect(formatCallClock(65 * 1000)).toBe('01:05');
    expect(formatCallClock(HOUR + 2000)).toBe('1:00:02');
    const soon = { startsAt: at(0.1), endsAt: at(0.6) };
    expect(callClockText(soon, NOW, { phase: 'waiting', startedAt: null })).toBe('距开始 06:00');
    expect(callClockText({ startsAt: at(-0.1), endsAt: at(0.4) }, NOW, { phase: 'alone', startedAt: null })).toBe(
      '已开始 06:00 · 剩余 24:00',
    );
    // In the call (even one admitted before the slot): how long it has lasted and the time left, no 距开始.
    const talking = { phase: 'in_call' as const, startedAt: NOW - 0.05 * HOUR };
    expect(callClockText(soon, NOW, talking)).toBe('通话时长 03:00 · 剩余 36:00');
    expect(callClockText(soon, NOW, { ...talking, phase: 'reconnecting' })).toBe('通话时长 03:00 · 剩余 36:00');
    expect(callClockText(soon, NOW, { ...talking, phase: 'ended' })).toBe('');
  });
});
