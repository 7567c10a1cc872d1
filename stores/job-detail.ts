import './mobx-config';
import { messageOf } from './outcome';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import { jobReportRules, type JobDetail, type JobReportReason, type JobSummary } from '../services/contracts/jobs';
import { validate } from '../services/contracts/validation';
import { getJob, listSimilarJobs, reportJob } from '../services/jobs';
import { favoritesStore } from './favorites';
import { loadFailure, type LoadStatus } from './load-status';
import { recentViewsStore } from './recent-views';

export interface JobDetailEntry {
  status: LoadStatus;
  job: JobDetail | null;
  errorMessage: string;
  similar: JobSummary[];
  /** Reported by this seeker (in this session): the page says so instead of offering a second report. */
  reported: boolean;
}

const EMPTY: JobDetailEntry = { status: 'idle', job: null, errorMessage: '', similar: [], reported: false };

/** Job details by id, with similar jobs; opening one records it in recently viewed. */
export class JobDetailStore {
  entries = observable.map<string, JobDetailEntry>();

  constructor() {
    makeAutoObservable(this);
  }

  entry(id: string): JobDetailEntry {
    return this.entries.get(id) ?? EMPTY;
  }

  async load(id: string): Promise<void> {
    const previous = this.entry(id);
    this.entries.set(id, { ...previous, status: 'loading', errorMessage: '' });
    try {
      const isFresh = favoritesStore.readGuard(id);
      const job = await getJob(id);
      runInAction(() => {
        this.entries.set(id, { ...this.entry(id), status: 'ready', job });
        favoritesStore.remember(id, job.favorited, isFresh);
        recentViewsStore.record(job);
      });
    } catch (error) {
      const failure = loadFailure(error, '职位不存在或已下线', '职位加载失败，请稍后重试');
      runInAction(() => this.entries.set(id, { ...this.entry(id), ...failure }));
      return;
    }
    try {
      const { items } = await listSimilarJobs(id);
      runInAction(() => this.entries.set(id, { ...this.entry(id), similar: items }));
    } catch {
      // Similar jobs are a bonus: the detail stands without them.
    }
  }

  /** Files a report; answers the message to show when it fails (the text checked first, as the server would), or null. */
  async report(id: string, reason: JobReportReason, text: string): Promise<string | null> {
    const invalid = await validate(jobReportRules, { reason, text: text.trim() });
    if (invalid.length) return invalid[0].message;
    try {
      await reportJob(id, reason, text.trim());
      runInAction(() => this.entries.set(id, { ...this.entry(id), reported: true }));
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }
}

export const jobDetailStore = new JobDetailStore();
