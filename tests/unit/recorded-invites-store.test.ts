import type { RecordedInterview, RecordedInterviewList } from '../../services/contracts/recorded-interviews';

/** The list reads the store makes, answered when the test says. */
const lists: Array<(value: RecordedInterviewList) => void> = [];
jest.mock('../../services/recorded-interviews', () => ({
  listRecordedInterviews: () => new Promise((resolve) => lists.push(resolve)),
}));

import { RecordedInterviewStore } from '../../stores/recorded-interview';

const settle = () => new Promise((resolve) => setImmediate(resolve));

function invite(id: string, overrides: Partial<RecordedInterview> = {}): RecordedInterview {
  return {
    id,
    applicationId: `a${id}`,
    jobTitle: '店员',
    companyName: '某公司',
    status: 'pending',
    retakes: 1,
    deadline: '2026-12-20T10:00:00.000Z',
    sentAt: '2026-12-07T10:00:00.000Z',
    completedAt: null,
    questions: [],
    ...overrides,
  };
}

describe('RecordedInterviewStore.loadInvites: a push supersedes the list only for its own interview', () => {
  beforeEach(() => (lists.length = 0));

  it('applies the list answer for the other interviews when one was pushed meanwhile', async () => {
    const store = new RecordedInterviewStore();
    void store.loadInvites();
    store.receive(invite('2', { status: 'completed' }));
    lists[0]({ items: [invite('2'), invite('1')] });
    await settle();
    expect(store.invites.map((item) => [item.id, item.status])).toEqual([
      ['2', 'completed'],
      ['1', 'pending'],
    ]);
  });

  it('keeps an interview sent while the list was on its way', async () => {
    const store = new RecordedInterviewStore();
    void store.loadInvites();
    store.receive(invite('3'));
    lists[0]({ items: [invite('1')] });
    await settle();
    expect(store.invites.map((item) => item.id)).toEqual(['3', '1']);
  });

  it('takes a list begun after the push as it comes', async () => {
    const store = new RecordedInterviewStore();
    store.receive(invite('1', { status: 'pending' }));
    void store.loadInvites();
    lists[0]({ items: [invite('1', { status: 'completed' })] });
    await settle();
    expect(store.invites.map((item) => item.status)).toEqual(['completed']);
  });
});
