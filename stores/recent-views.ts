import './mobx-config';
import { makeAutoObservable } from 'mobx';
import type { JobSummary } from '../services/contracts/jobs';
import { readStorage, writeStorage } from '../services/platform/storage';

export const RECENT_VIEWS_KEY = 'jobs.recentViews';
/** About 1 KB a job: well inside the 200 KB a storage key may hold. */
export const RECENT_VIEWS_MAX = 100;
export const RECENT_PAGE_SIZE = 20;

export interface RecentView {
  job: JobSummary;
  viewedAt: string;
}

/** Jobs the seeker opened, kept on the device, most recent first, shown a page at a time. */
export class RecentViewsStore {
  entries: RecentView[] = readStorage<RecentView[]>(RECENT_VIEWS_KEY) ?? [];
  shownCount = RECENT_PAGE_SIZE;

  constructor() {
    makeAutoObservable(this);
  }

  get shown(): RecentView[] {
    return this.entries.slice(0, this.shownCount);
  }

  get hasMore(): boolean {
    return this.shownCount < this.entries.length;
  }

  record(job: JobSummary, now: Date = new Date()): void {
    const summary: JobSummary = {
      id: job.id,
      title: job.title,
      salary: job.salary,
      cityCode: job.cityCode,
      cityName: job.cityName,
      district: job.district,
      experience: job.experience,
      education: job.education,
      jobType: job.jobType,
      hiringMode: job.hiringMode,
      tags: job.tags,
      company: job.company,
      hr: job.hr,
      publishedAt: job.publishedAt,
      distanceKm: null,
      hrInactive: job.hrInactive,
    };
    this.entries = [
      { job: summary, viewedAt: now.toISOString() },
      ...this.entries.filter((e) => e.job.id !== job.id),
    ].slice(0, RECENT_VIEWS_MAX);
    writeStorage(RECENT_VIEWS_KEY, this.entries);
  }

  showMore(): void {
    if (this.hasMore) this.shownCount += RECENT_PAGE_SIZE;
  }

  resetPaging(): void {
    this.shownCount = RECENT_PAGE_SIZE;
  }
}

export const recentViewsStore = new RecentViewsStore();
