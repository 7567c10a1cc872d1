import {
  APPLICATION_STATUS_LABELS,
  canTransition,
  isApplicationEnded,
  GREETING_MAX,
  type ApplicationDetail,
  type ApplicationResume,
  type ApplicationResumeChoice,
  type ApplicationStatus,
  type ApplicationSummary,
  type ApplicationTimelineStep,
} from '../services/contracts/applications';
import { JOB_NOT_OPEN_MESSAGES, JOB_STATUS_LABELS, type JobStatus } from '../services/contracts/jobs';
import { fileExtension, type ResumeAttachment } from '../services/contracts/resume-attachments';
import { TRUST_KIND_LABELS, TRUST_KINDS, type TrustBadges } from '../services/contracts/trust';
import {
  formatDateTime,
  formatEmployerReplyRate,
  formatFileSize,
  formatMessageTime,
  formatRespondBy,
  formatSalary,
} from '../format';
import { toJobCardView, type JobCardView } from './job-view';
import { truncateVisible } from '../services/contracts/text';

/** How a status reads at a glance: still waiting, going well, or over. */
export type ApplicationTone = 'waiting' | 'good' | 'ended';

const TONES: Record<ApplicationStatus, ApplicationTone> = {
  submitted: 'waiting',
  viewed: 'waiting',
  interview: 'good',
  offer: 'good',
  hired: 'good',
  rejected: 'ended',
  withdrawn: 'ended',
  closed: 'ended',
};

/** The road an application takes when it goes well, in order. */
const PIPELINE: readonly ApplicationStatus[] = ['submitted', 'viewed', 'interview', 'offer', 'hired'];

/** Step titles on the timeline (the list uses the shorter status labels of the contract). */
const STEP_TITLES: Record<ApplicationStatus, string> = {
  submitted: '投递成功',
  viewed: 'HR已查看',
  interview: '邀请面试',
  offer: '发放录用',
  hired: '已入职',
  rejected: '不合适',
  withdrawn: '已撤回',
  closed: '已关闭',
};

export interface ApplicationRowView {
  id: string;
  jobTitle: string;
  companyName: string;
  salaryText: string;
  statusText: string;
  tone: ApplicationTone;
  /** "预计3天内反馈", "今天内反馈", or why it ended; '' when there is nothing to wait for. */
  dueText: string;
  /** The deadline passed, or the application ended without an offer: shown in a warning colour. */
  dueWarn: boolean;
  replyRateText: string;
  updatedText: string;
}

/** What the seeker waits for, or why it is over. */
function dueOf(application: ApplicationSummary, now: number): { dueText: string; dueWarn: boolean } {
  if (TONES[application.status] === 'ended') {
    const fallback = application.status === 'withdrawn' ? '你已撤回本次投递' : '本次投递已结束';
    return { dueText: application.reason || fallback, dueWarn: application.status !== 'withdrawn' };
  }
  if (application.respondBy) {
    return {
      dueText: formatRespondBy(application.respondBy, now),
      dueWarn: Date.parse(application.respondBy) <= now,
    };
  }
  return { dueText: '', dueWarn: false };
}

export function toApplicationRowView(application: ApplicationSummary, now: number = Date.now()): ApplicationRowView {
  return {
    id: application.id,
    jobTitle: application.job.title,
    companyName: application.job.company.name,
    salaryText: formatSalary(application.job.salary),
    statusText: APPLICATION_STATUS_LABELS[application.status],
    tone: TONES[application.status],
    ...dueOf(application, now),
    replyRateText: formatEmployerReplyRate(application.job.hr.replyRate),
    updatedText: `更新于 ${formatMessageTime(application.updatedAt, now)}`,
  };
}

export interface TimelineStepView {
  /** Unique within the timeline (a:key). */
  key: string;
  title: string;
  /** '' for a step not reached yet. */
  timeText: string;
  /** Interview note, rejection or closing reason; '' when none. */
  note: string;
}

/** What the application-timeline component draws. */
export interface ApplicationTimelineView {
  steps: TimelineStepView[];
  /** Index of the current step: the one highlighted. */
  current: number;
  /** Ended without going all the way (rejected, withdrawn, closed): the current step shows as stopped. */
  ended: boolean;
}

/**
 * Steps reached, each with its time, then (while the application is alive) the steps still ahead
 * without a time. An application that ended stops at the step that ended it.
 */
export function toApplicationTimelineView(
  status: ApplicationStatus,
  history: readonly ApplicationTimelineStep[],
  now: number = Date.now(),
): ApplicationTimelineView {
  const steps: TimelineStepView[] = history.map((step, index) => ({
    key: `${step.status}-${index}`,
    // Answers, reschedules and new rounds of an interview are further steps inside 面试.
    title:
      step.status === 'interview' && history.slice(0, index).some((before) => before.status === 'interview')
        ? '面试进展'
        : STEP_TITLES[step.status],
    timeText: formatDateTime(step.at, now),
    note: step.note ?? '',
  }));
  const ended = TONES[status] === 'ended';
  const current = Math.max(0, steps.length - 1);
  if (!ended) {
    const reached = PIPELINE.indexOf(status);
    for (const ahead of PIPELINE.slice(reached + 1)) {
      steps.push({ key: `${ahead}-ahead`, title: STEP_TITLES[ahead], timeText: '', note: '' });
    }
  }
  return { steps, current, ended };
}

export interface ApplicationDetailView {
  id: string;
  job: JobCardView;
  statusText: string;
  tone: ApplicationTone;
  dueText: string;
  dueWarn: boolean;
  replyRateText: string;
  submittedText: string;
  resumeText: string;
  greeting: string;
  /** Verified badges the employer saw with this application, e.g. ['实名认证', '芝麻工作证']. */
  trustBadges: string[];
  timeline: ApplicationTimelineView;
  canWithdraw: boolean;
  /** The employer sees the phone masked until the seeker agrees to share it. */
  phoneShared: boolean;
  /** Not shared yet and the application still open: sharing is offered. */
  canSharePhone: boolean;
}

export function resumeText(resume: ApplicationResume): string {
  return resume.kind === 'online' ? '在线简历' : `附件简历 · ${resume.fileName}`;
}

export function trustBadgeLabels(trust: TrustBadges): string[] {
  return TRUST_KINDS.filter((kind) => trust[kind]).map((kind) => TRUST_KIND_LABELS[kind]);
}

export function toApplicationDetailView(detail: ApplicationDetail, now: number = Date.now()): ApplicationDetailView {
  return {
    id: detail.id,
    job: toJobCardView(detail.job, now),
    statusText: APPLICATION_STATUS_LABELS[detail.status],
    tone: TONES[detail.status],
    ...dueOf(detail, now),
    replyRateText: formatEmployerReplyRate(detail.job.hr.replyRate),
    submittedText: formatDateTime(detail.createdAt, now),
    resumeText: resumeText(detail.resume),
    greeting: detail.greeting ?? '',
    trustBadges: trustBadgeLabels(detail.trust),
    timeline: toApplicationTimelineView(detail.status, detail.timeline, now),
    canWithdraw: canTransition(detail.status, 'withdrawn'),
    phoneShared: detail.phoneShared,
    canSharePhone: !detail.phoneShared && !isApplicationEnded(detail.status),
  };
}

/**
 * The job detail page's apply button: apply, or (already applied) where that application stands, or (the
 * company paused or closed the job) why it takes no application.
 */
export interface JobApplyBarView {
  /** '' until the seeker has applied to this job. */
  applicationId: string;
  text: string;
  /** Set when the seeker has not applied and the job takes no application: the reason, shown on tap. */
  closedMessage: string;
  /** Why the job takes no application (paused, closed), above its details, applied or not; '' when open. */
  banner: string;
}

export function toJobApplyBarView(
  application: { id: string; status: ApplicationStatus } | undefined,
  jobStatus: JobStatus = 'open',
): JobApplyBarView {
  const banner = jobStatus === 'open' ? '' : JOB_NOT_OPEN_MESSAGES[jobStatus];
  if (application) {
    return {
      applicationId: application.id,
      text: `${APPLICATION_STATUS_LABELS[application.status]} · 查看进度`,
      closedMessage: '',
      banner,
    };
  }
  if (jobStatus !== 'open')
    return { applicationId: '', text: JOB_STATUS_LABELS[jobStatus], closedMessage: banner, banner };
  return { applicationId: '', text: '立即投递', closedMessage: '', banner };
}

/** One choice of resume on the apply page. `value` is 'online' or 'attachment:<id>'. */
export interface ResumeOptionView {
  value: string;
  title: string;
  subtitle: string;
  selected: boolean;
}

export function resumeChoiceValue(choice: ApplicationResumeChoice): string {
  return choice.kind === 'online' ? 'online' : `attachment:${choice.attachmentId}`;
}

export function toResumeOptionViews(
  attachments: readonly ResumeAttachment[],
  choice: ApplicationResumeChoice,
  now: number = Date.now(),
): ResumeOptionView[] {
  const selected = resumeChoiceValue(choice);
  const online: ResumeOptionView = {
    value: 'online',
    title: '在线简历',
    subtitle: 'HR将看到你在小程序里填写的简历',
    selected: selected === 'online',
  };
  return [
    online,
    ...attachments.map((attachment) => {
      const value = `attachment:${attachment.id}`;
      const kind = fileExtension(attachment.fileName).toUpperCase() || '附件';
      return {
        value,
        title: attachment.fileName,
        subtitle: `${kind} · ${formatFileSize(attachment.sizeBytes)} · ${formatMessageTime(attachment.uploadedAt, now)}上传`,
        selected: selected === value,
      };
    }),
  ];
}

/** The greeting the apply page starts with; the seeker may edit or clear it. */
export function defaultGreeting(jobTitle: string): string {
  const text = `您好，我对贵公司的「${jobTitle}」职位很感兴趣，希望有机会进一步沟通，期待您的回复！`;
  return truncateVisible(text, GREETING_MAX);
}
