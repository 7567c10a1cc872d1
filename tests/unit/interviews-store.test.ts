import type { Interview, InterviewList } from '../../services/contracts/interviews';

/** The interview reads the store makes, answered when the test says. */
const reads: Array<{ kind: 'list' | 'detail' | 'accept' | 'decline'; resolve(value: unknown): void }> = [];
jest.mock('../../services/interviews', () => ({
  listInterviews: () => new Promise((resolve) => reads.push({ kind: 'list', resolve })),
  getInterview: () => new Promise((resolve) => reads.push({ kind: 'detail', resolve })),
  acceptInterview: () => new Promise((resolve) => reads.push({ kind: 'accept', resolve })),
  declineInterview: () => new Promise((resolve) => reads.push({ kind: 'decline', resolve })),
  listSubscriptions: () => Promise.resolve({ items: [] }),
}));

import { INTERVIEW_BUSY, InterviewsStore } from '../../stores/interviews';

const settle = () => new Promise((resolve) => setImmediate(resolve));

function interview(id: string, overrides: Partial<Interview> = {}): Interview {
  return {
    id,
    applicationId: `a${id}`,
    conversationId: `c${id}`,
    job: { id: '1', title: '店员' },
    company: { id: '1', name: '某公司' },
    kind: 'video',
    address: null,
    location: null,
    phone: null,
    interviewer: '李经理',
    lengthMinutes: 30,
    notes: '',
    status: 'invited',
    slots: ['2026-01-02T02:00:00.000Z'],
    proposedSlots: [],
    scheduledAt: null,
    rescheduleCount: 0,
    rescheduleRefusal: null,
    declineReason: null,
    cancelReason: null,
    feedback: null,
    room: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function answer(kind: (typeof reads)[number]['kind'], value: unknown): void {
  const read = reads.find((r) => r.kind === kind);
  if (!read) throw new Error(`no ${kind} read in flight`);
  reads.splice(reads.indexOf(read), 1);
  read.resolve(value);
}

const list = (...items: Interview[]): InterviewList => ({ items, now: new Date().toISOString() });

describe('InterviewsStore: a push is never undone by a read begun before it', () => {
  let store: InterviewsStore;
  beforeEach(() => {
    reads.length = 0;
    store = new InterviewsStore();
  });

  it('keeps a cancellation pushed while the list was on its way', async () => {
    void store.loadList();
    store.remember(interview('1', { status: 'cancelled', cancelReason: '岗位已招满' }));
    answer('list', list(interview('1', { status: 'invited' })));
    await settle();
    expect(store.items.map((item) => [item.id, item.status])).toEqual([['1', 'cancelled']]);
    expect(store.entry('1').interview?.status).toBe('cancelled');
  });

  it('keeps an interview created while a reload was on its way, and takes the rest from the list', async () => {
    void store.loadList();
    answer('list', list(interview('1')));
    await settle();

    void store.loadList();
    store.remember(interview('2'));
    answer('list', list(interview('1', { status: 'scheduled' })));
    await settle();
    expect(store.items.map((item) => [item.id, item.status])).toEqual([
      ['1', 'scheduled'],
      ['2', 'invited'],
    ]);
  });

  it('keeps a new interview pushed during the first list load', async () => {
    void store.loadList();
    store.remember(interview('2'));
    answer('list', list(interview('1')));
    await settle();
    expect(store.items.map((item) => item.id)).toEqual(['1', '2']);
  });

  it('keeps a push that came while the detail was on its way', async () => {
    void store.loadDetail('1');
    await settle();
    store.remember(interview('1', { status: 'cancelled' }));
    answer('detail', interview('1', { status: 'invited' }));
    await settle();
    expect(store.entry('1')).toMatchObject({ status: 'ready', interview: { status: 'cancelled' } });
  });

  it('applies a read begun after the push', async () => {
    store.remember(interview('1', { status: 'invited' }));
    void store.loadDetail('1');
    answer('detail', interview('1', { status: 'scheduled' }));
    await settle();
    expect(store.entry('1').interview?.status).toBe('scheduled');
  });
});

describe('InterviewsStore: one answer at a time per interview', () => {
  beforeEach(() => (reads.length = 0));

  it('tells a second answer sent while the first is on its way that it is busy, not that it succeeded', async () => {
    const store = new InterviewsStore();
    store.remember(interview('1'));
    const first = store.accept('1', '2026-01-02T02:00:00.000Z');
    expect(store.entry('1').acting).toBe('accept');
    await expect(store.decline('1', '时间冲突')).resolves.toBe(INTERVIEW_BUSY);
    answer('accept', interview('1', { status: 'scheduled', scheduledAt: '2026-01-02T02:00:00.000Z' }));
    await expect(first).resolves.toBeNull();
    expect(store.entry('1')).toMatchObject({ acting: '', interview: { status: 'scheduled' } });
    expect(reads.filter((read) => read.kind === 'decline')).toEqual([]);
  });
});
