import './mobx-config';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { Interview, InterviewFeedbackRequest } from '../services/contracts/interviews';
import { SUBSCRIPTION_TEMPLATES } from '../services/contracts/subscriptions';
import { ApiError } from '../services/http';
import {
  acceptInterview,
  declineInterview,
  getInterview,
  listInterviews,
  listSubscriptions,
  proposeInterviewTimes,
  sendInterviewFeedback,
} from '../services/interviews';
import { requestSubscribeMessage } from '../services/platform/subscribe';
import { recordSubscriptions } from '../services/subscriptions';
import { KeyedLateAnswers, LateAnswers } from './late-answers';
import { loadFailure, type LoadStatus } from './load-status';
import { messageOf } from './outcome';

export type InterviewAction = 'accept' | 'decline' | 'propose' | 'feedback' | 'remind';

export interface InterviewEntry {
  status: LoadStatus;
  interview: Interview | null;
  errorMessage: string;
  /** The answer being sent, '' when none. */
  acting: InterviewAction | '';
  /** Unused reminder consents for this interview's application (each pays for one reminder). */
  reminderConsents: number;
}

/** What an answer gets while another answer about the same interview is still on its way. */
export const INTERVIEW_BUSY = '正在处理上一个操作，请稍候';

const EMPTY: InterviewEntry = { status: 'idle', interview: null, errorMessage: '', acting: '', reminderConsents: 0 };
const REMINDER_TEMPLATE = SUBSCRIPTION_TEMPLATES.interviewReminder.id;

/**
 * 我的面试 and each interview: answers (accept, decline, propose other times, feedback) and reminder consents.
 * Countdowns read `now()`, the backend's clock (its offset learned from the list), moved by `tick()`.
 */
export class InterviewsStore {
  listStatus: LoadStatus = 'idle';
  items: Interview[] = [];
  listError = '';
  entries = observable.map<string, InterviewEntry>();
  /** Backend time minus device time: the mock's clock may run ahead. */
  clockOffset = 0;
  deviceNow = Date.now();
  private readonly listRequests = new LateAnswers();
  /** Per interview: a push or an answer supersedes what a list or detail read begun before it says. */
  private readonly interviewWrites = new KeyedLateAnswers<string>();
  /** The move on its way per interview, so a second tap gets its outcome instead of sending again. */
  private readonly running = new Map<string, { action: InterviewAction; outcome: Promise<string | null> }>();

  constructor() {
    makeAutoObservable<InterviewsStore, 'listRequests' | 'interviewWrites' | 'running'>(this, {
      listRequests: false,
      interviewWrites: false,
      running: false,
    });
  }

  now(): number {
    return this.deviceNow + this.clockOffset;
  }

  /** Moves the countdowns on (the page's one-second timer). */
  tick(): void {
    this.deviceNow = Date.now();
  }

  entry(id: string): InterviewEntry {
    return this.entries.get(id) ?? EMPTY;
  }

  async loadList(): Promise<void> {
    const isLatest = this.listRequests.begin();
    const isFresh = this.interviewWrites.observeAll();
    // A list once loaded (even an empty one) stays shown while it reloads and when the reload fails.
    const loaded = this.listStatus === 'ready';
    this.listStatus = loaded ? 'ready' : 'loading';
    this.listError = '';
    try {
      const list = await listInterviews();
      if (!isLatest()) return;
      runInAction(() => {
        this.clockOffset = Date.parse(list.now) - Date.now();
        this.deviceNow = Date.now();
        // An interview pushed or answered while the list was on its way keeps its newer state, and one
        // created meanwhile (missing from the answer) stays listed.
        const listed = new Set(list.items.map((interview) => interview.id));
        const movedMeanwhile = [...this.entries.values()]
          .map((entry) => entry.interview)
          .filter((interview): interview is Interview => !!interview && !isFresh(interview.id));
        this.items = [
          ...list.items.map((interview) =>
            isFresh(interview.id) ? interview : (this.entry(interview.id).interview ?? interview),
          ),
          ...movedMeanwhile.filter((interview) => !listed.has(interview.id)),
        ];
        this.listStatus = 'ready';
        for (const interview of list.items) if (isFresh(interview.id)) this.store(interview);
      });
    } catch (error) {
      if (!isLatest()) return;
      runInAction(() => {
        this.listError = messageOf(error, '加载失败，请稍后重试');
        if (!loaded) this.listStatus = 'error';
      });
    }
  }

  async loadDetail(id: string): Promise<void> {
    const isFresh = this.interviewWrites.observe(id);
    this.entries.set(id, { ...this.entry(id), status: 'loading', errorMessage: '' });
    try {
      const [interview, consents] = await Promise.all([getInterview(id), listSubscriptions()]);
      runInAction(() => {
        // A push or an answer that came meanwhile is newer than this read.
        if (isFresh()) this.store(interview);
        else this.entries.set(id, { ...this.entry(id), status: 'ready', errorMessage: '' });
        const reminderConsents = consents.items.filter(
          (consent) =>
            consent.templateId === REMINDER_TEMPLATE &&
            (consent.applicationId === null || consent.applicationId === interview.applicationId),
        ).length;
        this.entries.set(id, { ...this.entry(id), reminderConsents });
      });
    } catch (error) {
      const failure = loadFailure(error, '这场面试不存在，或已被取消');
      runInAction(() => this.entries.set(id, { ...this.entry(id), ...failure }));
    }
  }

  accept(id: string, slot: string): Promise<string | null> {
    return this.act(id, 'accept', () => acceptInterview(id, slot), '接受失败，请稍后重试');
  }

  decline(id: string, reason: string): Promise<string | null> {
    return this.act(id, 'decline', () => declineInterview(id, reason), '发送失败，请稍后重试');
  }

  propose(id: string, slots: string[]): Promise<string | null> {
    return this.act(id, 'propose', () => proposeInterviewTimes(id, slots), '发送失败，请稍后重试');
  }

  feedback(id: string, answer: InterviewFeedbackRequest): Promise<string | null> {
    return this.act(id, 'feedback', () => sendInterviewFeedback(id, answer), '提交失败，请稍后重试');
  }

  /**
   * Asks Alipay's sheet for one reminder consent: each allows one message, so two reminders (24 h and 1 h
   * before) need the seeker to agree twice. Answers what to tell the seeker.
   */
  async subscribeReminder(id: string): Promise<{ message: string; ok: boolean }> {
    const interview = this.entry(id).interview;
    if (!interview || this.entry(id).acting) return { message: '', ok: false };
    this.entries.set(id, { ...this.entry(id), acting: 'remind' });
    try {
      const accepted = await requestSubscribeMessage([REMINDER_TEMPLATE]);
      if (!accepted.length) return { message: '未开启提醒，可随时再开启', ok: false };
      await recordSubscriptions({ templateIds: accepted, applicationId: interview.applicationId });
      runInAction(() =>
        this.entries.set(id, { ...this.entry(id), reminderConsents: this.entry(id).reminderConsents + 1 }),
      );
      return { message: '已开启一次面试提醒', ok: true };
    } catch (error) {
      return { message: messageOf(error, '开启提醒失败，请稍后重试'), ok: false };
    } finally {
      runInAction(() => this.entries.set(id, { ...this.entry(id), acting: '' }));
    }
  }

  /**
   * An interview pushed (the app socket's `interview.updated`, routed by the chat store) or answered: the entry and the list agree.
   * A new one joins the list only once the list is loaded (until then the list's own read brings it). Reads
   * begun before it do not undo it.
   */
  remember(interview: Interview): void {
    this.interviewWrites.supersede(interview.id);
    this.store(interview);
  }

  private store(interview: Interview): void {
    const entry = this.entry(interview.id);
    this.entries.set(interview.id, { ...entry, status: 'ready', interview, errorMessage: '' });
    const index = this.items.findIndex((item) => item.id === interview.id);
    if (index >= 0) this.items[index] = interview;
    else if (this.listStatus === 'ready') this.items.push(interview);
  }

  private async act(
    id: string,
    action: InterviewAction,
    send: () => Promise<Interview>,
    fallback: string,
  ): Promise<string | null> {
    // A second tap waits for the first and tells the same outcome; another move is told to wait (busy is not
    // success: the caller shows this instead of "已接受").
    const running = this.running.get(id);
    if (running) return running.action === action ? running.outcome : INTERVIEW_BUSY;
    const outcome = this.send(id, action, send, fallback);
    this.running.set(id, { action, outcome });
    try {
      return await outcome;
    } finally {
      this.running.delete(id);
    }
  }

  private async send(
    id: string,
    action: InterviewAction,
    send: () => Promise<Interview>,
    fallback: string,
  ): Promise<string | null> {
    this.entries.set(id, { ...this.entry(id), acting: action });
    try {
      const interview = await send();
      runInAction(() => this.remember(interview));
      return null;
    } catch (error) {
      // A 409: the HR moved it meanwhile (cancelled, confirmed): show where it stands now.
      if (error instanceof ApiError && error.status === 409) void this.loadDetail(id);
      return messageOf(error, fallback);
    } finally {
      runInAction(() => this.entries.set(id, { ...this.entry(id), acting: '' }));
    }
  }
}

export const interviewsStore = new InterviewsStore();
