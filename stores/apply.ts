import './mobx-config';
import { messageOf } from './outcome';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import {
  createApplicationRules,
  type ApplicationDetail,
  type ApplicationResumeChoice,
  type CreateApplicationRequest,
} from '../services/contracts/applications';
import type { JobSummary } from '../services/contracts/jobs';
import { applyBlockedMessage, resumeCompleteness, type SectionKey } from '../services/contracts/resume';
import type { ResumeAttachment } from '../services/contracts/resume-attachments';
import { SUBSCRIBE_TEMPLATES_PER_CALL, SUBSCRIPTION_TEMPLATES } from '../services/contracts/subscriptions';
import { validate } from '../services/contracts/validation';
import { createApplication } from '../services/applications';
import { listAttachments } from '../services/resume';
import { ApiError, newIdempotencyKey } from '../services/http';
import { getJob } from '../services/jobs';
import { requestSubscribeMessage } from '../services/platform/subscribe';
import { recordSubscriptions } from '../services/subscriptions';
import { defaultGreeting } from '../view-models/application-view';
import { applicationsStore } from './applications';
import { jobDetailStore } from './job-detail';
import { loadFailure, type LoadStatus } from './load-status';
import { resumeStore } from './resume';

/** One job's apply form. It outlives the page, so nothing typed is lost when sending fails or the seeker leaves. */
export interface ApplyForm {
  job: JobSummary | null;
  jobStatus: LoadStatus;
  jobError: string;
  attachments: ResumeAttachment[];
  attachmentsStatus: LoadStatus;
  attachmentsError: string;
  resume: ApplicationResumeChoice;
  /** null until the seeker edits it: the default greeting is shown and sent. */
  greeting: string | null;
  sending: boolean;
  /** Set once this form's application went through (the page is about to leave). */
  appliedId: string;
  errorMessage: string;
  /** Resume sections to fill before applying (the server's 409 `resume_incomplete`). */
  missing: SectionKey[];
  /**
   * The Idempotency-Key of the current submit attempt and what it sent. Tries of the same request reuse
   * it, so the server creates one application however often it arrives; a changed request gets a new key.
   */
  attempt: { key: string; fingerprint: string } | null;
}

export type ApplyOutcome =
  | { kind: 'created'; application: ApplicationDetail }
  /** Applied before: open this application instead. */
  | { kind: 'duplicate'; applicationId: string }
  /** Not sent; the form says why (`errorMessage`, `missing`). */
  | { kind: 'failed' }
  /** A send is already running (a double tap). */
  | { kind: 'busy' };

const EMPTY_FORM: ApplyForm = {
  job: null,
  jobStatus: 'idle',
  jobError: '',
  attachments: [],
  attachmentsStatus: 'idle',
  attachmentsError: '',
  resume: { kind: 'online' },
  greeting: null,
  sending: false,
  appliedId: '',
  errorMessage: '',
  missing: [],
  attempt: null,
};

/** Templates to ask consent for after applying, in calls of at most three. */
const STATUS_TEMPLATE_IDS = [
  SUBSCRIPTION_TEMPLATES.applicationStatus.id,
  SUBSCRIPTION_TEMPLATES.interviewInvite.id,
  SUBSCRIPTION_TEMPLATES.offer.id,
];

/** Applying to a job: the form per job, one application per submit attempt, then status notifications. */
export class ApplyStore {
  forms = observable.map<string, ApplyForm>();

  constructor() {
    makeAutoObservable(this);
  }

  form(jobId: string): ApplyForm {
    return this.forms.get(jobId) ?? EMPTY_FORM;
  }

  /** The greeting as it will be sent: what the seeker typed, or the default. */
  greetingOf(jobId: string): string {
    const form = this.form(jobId);
    if (form.greeting !== null) return form.greeting;
    return form.job ? defaultGreeting(form.job.title) : '';
  }

  private patch(jobId: string, changes: Partial<ApplyForm>): void {
    this.forms.set(jobId, { ...this.form(jobId), ...changes });
  }

  /** Loads the job summary and the seeker's attachment resumes; what was typed before stays. */
  async open(jobId: string): Promise<void> {
    const cached = jobDetailStore.entry(jobId).job;
    if (cached) this.patch(jobId, { job: cached, jobStatus: 'ready', jobError: '' });
    await Promise.all([cached ? Promise.resolve() : this.loadJob(jobId), this.loadAttachments(jobId)]);
  }

  /**
   * The seeker is back on the apply page (from the resume, say): the attachments are listed again, and a
   * refusal for an incomplete resume is weighed against the resume as it is now, so what was fixed is no
   * longer blamed.
   */
  async refresh(jobId: string): Promise<void> {
    const { missing, sending } = this.form(jobId);
    // Any other failure belongs to an attempt made before the seeker left: the next tap tries afresh.
    if (!missing.length && !sending) this.patch(jobId, { errorMessage: '' });
    await Promise.all([this.loadAttachments(jobId), missing.length ? this.recheckResume(jobId) : null]);
  }

  private async recheckResume(jobId: string): Promise<void> {
    await resumeStore.load();
    runInAction(() => {
      const { missing } = this.form(jobId);
      if (!resumeStore.resume || !missing.length) return;
      const stillMissing = resumeCompleteness(resumeStore.resume).missing;
      const left = missing.filter((section) => stillMissing.indexOf(section) >= 0);
      if (left.length === missing.length) return;
      this.patch(jobId, { missing: left, errorMessage: left.length ? applyBlockedMessage(left) : '' });
    });
  }

  async loadJob(jobId: string): Promise<void> {
    this.patch(jobId, { jobStatus: 'loading', jobError: '' });
    try {
      const job = await getJob(jobId);
      runInAction(() => this.patch(jobId, { job, jobStatus: 'ready' }));
    } catch (error) {
      const { status, errorMessage } = loadFailure(error, '职位不存在或已下线');
      runInAction(() => this.patch(jobId, { jobStatus: status, jobError: errorMessage }));
    }
  }

  async loadAttachments(jobId: string): Promise<void> {
    this.patch(jobId, { attachmentsStatus: 'loading', attachmentsError: '' });
    try {
      const { items } = await listAttachments();
      runInAction(() => {
        const { resume } = this.form(jobId);
        // A chosen attachment deleted meanwhile falls back to the online resume.
        const stillThere = resume.kind === 'online' || items.some((item) => item.id === resume.attachmentId);
        this.patch(jobId, {
          attachments: items,
          attachmentsStatus: 'ready',
          resume: stillThere ? resume : { kind: 'online' },
        });
      });
    } catch (error) {
      runInAction(() =>
        this.patch(jobId, {
          attachmentsStatus: 'error',
          attachmentsError: messageOf(error, '附件简历加载失败'),
        }),
      );
    }
  }

  setGreeting(jobId: string, greeting: string): void {
    this.patch(jobId, { greeting, errorMessage: '' });
  }

  /** `value` as the page lists it: 'online' or 'attachment:<id>'. */
  chooseResume(jobId: string, value: string): void {
    const resume: ApplicationResumeChoice =
      value.indexOf('attachment:') === 0
        ? { kind: 'attachment', attachmentId: value.slice('attachment:'.length) }
        : { kind: 'online' };
    this.patch(jobId, { resume, errorMessage: '' });
  }

  /** Sends the application. Double taps while sending are ignored; every failure keeps the form as typed. */
  async submit(jobId: string): Promise<ApplyOutcome> {
    const { sending, appliedId } = this.form(jobId);
    if (sending) return { kind: 'busy' };
    if (appliedId) return { kind: 'duplicate', applicationId: appliedId };
    const request: CreateApplicationRequest = { jobId, resume: this.form(jobId).resume };
    const greeting = this.greetingOf(jobId).trim();
    if (greeting) request.greeting = greeting;
    this.patch(jobId, { sending: true, errorMessage: '', missing: [] });
    const invalid = await validate(createApplicationRules, request);
    if (invalid.length) {
      runInAction(() => this.patch(jobId, { sending: false, errorMessage: invalid[0].message }));
      return { kind: 'failed' };
    }
    const fingerprint = JSON.stringify(request);
    const previous = this.form(jobId).attempt;
    const attempt =
      previous && previous.fingerprint === fingerprint ? previous : { key: newIdempotencyKey(), fingerprint };
    this.patch(jobId, { attempt });
    try {
      const application = await createApplication(request, attempt.key);
      runInAction(() => {
        applicationsStore.rememberDetail(application);
        applicationsStore.refreshShownLists();
        // The form stays as sent (behind the consent sheet) until the page leaves; a later tap opens it.
        this.patch(jobId, { sending: false, appliedId: application.id, attempt: null });
      });
      return { kind: 'created', application };
    } catch (error) {
      return runInAction(() => this.failed(jobId, error));
    }
  }

  private failed(jobId: string, error: unknown): ApplyOutcome {
    const details = error instanceof ApiError ? error.details : {};
    if (error instanceof ApiError && error.status === 409 && typeof details.applicationId === 'string') {
      this.patch(jobId, { sending: false, attempt: null });
      void applicationsStore.loadDetail(details.applicationId);
      return { kind: 'duplicate', applicationId: details.applicationId };
    }
    const missing =
      error instanceof ApiError && details.reason === 'resume_incomplete' && Array.isArray(details.missing)
        ? (details.missing as SectionKey[])
        : [];
    this.patch(jobId, { sending: false, errorMessage: messageOf(error, '投递失败，请稍后重试'), missing });
    return { kind: 'failed' };
  }

  /**
   * Asks for the status notification templates (at most three a call) and records what the seeker
   * accepted. Refusing is fine. Answers false only when recording the consent failed.
   */
  async subscribeToUpdates(applicationId: string): Promise<boolean> {
    let recorded = true;
    for (let start = 0; start < STATUS_TEMPLATE_IDS.length; start += SUBSCRIBE_TEMPLATES_PER_CALL) {
      const accepted = await requestSubscribeMessage(
        STATUS_TEMPLATE_IDS.slice(start, start + SUBSCRIBE_TEMPLATES_PER_CALL),
      );
      if (!accepted.length) continue;
      try {
        await recordSubscriptions({ templateIds: accepted, applicationId });
      } catch {
        recorded = false;
      }
    }
    return recorded;
  }
}

export const applyStore = new ApplyStore();
