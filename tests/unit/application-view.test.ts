import type {
  ApplicationDetail,
  ApplicationStatus,
  ApplicationSummary,
  ApplicationTimelineStep,
} from '../../services/contracts/applications';
import type { JobSummary } from '../../services/contracts/jobs';
import {
  defaultGreeting,
  toApplicationDetailView,
  toApplicationRowView,
  toApplicationTimelineView,
  toJobApplyBarView,
  toResumeOptionViews,
} from '../../view-models/application-view';
import {
  formatDateTime,
  formatEmployerReplyRate,
  formatFileSize,
  formatLengthCounter,
  formatRespondBy,
} from '../../format';

// Local times, so the expectations hold in any time zone the tests run in.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
const iso = (time: number) => new Date(time).toISOString();
const HOUR = 60 * 60 * 1000;
const now = at(22, 12);

const job: JobSummary = {
  id: '17',
  title: '餐厅服务员',
  salary: { min: 4500, max: 6000, unit: 'month' },
  cityCode: '330100',
  cityName: '杭州市',
  district: '西湖区',
  experience: 'any',
  education: 'any',
  jobType: 'full_time',
  hiringMode: 'direct',
  tags: ['包吃住'],
  company: { id: '3', name: '知味餐饮', verified: true, size: '100_499', industry: '餐饮' },
  hr: {
    id: '9',
    name: '王女士',
    title: '店长',
    lastActiveAt: iso(at(22, 11)),
    replyRate: 0.853,
    interviewReviews: 0,
    noShowRate: null,
  },
  publishedAt: iso(at(20, 9)),
  distanceKm: null,
  hrInactive: false,
};

function summary(status: ApplicationStatus, changes: Partial<ApplicationSummary> = {}): ApplicationSummary {
  return {
    id: '101',
    status,
    job,
    conversationId: '55',
    createdAt: iso(at(22, 9)),
    updatedAt: iso(at(22, 9)),
    respondBy: status === 'submitted' || status === 'viewed' ? iso(at(22, 9) + 72 * HOUR) : null,
    reason: null,
    resume: { kind: 'online' },
    phoneShared: false,
    trust: { realName: false, workId: false, student: false },
    ...changes,
  };
}

const step = (status: ApplicationStatus, time: number, note: string | null = null): ApplicationTimelineStep => ({
  status,
  at: iso(time),
  note,
});

describe('formatting for applications', () => {
  it('says when the employer is due to answer', () => {
    expect(formatRespondBy(iso(now + 72 * HOUR), now)).toBe('预计3天内反馈');
    expect(formatRespondBy(iso(now + 25 * HOUR), now)).toBe('预计2天内反馈');
    expect(formatRespondBy(iso(at(22, 20)), now)).toBe('今天内反馈');
    expect(formatRespondBy(iso(at(23, 1)), now)).toBe('预计1天内反馈');
    expect(formatRespondBy(iso(now - HOUR), now)).toBe('已超过预计反馈时间');
  });

  it('formats timeline times relative to today', () => {
    expect(formatDateTime(iso(at(22, 9, 5)), now)).toBe('今天 09:05');
    expect(formatDateTime(iso(at(21, 18, 30)), now)).toBe('昨天 18:30');
    expect(formatDateTime(iso(at(3, 14, 0)), now)).toBe('11月3日 14:00');
    expect(formatDateTime(iso(new Date(2025, 2, 2, 8, 5).getTime()), now)).toBe('2025年3月2日 08:05');
  });

  it('formats reply rates, file sizes and counters', () => {
    expect(formatEmployerReplyRate(0.853)).toBe('HR回复率 85%');
    expect(formatEmployerReplyRate(1)).toBe('HR回复率 100%');
    expect(formatFileSize(820)).toBe('820B');
    expect(formatFileSize(320 * 1024)).toBe('320KB');
    expect(formatFileSize(1.24 * 1024 * 1024)).toBe('1.2MB');
    expect(formatLengthCounter(12, 200)).toBe('12/200');
  });
});

describe('toApplicationRowView', () => {
  it('shows the job, the status, when to expect an answer and the reply rate', () => {
    expect(toApplicationRowView(summary('submitted'), now)).toEqual({
      id: '101',
      jobTitle: '餐厅服务员',
      companyName: '知味餐饮',
      salaryText: '4.5-6K',
      statusText: '已投递',
      tone: 'waiting',
      dueText: '预计3天内反馈',
      dueWarn: false,
      replyRateText: 'HR回复率 85%',
      updatedText: '更新于 09:00',
    });
  });

  it('warns once the deadline has passed', () => {
    const row = toApplicationRowView(summary('viewed', { respondBy: iso(now - HOUR) }), now);
    expect(row).toMatchObject({ statusText: '被查看', dueText: '已超过预计反馈时间', dueWarn: true });
  });

  it('says why an application ended', () => {
    const reason = 'HR超过3天未查看简历，本次投递已自动关闭，去看看其他机会吧';
    expect(toApplicationRowView(summary('closed', { reason }), now)).toMatchObject({
      statusText: '已关闭',
      tone: 'ended',
      dueText: reason,
      dueWarn: true,
    });
    expect(toApplicationRowView(summary('rejected', { reason: '该岗位已招满' }), now)).toMatchObject({
      statusText: '不合适',
      dueText: '该岗位已招满',
      dueWarn: true,
    });
    expect(toApplicationRowView(summary('withdrawn', { reason: null }), now)).toMatchObject({
      dueText: '你已撤回本次投递',
      dueWarn: false,
    });
  });

  it('has nothing to wait for once the employer invited', () => {
    expect(toApplicationRowView(summary('interview'), now)).toMatchObject({
      tone: 'good',
      dueText: '',
      dueWarn: false,
    });
  });
});

describe('toApplicationTimelineView', () => {
  it('shows the road ahead of a new application, the first step current', () => {
    const view = toApplicationTimelineView('submitted', [step('submitted', at(22, 9))], now);
    expect(view).toEqual({
      current: 0,
      ended: false,
      steps: [
        { key: 'submitted-0', title: '投递成功', timeText: '今天 09:00', note: '' },
        { key: 'viewed-ahead', title: 'HR已查看', timeText: '', note: '' },
        { key: 'interview-ahead', title: '邀请面试', timeText: '', note: '' },
        { key: 'offer-ahead', title: '发放录用', timeText: '', note: '' },
        { key: 'hired-ahead', title: '已入职', timeText: '', note: '' },
      ],
    });
  });

  it('highlights the latest step reached, with its time and note', () => {
    const view = toApplicationTimelineView(
      'interview',
      [step('submitted', at(21, 9)), step('viewed', at(21, 15)), step('interview', at(22, 10), '周三下午两点面试')],
      now,
    );
    expect(view.current).toBe(2);
    expect(view.ended).toBe(false);
    expect(view.steps.map((s) => [s.title, s.timeText, s.note])).toEqual([
      ['投递成功', '昨天 09:00', ''],
      ['HR已查看', '昨天 15:00', ''],
      ['邀请面试', '今天 10:00', '周三下午两点面试'],
      ['发放录用', '', ''],
      ['已入职', '', ''],
    ]);
  });

  it('stops at the step that ended it, with the reason', () => {
    const reason = 'HR查看后3天内未给出答复，本次投递已自动关闭，去看看其他机会吧';
    const view = toApplicationTimelineView(
      'closed',
      [step('submitted', at(19, 9)), step('viewed', at(19, 20)), step('closed', at(22, 9), reason)],
      now,
    );
    expect(view).toMatchObject({ current: 2, ended: true });
    expect(view.steps).toHaveLength(3);
    expect(view.steps[2]).toEqual({ key: 'closed-2', title: '已关闭', timeText: '今天 09:00', note: reason });
  });

  it('ends on hired with every step reached', () => {
    const history = (['submitted', 'viewed', 'interview', 'offer', 'hired'] as const).map((s, i) =>
      step(s, at(10 + i, 10)),
    );
    const view = toApplicationTimelineView('hired', history, now);
    expect(view).toMatchObject({ current: 4, ended: false });
    expect(view.steps.every((s) => s.timeText !== '')).toBe(true);
  });
});

describe('toApplicationDetailView', () => {
  const detail = (status: ApplicationStatus, changes: Partial<ApplicationDetail> = {}): ApplicationDetail => ({
    ...summary(status),
    greeting: '您好',
    timeline: [step('submitted', at(22, 9))],
    ...changes,
  });

  it('lists the verified badges, the resume sent, and whether it can still be withdrawn', () => {
    const view = toApplicationDetailView(
      detail('offer', {
        trust: { realName: true, workId: true, student: false },
        resume: { kind: 'attachment', attachmentId: '4', fileName: '简历.pdf' },
      }),
      now,
    );
    expect(view).toMatchObject({
      statusText: '录用',
      tone: 'good',
      trustBadges: ['实名认证', '芝麻工作证'],
      resumeText: '附件简历 · 简历.pdf',
      greeting: '您好',
      submittedText: '今天 09:00',
      replyRateText: 'HR回复率 85%',
      canWithdraw: true,
    });
    expect(view.job).toMatchObject({ id: '17', title: '餐厅服务员', salaryText: '4.5-6K' });
    expect(toApplicationDetailView(detail('hired'), now).canWithdraw).toBe(false);
    expect(view.canSharePhone).toBe(true);
    // Once it has ended (withdrawn, rejected, closed, hired) sharing the phone is no longer offered.
    for (const ended of ['withdrawn', 'rejected', 'closed', 'hired'] as const)
      expect(toApplicationDetailView(detail(ended), now).canSharePhone).toBe(false);
    expect(toApplicationDetailView(detail('viewed', { phoneShared: true }), now).canSharePhone).toBe(false);
    expect(toApplicationDetailView(detail('submitted', { greeting: null }), now)).toMatchObject({
      greeting: '',
      trustBadges: [],
      resumeText: '在线简历',
      dueText: '预计3天内反馈',
    });
  });
});

describe('apply helpers', () => {
  it('labels the job detail apply button', () => {
    expect(toJobApplyBarView(undefined)).toEqual({
      applicationId: '',
      text: '立即投递',
      closedMessage: '',
      banner: '',
    });
    expect(toJobApplyBarView({ id: '8', status: 'viewed' })).toEqual({
      applicationId: '8',
      text: '被查看 · 查看进度',
      closedMessage: '',
      banner: '',
    });
  });

  it('tells why a paused or closed job takes no application; applied, the banner stays and the bar shows progress', () => {
    expect(toJobApplyBarView(undefined, 'paused')).toEqual({
      applicationId: '',
      text: '暂停招聘',
      closedMessage: '该职位暂停招聘，暂不接受投递',
      banner: '该职位暂停招聘，暂不接受投递',
    });
    expect(toJobApplyBarView(undefined, 'closed')).toMatchObject({
      text: '已关闭',
      closedMessage: '该职位已关闭，不再接受投递',
    });
    expect(toJobApplyBarView({ id: '8', status: 'closed' }, 'closed')).toEqual({
      applicationId: '8',
      text: '已关闭 · 查看进度',
      closedMessage: '',
      banner: '该职位已关闭，不再接受投递',
    });
  });

  it('lists the online resume first, then attachments, marking the chosen one', () => {
    const options = toResumeOptionViews(
      [
        {
          id: '4',
          fileName: '李雷-简历.pdf',
          sizeBytes: 320 * 1024,
          mimeType: 'application/pdf',
          uploadedAt: iso(at(21, 8)),
        },
      ],
      { kind: 'attachment', attachmentId: '4' },
      now,
    );
    expect(options).toEqual([
      { value: 'online', title: '在线简历', subtitle: 'HR将看到你在小程序里填写的简历', selected: false },
      { value: 'attachment:4', title: '李雷-简历.pdf', subtitle: 'PDF · 320KB · 昨天上传', selected: true },
    ]);
  });

  it('starts with a friendly greeting within the limit', () => {
    expect(defaultGreeting('餐厅服务员')).toContain('「餐厅服务员」');
    expect(defaultGreeting('长'.repeat(300))).toHaveLength(200);
  });
});
