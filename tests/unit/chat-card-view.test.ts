import type { ActionCard, MessageCard } from '../../services/contracts/conversations';
import type { Interview } from '../../services/contracts/interviews';
import type { Offer, Onboarding } from '../../services/contracts/onboarding';
import type { RecordedInterview } from '../../services/contracts/recorded-interviews';
import { toActionCardView, type CardSubjects } from '../../view-models/chat-card-view';
import { threadContext, toChatMessageView, type ThreadMessage } from '../../view-models/chat-view';
import { toOfferView } from '../../view-models/onboarding-view';

const HOUR = 60 * 60 * 1000;
// Monday 7 December 2026, 10:00 in Shanghai (the tests' time zone).
const NOW = Date.UTC(2026, 11, 7, 2, 0);
const at = (hours: number) => new Date(NOW + hours * HOUR).toISOString();

function interview(overrides: Partial<Interview> = {}): Interview {
  return {
    id: '7',
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
    notes: '请准备一段自我介绍',
    status: 'invited',
    slots: [at(-2), at(26), at(50)],
    proposedSlots: [],
    scheduledAt: null,
    rescheduleCount: 0,
    declineReason: null,
    cancelReason: null,
    rescheduleRefusal: null,
    feedback: null,
    room: null,
    createdAt: at(-24),
    updatedAt: at(-24),
    ...overrides,
  };
}

const invitationCard: ActionCard = {
  kind: 'interview',
  interviewId: '7',
  step: 'invited',
  interviewKind: 'video',
  slots: [at(-2), at(26), at(50)],
  interviewer: '李经理',
  lengthMinutes: 30,
};

function recorded(overrides: Partial<RecordedInterview> = {}): RecordedInterview {
  const question = (id: string, answered: boolean) => ({
    id,
    index: Number(id),
    text: `第${id}题`,
    thinkingSeconds: 10,
    answerSeconds: 60,
    takesUsed: answered ? 1 : 0,
    answer: answered
      ? { uploadedAt: at(-1), durationMs: 30000, sizeBytes: 1000, mimeType: 'video/webm' as const }
      : null,
  });
  return {
    id: '4',
    applicationId: '10',
    jobTitle: '前端开发工程师',
    companyName: '杭州某某科技',
    status: 'pending',
    retakes: 1,
    deadline: at(72),
    sentAt: at(-1),
    completedAt: null,
    questions: [question('1', false), question('2', false), question('3', false)],
    ...overrides,
  };
}

const recordedCard: ActionCard = {
  kind: 'recorded_interview',
  recordedInterviewId: '4',
  applicationId: '10',
  questionCount: 3,
  deadline: at(72),
};

function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: '9',
    applicationId: '10',
    position: '仓库分拣员',
    company: '杭州某某物流',
    payKind: 'daily',
    payFen: 22050,
    startDate: '2026-12-10',
    reportTime: '09:00',
    place: { address: '杭州市上城区解放路100号', latitude: 30.27, longitude: 120.15 },
    probationMonths: 0,
    workingHours: '09:00-18:00',
    dayHours: 8,
    bring: '身份证原件',
    documents: ['health'],
    contact: { name: '王经理', phone: '13800138000' },
    note: null,
    expiresAt: at(48),
    status: 'pending',
    declineReason: null,
    createdAt: at(-1),
    respondedAt: null,
    ...overrides,
  };
}

const offerCard: ActionCard = {
  kind: 'offer',
  offerId: '9',
  applicationId: '10',
  position: '仓库分拣员',
  payKind: 'daily',
  payFen: 22050,
  startDate: '2026-12-10',
  expiresAt: at(48),
};

function subjects(state: {
  interview?: Interview;
  offer?: Offer;
  recorded?: RecordedInterview;
  failed?: boolean;
  acting?: string;
}) {
  const known: CardSubjects = {
    interview: (id) => (state.interview?.id === id ? state.interview : undefined),
    offer: (applicationId) => (state.offer?.applicationId === applicationId ? state.offer : undefined),
    recordedInterview: (id) => (state.recorded?.id === id ? state.recorded : undefined),
    interviewActing: (id) => state.acting === `interview:${id}`,
    offerActing: (applicationId) => state.acting === `offer:${applicationId}`,
    failed: state.failed ?? false,
  };
  return known;
}

const actions = (view: { buttons: { action: string; text: string }[] }) => view.buttons.map((b) => b.text);

describe('the interview card', () => {
  it('shows what the card says until the interview is loaded, and a retry when loading failed', () => {
    const loading = toActionCardView(invitationCard, subjects({}), NOW, true);
    expect(loading).toMatchObject({
      title: '视频面试邀请',
      stateText: '',
      slots: [],
      buttons: [],
      lines: ['可选时间：12月7日 周一 08:00、12月8日 周二 12:00、12月9日 周三 12:00', '面试官：李经理 · 约30分钟'],
    });
    const failed = toActionCardView(invitationCard, subjects({ failed: true }), NOW, true);
    expect(failed.stateText).toBe('状态加载失败');
    expect(failed.buttons).toEqual([{ action: 'reload-cards', text: '重新加载', primary: false }]);
  });

  it('offers the times still ahead to accept on the card, with 拒绝 and 申请改期', () => {
    const view = toActionCardView(invitationCard, subjects({ interview: interview() }), NOW, true);
    expect(view).toMatchObject({ stateText: '待回复', tone: 'waiting', subjectId: '7' });
    expect(view.slots).toEqual([
      { value: at(26), text: '12月8日 周二 12:00' },
      { value: at(50), text: '12月9日 周三 12:00' },
    ]);
    expect(view.buttons.map((b) => b.action)).toEqual(['decline-interview', 'propose-interview']);
    expect(view.lines).toEqual(['面试官：李经理 · 约30分钟', '备注：请准备一段自我介绍']);
  });

  it('shows the time accepted, and 进入面试间 only while the video room is open', () => {
    const scheduled = interview({
      status: 'scheduled',
      scheduledAt: at(50),
      room: { opensAt: at(49.75), closesAt: at(51) },
    });
    const before = toActionCardView(invitationCard, subjects({ interview: scheduled }), NOW, true);
    expect(before).toMatchObject({ stateText: '已接受 12月9日 周三 12:00', tone: 'good', slots: [] });
    expect(actions(before)).toEqual(['不参加', '申请改期']);
    expect(before.lines.at(-1)).toBe('开始前15分钟可从这里进入面试间');
    const open = toActionCardView(invitationCard, subjects({ interview: scheduled }), NOW + 49.8 * HOUR, true);
    expect(open.buttons.at(-1)).toEqual({ action: 'enter-room', text: '进入面试间', primary: true });
    expect(open.lines).not.toContain('开始前15分钟可从这里进入面试间');
    const over = toActionCardView(invitationCard, subjects({ interview: scheduled }), NOW + 52 * HOUR, true);
    expect(over).toMatchObject({ stateText: '已结束', tone: 'ended' });
    expect(actions(over)).toEqual(['查看详情']);
  });

  it('says 已拒绝, 已取消, 已过期 and 改期申请待HR确认, without answers', () => {
    const state = (changes: Partial<Interview>, now = NOW) =>
      toActionCardView(invitationCard, subjects({ interview: interview(changes) }), now, true);
    expect(state({ status: 'declined', declineReason: '时间冲突' })).toMatchObject({ stateText: '已拒绝', slots: [] });
    expect(actions(state({ status: 'declined' }))).toEqual(['查看详情']);
    expect(state({ status: 'cancelled' }).stateText).toBe('已取消');
    expect(state({}, NOW + 60 * HOUR)).toMatchObject({ stateText: '已过期', slots: [], tone: 'ended' });
    const asked = state({ status: 'reschedule_requested', proposedSlots: [at(80)], rescheduleCount: 1 });
    expect(asked).toMatchObject({ stateText: '改期申请待HR确认', slots: [] });
    expect(actions(asked)).toEqual(['拒绝']);
    // Two reschedules used: no 申请改期 left.
    expect(actions(state({ status: 'scheduled', scheduledAt: at(26), rescheduleCount: 2 }))).toEqual(['不参加']);
  });

  it('says on the proposal card that the HR refused it, why, and where the interview stands', () => {
    const proposal: ActionCard = { ...invitationCard, step: 'reschedule_proposed', slots: [at(80)] };
    const kept = interview({
      status: 'scheduled',
      scheduledAt: at(26),
      rescheduleCount: 1,
      rescheduleRefusal: '那几天面试官出差',
    });
    const view = toActionCardView(proposal, subjects({ interview: kept }), NOW, true);
    expect(view).toMatchObject({ stateText: 'HR未同意改期', tone: 'ended' });
    expect(view.lines).toEqual([
      '你提议：12月10日 周四 18:00',
      '面试官：李经理 · 约30分钟',
      '备注：请准备一段自我介绍',
      '原因：那几天面试官出差',
      '仍按原定时间：12月8日 周二 12:00',
    ]);
    const reopened = interview({ status: 'invited', rescheduleCount: 1, rescheduleRefusal: '那几天面试官出差' });
    const pick = toActionCardView(proposal, subjects({ interview: reopened }), NOW, true);
    expect(pick).toMatchObject({ stateText: 'HR未同意改期' });
    expect(pick.lines.at(-1)).toBe('请从原定时间中选择一个');
    expect(pick.slots.map((slot) => slot.text)).toEqual(['12月8日 周二 12:00', '12月9日 周三 12:00']);
    // The invitation card above it keeps its own state.
    expect(toActionCardView(invitationCard, subjects({ interview: kept }), NOW, false).stateText).toMatch(/^已接受/);
  });

  it('disables the answers while one is on its way, on the latest card only', () => {
    const view = toActionCardView(
      invitationCard,
      subjects({ interview: interview(), acting: 'interview:7' }),
      NOW,
      true,
    );
    expect(view.busy).toBe(true);
    expect(toActionCardView(invitationCard, subjects({ interview: interview() }), NOW, true).busy).toBe(false);
    const offerView = toActionCardView(offerCard, subjects({ offer: offer(), acting: 'offer:10' }), NOW, true);
    expect(offerView.busy).toBe(true);
  });

  it('titles each step and leaves the answers to the latest card about the interview', () => {
    const confirmed: ActionCard = { ...invitationCard, step: 'reschedule_confirmed', slots: [at(26)] };
    const older = toActionCardView(invitationCard, subjects({ interview: interview() }), NOW, false);
    expect(older).toMatchObject({ stateText: '待回复', slots: [] });
    expect(actions(older)).toEqual(['查看详情']);
    expect(toActionCardView(confirmed, subjects({}), NOW, true)).toMatchObject({
      title: 'HR已确认改期',
      lines: ['时间：12月8日 周二 12:00', '面试官：李经理 · 约30分钟'],
    });
    const phone = { ...invitationCard, step: 'reinvited' as const, interviewKind: 'phone' as const };
    expect(toActionCardView(phone, subjects({}), NOW, true).title).toBe('新一轮电话面试邀请');
    expect(
      toActionCardView({ ...invitationCard, step: 'reschedule_proposed' }, subjects({}), NOW, true).lines[0],
    ).toMatch(/^你提议：/);
  });
});

describe('the recorded interview card', () => {
  it('counts the questions left and sends the seeker to answer them', () => {
    const fresh = toActionCardView(recordedCard, subjects({ recorded: recorded() }), NOW, true);
    expect(fresh).toMatchObject({
      title: '录制面试邀请',
      stateText: '待作答',
      tone: 'waiting',
      subjectId: '4',
      lines: ['共3道题，有空时用手机录制回答', '请在12月10日 10:00前完成'],
    });
    expect(fresh.buttons).toEqual([{ action: 'answer-recorded', text: '去作答', primary: true }]);
    const started = recorded();
    started.questions[0] = {
      ...started.questions[0],
      takesUsed: 1,
      answer: { uploadedAt: at(-1), durationMs: 1000, sizeBytes: 10, mimeType: 'video/webm' },
    };
    expect(toActionCardView(recordedCard, subjects({ recorded: started }), NOW, true).stateText).toBe(
      '待作答 · 还剩2题',
    );
  });

  it('says 已完成 and 已过期 (also once the deadline passes on the device) with nothing to do', () => {
    const done = toActionCardView(recordedCard, subjects({ recorded: recorded({ status: 'completed' }) }), NOW, true);
    expect(done).toMatchObject({ stateText: '已完成', tone: 'good', buttons: [] });
    const late = toActionCardView(recordedCard, subjects({ recorded: recorded() }), NOW + 73 * HOUR, true);
    expect(late).toMatchObject({ stateText: '已过期', tone: 'ended', buttons: [] });
  });
});

describe('the offer card', () => {
  it('shows the terms and lets the seeker accept or open the offer to answer', () => {
    const view = toActionCardView(offerCard, subjects({ offer: offer() }), NOW, true);
    expect(view).toMatchObject({
      title: '录用通知',
      stateText: '待确认',
      tone: 'waiting',
      subjectId: '10',
      lines: ['岗位：仓库分拣员', '薪资：日结 ¥220.50/天', '入职：12月10日 周四 09:00', '有效期至：12月9日 10:00'],
    });
    expect(view.buttons.map((b) => b.action)).toEqual(['open-offer', 'accept-offer']);
  });

  it('says 已接受 (continue onboarding), 已拒绝 and 已过期, never offering to accept', () => {
    const state = (changes: Partial<Offer>, now = NOW) =>
      toActionCardView(offerCard, subjects({ offer: offer(changes) }), now, true);
    expect(state({ status: 'accepted' })).toMatchObject({ stateText: '已接受', tone: 'good' });
    expect(actions(state({ status: 'accepted' }))).toEqual(['继续入职']);
    expect(state({ status: 'declined' })).toMatchObject({ stateText: '已拒绝', tone: 'ended' });
    expect(state({ status: 'expired' }).stateText).toBe('已过期');
    expect(state({}, NOW + 49 * HOUR)).toMatchObject({ stateText: '已过期', tone: 'ended' });
    expect(actions(state({}, NOW + 49 * HOUR))).toEqual(['查看']);
  });

  it('formats the pay and the first day as the offer page does, and drops the deadline once answered', () => {
    const monthly = offer({ payKind: 'monthly', payFen: 800000, status: 'accepted' });
    const view = toActionCardView(
      { ...offerCard, payKind: 'monthly', payFen: 800000 },
      subjects({ offer: monthly }),
      NOW,
      true,
    );
    expect(view.lines).toEqual(['岗位：仓库分拣员', '薪资：月薪 ¥8,000', '入职：12月10日 周四 09:00']);
    expect(toOfferView({ offer: monthly } as Onboarding, NOW)).toMatchObject({
      payText: '月薪 ¥8,000',
      startText: '12月10日 周四 09:00',
    });
    // Before the offer is loaded: the card's own day, no time.
    expect(toActionCardView(offerCard, subjects({}), NOW, true).lines[2]).toBe('入职：12月10日 周四');
  });
});

describe('action cards in the conversation', () => {
  const line = (seq: number, card: MessageCard): ThreadMessage => ({
    key: `s${seq}`,
    seq,
    from: 'hr',
    text: '卡片',
    card,
    sentAt: at(-1),
    clientId: null,
  });

  it('draws every card about one interview in its current state, the answers on the latest only', () => {
    const lines = [
      line(1, invitationCard),
      line(2, { ...invitationCard, step: 'reschedule_proposed', slots: [at(80)] }),
      line(3, offerCard),
    ];
    const context = threadContext(
      lines,
      subjects({ interview: interview({ status: 'reschedule_requested', proposedSlots: [at(80)] }), offer: offer() }),
      NOW,
    );
    const views = lines.map((message) => toChatMessageView(message, null, context, NOW));
    expect(views.map((v) => v.cardState)).toEqual(['改期申请待HR确认', '改期申请待HR确认', '待确认']);
    expect(views.map((v) => v.cardButtons.map((b) => b.text))).toEqual([
      ['查看详情'],
      ['拒绝'],
      ['查看并答复', '接受'],
    ]);
    expect(views[0]).toMatchObject({ cardKind: 'interview', cardSubjectId: '7', side: 'theirs' });
  });
});
