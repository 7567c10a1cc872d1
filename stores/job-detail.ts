import './mobx-config';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { JobDetail } from '../services/contracts/jobs';
import { ApiError } from '../services/http';
import { getJob } from '../services/jobs';
import type { LoadStatus } from './load-status';

export interface JobDetailEntry {
  status: LoadStatus;
  job: JobDetail | null;
  errorMessage: string;
}

const EMPTY: JobDetailEntry = { status: 'idle', job: null, errorMessage: '' };

/** Job details by id; a reload after a failure keeps nothing stale on screen. */
export class JobDetailStore {
  entries = observable.map<string, JobDetailEntry>();

  constructor() {
    makeAutoObservable(this);
  }

  entry(id: string): JobDetailEntry {
    return this.entries.get(id) ?? EMPTY;
  }

  async load(id: string): Promise<void> {
    const previous = this.entries.get(id);
    this.entries.set(id, { status: 'loading', job: previous?.job ?? null, errorMessage: '' });
    try {
      const job = await getJob(id);
      runInAction(() => this.entries.set(id, { status: 'ready', job, errorMessage: '' }));
    } catch (error) {
      const message =
        error instanceof ApiError
          ? error.code === 'not_found'
            ? '该职位已下线或不存在'
            : error.message
          : '加载失败，请稍后重试';
      runInAction(() => this.entries.set(id, { status: 'error', job: previous?.job ?? null, errorMessage: message }));
    }
  }
}

export const jobDetailStore = new JobDetailStore();
