import type { Interview, InterviewList } from '../../services/contracts/interviews';
import { SUBSCRIPTION_TEMPLATES, type SubscriptionConsentList } from '../../services/contracts/subscriptions';
import type { Runtime } from '../../runtime/harness/runtime';
import { sampleInvitation, slotIn } from '../support/interview-invitation';
import { makeReadyToApply, startMockServer } from '../support/mock-server';
import type { InterviewDetailView, InterviewRowView } from '../../view-models/interview-view';
import {
  answerSubscribe,
  applyDirect,
  call,
  employerAct,
  launchSeeker,
  openJobs,
  type TestServer,
} from './applications-support';

interface ListData {
  status: string;
  upcoming: InterviewRowView[];
  past: InterviewRowView[];
  errorMessage: string;
}

interface DetailData {
  status: string;
  interview: InterviewDetailView | null;
  reminderConsents: number;
  declineVisible: boolean;
  declineError: string;
  proposeError: string;
  proposedSlots: { value: string; text: string }[];
}

const LIST = 'subpackages/interviews/pages/list/index';
const DETAIL = 'subpackages/interviews/pages/detail/index';

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await rt.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let server: TestServer;
let rt: Runtime;
let jobsUsed = 0;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 200, seed: 'interview-page-tests' } });
});
afterAll(() => server.stop());
afterEach(() => rt?.dispose());

/** A signed-in seeker invited to an interview of the given kind; answers straight from the backend too. */
async function invitedSeeker(overrides: Parameters<typeof sampleInvitation>[1] = {}) {
  const seeker = await launchSeeker(server);
  rt = seeker.rt;
  await makeReadyToApply(server, seeker.token);
  const [job] = await openJobs(server, 1, jobsUsed++);
  const application = await applyDirect(server, seeker.token, job.id);
  await employerAct(server, application, 'invite', sampleInvitation(Date.now(), overrides));
  const list = await call<InterviewList>(server, 'GET', '/interviews', { token: seeker.token });
  return { ...seeker, application, interview: list.body.items[0] };
}

async function openDetail(interview: Interview) {
  const page = rt.mountPage<DetailData>(DETAIL, { id: interview.id });
  page.show();
  await rt.flush();
  return page;
}

describe('我的面试', () => {
  it('lists an invitation as upcoming, and accepting a slot starts its countdown and asks for a reminder', async () => {
    const { interview, token } = await invitedSeeker();
    const asked = answerSubscribe(rt, true);
    const list = rt.mountPage<ListData>(LIST);
    list.show();
    await rt.flush();
    expect(list.data.upcoming).toEqual([
      expect.objectContaining({ id: interview.id, statusText: '待回复', kindText: '视频面试', countdownText: '' }),
    ]);
    expect(list.data.upcoming[0].timeText).toMatch(/ 等2个时间$/);
    expect(list.data.past).toEqual([]);

    const detail = await openDetail(interview);
    expect(detail.data.interview).toMatchObject({
      canAccept: true,
      canDecline: true,
      canPropose: true,
      interviewer: '李经理',
      lengthText: '约30分钟',
      notes: '请准备一段自我介绍',
    });
    expect(detail.data.interview?.slotOptions).toHaveLength(2);

    await detail.call('onAcceptTap');
    expect(rt.fake.lastToast()).toMatchObject({ content: '请先选择一个面试时间' });

    detail.call('onSlotChange', interview.slots[1]);
    await detail.call('onAcceptTap');
    await rt.flush();
    expect(detail.data.interview).toMatchObject({
      statusText: '已确认',
      canAccept: false,
      showRoom: true,
      showReminders: true,
    });
    expect(detail.data.interview?.countdownText).toMatch(/^还有\d+天/);
    expect(detail.data.interview?.roomText).toMatch(/^面试间.+后开放（开始前15分钟）$/);
    expect(asked).toEqual([[SUBSCRIPTION_TEMPLATES.interviewReminder.id]]);
    expect(detail.data.reminderConsents).toBe(1);
    const consents = await call<SubscriptionConsentList>(server, 'GET', '/subscriptions', { token });
    expect(consents.body.items.map((consent) => consent.templateId)).toEqual([
      SUBSCRIPTION_TEMPLATES.interviewReminder.id,
    ]);

    // The list shows it with its countdown when the seeker comes back.
    list.show();
    await rt.flush();
    expect(list.data.upcoming[0]).toMatchObject({
      statusText: '已确认',
      countdownText: expect.stringMatching(/^还有/),
    });
  });

  it('proposes other times, and declines only with a reason, keeping what was typed when sending fails', async () => {
    const { interview } = await invitedSeeker();
    const detail = await openDetail(interview);

    detail.call('onProposeTap');
    await detail.call('onProposeSubmit');
    expect(detail.data.proposeError).toBe('请至少添加一个你方便的时间');
    const tomorrow = new Date();
    tomorrow.setHours(0, 0, 0, 0);
    const day = String(tomorrow.getTime() + 3 * 24 * 60 * 60 * 1000);
    // A time the HR already offered: accept it instead (the same rule as the backend's).
    const offered = new Date(interview.slots[0]);
    const offeredDay = new Date(offered);
    offeredDay.setHours(0, 0, 0, 0);
    detail.call('onProposePick', [
      String(offeredDay.getTime()),
      String(offered.getHours() * 60 + offered.getMinutes()),
    ]);
    expect(detail.data.proposeError).toBe('该时间已在邀请时间中，可直接接受');
    expect(detail.data.proposedSlots).toEqual([]);
    detail.call('onProposePick', [day, String(15 * 60)]);
    detail.call('onProposePick', [day, String(15 * 60)]);
    expect(detail.data.proposeError).toBe('这个时间已经添加过了');
    detail.call('onProposePick', [day, String(10 * 60)]);
    expect(detail.data.proposedSlots.map((slot) => slot.text)).toEqual([
      expect.stringMatching(/ 10:00$/),
      expect.stringMatching(/ 15:00$/),
    ]);
    await detail.call('onProposeSubmit');
    await rt.flush();
    expect(detail.data.interview).toMatchObject({
      statusText: '改期待确认',
      rescheduleText: '已申请改期1次，还可申请1次',
      canAccept: false,
      canPropose: false,
      canDecline: true,
    });

    detail.call('onDeclineTap');
    await detail.call('onDeclineSubmit');
    expect(detail.data.declineError).toBe('请选择或填写拒绝的原因');
    detail.fire('onDeclineInput', { detail: { value: '家里有事' } });
    rt.fake.setOffline(true);
    await detail.call('onDeclineSubmit');
    await rt.flush();
    expect(detail.data.declineVisible).toBe(true);
    expect(detail.data.declineError).not.toBe('');
    // A double tap waits for the first tap's answer: no 已告知HR while it fails.
    const first = detail.call('onDeclineSubmit');
    await detail.call('onDeclineSubmit');
    await first;
    await rt.flush();
    expect(detail.data.declineVisible).toBe(true);
    expect(detail.data.declineError).not.toBe('');
    expect(rt.fake.ui.filter((entry) => entry.api === 'showToast' && entry.content === '已告知HR')).toEqual([]);
    rt.fake.setOffline(false);
    await detail.call('onDeclineSubmit');
    await rt.flush();
    expect(detail.data.declineVisible).toBe(false);
    expect(detail.data.interview).toMatchObject({ statusText: '已拒绝', endedReason: '你已拒绝：家里有事' });
  });

  it("follows the HR's answer live on the open page: a refused reschedule, then a cancellation", async () => {
    const { interview, token, application } = await invitedSeeker();
    const detail = await openDetail(interview);
    await call(server, 'POST', `/interviews/${interview.id}/propose`, { token, body: { slots: [slotIn(80)] } });
    const hr = { 'x-hr-id': application.job.hr.id };
    const employer = (move: string, reason: string) =>
      call(server, 'POST', `/employer/interviews/${interview.id}/${move}`, { headers: hr, body: { reason } });
    expect((await employer('refuse', '面试官只有这两个时间')).status).toBe(200);
    await until(() => detail.data.interview?.refusalText !== '', 'the pushed refusal');
    expect(detail.data.interview).toMatchObject({
      statusText: '待回复',
      refusalText: 'HR未同意改期：面试官只有这两个时间',
      canAccept: true,
    });
    expect(detail.data.interview?.slotOptions).toHaveLength(2);
    expect((await employer('cancel', '岗位已招满')).status).toBe(200);
    await until(() => detail.data.interview?.statusText === '已取消', 'the pushed cancellation');
    expect(detail.data.interview).toMatchObject({
      endedReason: 'HR已取消：岗位已招满',
      refusalText: '',
      rescheduleText: '',
      canAccept: false,
      canPropose: false,
      canDecline: false,
    });
  });

  it('opened from a chat card to answer, opens that answer once loaded, and only if still allowed', async () => {
    const { interview, application } = await invitedSeeker();
    const decline = rt.mountPage<DetailData>(DETAIL, { id: interview.id, answer: 'decline' });
    // Not before the interview is known.
    expect(decline.data.declineVisible).toBe(false);
    decline.show();
    await rt.flush();
    expect(decline.data.declineVisible).toBe(true);

    const hr = { 'x-hr-id': application.job.hr.id };
    const cancelled = await call(server, 'POST', `/employer/interviews/${interview.id}/cancel`, {
      headers: hr,
      body: { reason: '岗位已招满' },
    });
    expect(cancelled.status).toBe(200);
    const late = rt.mountPage<DetailData & { proposeVisible: boolean }>(DETAIL, {
      id: interview.id,
      answer: 'propose',
    });
    late.show();
    await rt.flush();
    expect(late.data.interview?.statusText).toBe('已取消');
    expect(late.data.proposeVisible).toBe(false);
    expect(rt.fake.lastToast()).toMatchObject({ content: '这场面试已取消，不能再申请改期' });
  });

  it('opens the on-site address on the map and dials a phone interview', async () => {
    const located: unknown[] = [];
    const dialed: unknown[] = [];
    const onsite = await invitedSeeker({ kind: 'onsite', address: '杭州市西湖区文三路100号' });
    rt.fake.define('openLocation', ((options: { success?: () => void }) => {
      located.push(options);
      options.success?.();
    }) as unknown as typeof my.openLocation);
    const detail = await openDetail(onsite.interview);
    expect(detail.data.interview).toMatchObject({
      address: '杭州市西湖区文三路100号',
      kindText: '现场面试',
      canOpenMap: true,
    });
    detail.call('onAddressTap');
    expect(located).toEqual([expect.objectContaining({ address: '杭州市西湖区文三路100号' })]);
    rt.dispose();

    const phone = await invitedSeeker({ kind: 'phone', phone: '0571-88886666', slots: [slotIn(30)] });
    rt.fake.define('makePhoneCall', ((options: { number: string; success?: () => void }) => {
      dialed.push(options.number);
      options.success?.();
    }) as unknown as typeof my.makePhoneCall);
    const phoneDetail = await openDetail(phone.interview);
    phoneDetail.call('onPhoneTap');
    expect(dialed).toEqual(['0571-88886666']);
    expect(phoneDetail.data.interview?.showRoom).toBe(false);
  });

  it('keeps an empty list shown, with a banner to retry, when a reload fails', async () => {
    const seeker = await launchSeeker(server);
    rt = seeker.rt;
    const list = rt.mountPage<ListData>(LIST);
    list.show();
    await rt.flush();
    expect(list.data).toMatchObject({ status: 'ready', upcoming: [], past: [] });
    rt.fake.setOffline(true);
    list.hide();
    list.show();
    await rt.flush();
    expect(list.data.status).toBe('ready');
    expect(list.data.errorMessage).toBe('网络不给力，请检查网络后重试');
  });

  it('shows a failed list with a retry, and the reason when the interview is not theirs', async () => {
    const { interview } = await invitedSeeker();
    rt.fake.setOffline(true);
    const list = rt.mountPage<ListData>(LIST);
    list.show();
    await rt.flush();
    expect(list.data.status).toBe('error');
    expect(list.data.errorMessage).not.toBe('');
    rt.fake.setOffline(false);
    list.call('onRetry');
    await rt.flush();
    expect(list.data.upcoming.map((row) => row.id)).toEqual([interview.id]);
    rt.dispose();

    await invitedSeeker();
    const stranger = rt.mountPage<DetailData>(DETAIL, { id: interview.id });
    stranger.show();
    await rt.flush();
    // Someone else's interview is as good as none: 面试不存在, with the way to 我的面试, not a useless 重新加载.
    expect(stranger.data).toMatchObject({
      status: 'missing',
      interview: null,
      errorMessage: '这场面试不存在，或已被取消',
    });
  });
});
