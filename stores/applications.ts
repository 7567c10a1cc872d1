import './mobx-config';
import { messageOf } from './outcome';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { ApplicationDetail, ApplicationStatus, ApplicationSummary } from '../services/contracts/applications';
import type { CursorPage } from '../services/contracts/page';
import {
  getApplication,
  listApplications,
  sharePhoneWithEmployer,
  withdrawApplication,
} from '../services/applications';
import { ApiError } from '../services/http';
import { CursorList } from './cursor-list';
import { loadFailure, type LoadStatus } from './load-status';

export type ApplicationTabKey = 'all' | 'submitted' | 'viewed' | 'interview' | 'offer' | 'rejected';

export interface ApplicationTab {
  key: ApplicationTabKey;
  title: string;
  /** The statuses this tab lists; none for 全部. */
  statuses?: ApplicationStatus[];
  /** Empty state of this tab. */
  emptyTitle: string;
}

/** 我的投递 tabs, in order. */
export const APPLICATION_TABS: readonly ApplicationTab[] = [
  { key: 'all', title: '全部', emptyTitle: '还没有投递记录' },
  { key: 'submitted', title: '已投递', statuses: ['submitted'], emptyTitle: '没有等待查看的投递' },
  { key: 'viewed', title: '被查看', statuses: ['viewed'], emptyTitle: '还没有被HR查看的投递' },
  { key: 'interview', title: '面试', statuses: ['interview'], emptyTitle: '还没有面试邀请' },
  { key: 'offer', title: '录用', statuses: ['offer', 'hired'], emptyTitle: '还没有录用通知' },
  // Closed (the employer let it lapse) sits with rejected: both ended without an offer, each with its reason.
  { key: 'rejected', title: '不合适', statuses: ['rejected', 'closed'], emptyTitle: '没有不合适的投递' },
];

export interface ApplicationFilter {
  statuses?: ApplicationStatus[];
  /** Only the application to this job (a seeker applies to a job once). */
  jobId?: string;
}

export interface ApplicationDetailEntry {
  status: LoadStatus;
  detail: ApplicationDetail | null;
  errorMessage: string;
  withdrawing: boolean;
}

/** What the job detail page needs to know about the seeker's application to a job. */
export interface JobApplication {
  id: string;
  status: ApplicationStatus;
}

const EMPTY_DETAIL: ApplicationDetailEntry = { status: 'idle', detail: null, errorMessage: '', withdrawing: false };

/** Applications a seeker sends over years stay few hundred; past this the server's 409 still catches a repeat. */

/** 我的投递: a cursor list per tab, application details, withdrawal, and which jobs the seeker applied to. */
export class ApplicationsStore {
  readonly lists: Record<ApplicationTabKey, CursorList<ApplicationSummary, ApplicationFilter>>;
  details = observable.map<string, ApplicationDetailEntry>();
  /** The seeker's application by job id. */
  byJob = observable.map<string, JobApplication>();

  constructor() {
    const lists = {} as Record<ApplicationTabKey, CursorList<ApplicationSummary, ApplicationFilter>>;
    for (const tab of APPLICATION_TABS) {
      lists[tab.key] = new CursorList<ApplicationSummary, ApplicationFilter>(
        (filter, cursor) => this.fetchPage(filter, cursor),
        tab.statuses ? { statuses: tab.statuses } : {},
      );
    }
    this.lists = lists;
    makeAutoObservable<ApplicationsStore, 'fetchPage'>(this, {
      lists: false,
      fetchPage: false,
    });
  }

  list(tab: ApplicationTabKey): CursorList<ApplicationSummary, ApplicationFilter> {
    return this.lists[tab];
  }

  /** Opens a tab: first load, or a refresh that keeps what it showed. */
  showTab(tab: ApplicationTabKey): Promise<void> {
    const list = this.lists[tab];
    return list.status === 'ready' ? list.refresh() : list.load();
  }

  /** After a change (applied, withdrawn), every tab already shown is brought up to date. */
  refreshShownLists(): void {
    for (const tab of APPLICATION_TABS) {
      const list = this.lists[tab.key];
      if (list.status === 'ready') void list.refresh();
    }
  }

  detailEntry(id: string): ApplicationDetailEntry {
    return this.details.get(id) ?? EMPTY_DETAIL;
  }

  /** Loads (or reloads, keeping what is shown) one application with its timeline. */
  async loadDetail(id: string): Promise<void> {
    this.details.set(id, { ...this.detailEntry(id), status: 'loading', errorMessage: '' });
    try {
      const detail = await getApplication(id);
      runInAction(() => this.rememberDetail(detail));
    } catch (error) {
      const failure = loadFailure(error, '投递记录不存在或已删除');
      runInAction(() => this.details.set(id, { ...this.detailEntry(id), ...failure }));
    }
  }

  /** Withdraws an application; answers the message to show when the server refuses, or null. */
  async withdraw(id: string): Promise<string | null> {
    if (this.detailEntry(id).withdrawing) return null;
    this.details.set(id, { ...this.detailEntry(id), withdrawing: true });
    try {
      const detail = await withdrawApplication(id);
      runInAction(() => {
        this.rememberDetail(detail);
        this.refreshShownLists();
      });
      return null;
    } catch (error) {
      runInAction(() => this.details.set(id, { ...this.detailEntry(id), withdrawing: false }));
      // A 409 means it moved on meanwhile (the employer decided): show where it stands now.
      if (error instanceof ApiError && error.status === 409) void this.loadDetail(id);
      return messageOf(error, '撤回失败，请稍后重试');
    }
  }

  /** Shares the phone with this application's employer; answers the message to show on failure, or null. */
  async sharePhone(id: string): Promise<string | null> {
    try {
      const detail = await sharePhoneWithEmployer(id);
      runInAction(() => this.rememberDetail(detail));
      return null;
    } catch (error) {
      return messageOf(error, '操作失败，请稍后重试');
    }
  }

  /** An application changed on the server (pushed over the socket): its detail now, and the lists shown. */
  receiveUpdate(detail: ApplicationDetail): void {
    this.rememberDetail(detail);
    this.refreshShownLists();
  }

  /** The seeker's application to this job, when known. */
  forJob(jobId: string): JobApplication | undefined {
    return this.byJob.get(jobId);
  }

  /** Makes `forJob(jobId)` current for the job detail page: one request for the seeker's application to it. */
  async loadForJob(jobId: string): Promise<void> {
    const known = this.byJob.get(jobId);
    if (known) return this.loadDetail(known.id);
    try {
      await this.fetchPage({ jobId, limit: 1 });
    } catch {
      // The apply button still works: the server answers a repeat with the existing application.
    }
  }

  /** Records what the app learned about an application (a list row, a detail, a new one). */
  remember(application: ApplicationSummary): void {
    this.byJob.set(application.job.id, { id: application.id, status: application.status });
  }

  /** A new application (or one the server said exists): known at once, lists refreshed. */
  rememberDetail(detail: ApplicationDetail): void {
    const entry = this.detailEntry(detail.id);
    this.details.set(detail.id, { ...entry, status: 'ready', detail, errorMessage: '', withdrawing: false });
    this.remember(detail);
  }

  private async fetchPage(
    filter: ApplicationFilter & { limit?: number },
    cursor?: string,
  ): Promise<CursorPage<ApplicationSummary>> {
    const page = await listApplications(filter, cursor);
    runInAction(() => {
      for (const item of page.items) this.remember(item);
    });
    return page;
  }
}

export const applicationsStore = new ApplicationsStore();
