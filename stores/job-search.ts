import './mobx-config';
import { comparer, makeAutoObservable, reaction, runInAction } from 'mobx';
import { ApiError } from '../services/http';
import type { JobSuggestion } from '../services/contracts/jobs';
import { PAGE_SIZE_DEFAULT } from '../services/contracts/page';
import { getCity } from '../services/cities';
import { getJobFilters, suggestJobs } from '../services/jobs';
import { pickCity, type PickedCity } from './city-picker';
import { getLocation } from '../services/platform/location';
import { readStorage, removeStorage, writeStorage } from '../services/platform/storage';
import {
  EMPTY_SEARCH,
  searchToApiQuery,
  type JobSearch,
  type JobSort,
  type Position,
  preferencesFrom,
  type SeekerPreferences,
} from './job-query';
import { jobFeedStore } from './job-feed';
import { LateAnswers } from './late-answers';
import { resumeStore } from './resume';

/** The query parameters the resume's expectations set. */
const PREFERENCE_PARAMS = ['prefCategories', 'prefSalaryMin', 'prefCityCodes'] as const;

/** The resume's expectations as last seen, so the first 推荐 page after a relaunch is ranked before it loads. */
export const PREFERENCES_KEY = 'jobs.preferences';
export const SEARCH_HISTORY_KEY = 'jobs.searchHistory';
export const SEARCH_HISTORY_MAX = 20;
const SUGGEST_DELAY_MS = 200;

/** What the seeker is looking for on the jobs tab: it drives the feed, and remembers recent keywords. */
export class JobSearchStore {
  search: JobSearch = EMPTY_SEARCH;
  position: Position | null = null;
  locationError = '';
  history: string[] = readStorage<string[]>(SEARCH_HISTORY_KEY) ?? [];
  suggestions: JobSuggestion[] = [];
  industries: string[] = [];
  /** Districts of the chosen city, for the filter sheet. */
  districts: string[] = [];
  private districtsOf = '';
  /** Suggestions for older text are dropped. */
  private readonly suggestRequests = new LateAnswers();
  /** The seeker's search changes: a slow position answer cannot undo a later choice. */
  private readonly changes = new LateAnswers();
  private suggestTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the device remembered, until this launch has read the resume. */
  private rememberedPreferences = preferencesFrom(readStorage(PREFERENCES_KEY));

  constructor() {
    makeAutoObservable<
      JobSearchStore,
      'suggestRequests' | 'suggestTimer' | 'districtsOf' | 'changes' | 'rememberedPreferences'
    >(this, {
      rememberedPreferences: false,
      suggestRequests: false,
      suggestTimer: false,
      districtsOf: false,
      changes: false,
    });
    reaction(
      () => this.preferences,
      (preferences) => {
        if (resumeStore.resume) {
          if (preferences) writeStorage(PREFERENCES_KEY, preferences);
          else removeStorage(PREFERENCES_KEY);
        }
        void this.rankByPreferences();
      },
      { equals: comparer.structural },
    );
  }

  /** The seeker's expectations from the resume; before it loads, the ones the device remembered. */
  get preferences(): SeekerPreferences | null {
    const resume = resumeStore.resume;
    if (!resume) return this.rememberedPreferences;
    const expectations = resume.expectations;
    return expectations
      ? { categories: expectations.categories, salaryMin: expectations.salaryMin, cityCodes: expectations.cityCodes }
      : null;
  }

  /** Shows the feed for `search`; a keyword joins the history. */
  apply(search: JobSearch): Promise<void> {
    this.changes.supersede();
    this.search = search;
    const keyword = search.keyword.trim();
    if (keyword) this.remember(keyword);
    return jobFeedStore.load(searchToApiQuery(search, this.position, this.preferences));
  }

  /**
   * Whenever the resume's expectations become known or change (the resume loads after the first page on
   * launch, or the seeker edits them), a 推荐 feed ranked otherwise is ranked again.
   */
  private rankByPreferences(): Promise<void> {
    const shown = jobFeedStore.query;
    const wanted = searchToApiQuery(this.search, this.position, this.preferences);
    const stale = PREFERENCE_PARAMS.some((param) => shown[param] !== wanted[param]);
    // Never pull a seeker who already scrolled on back to the top.
    const onFirstPage = jobFeedStore.items.length <= PAGE_SIZE_DEFAULT && !jobFeedStore.loadingMore;
    return this.search.sort === 'match' && stale && onFirstPage ? this.apply(this.search) : Promise.resolve();
  }

  update(change: Partial<JobSearch>): Promise<void> {
    return this.apply({ ...this.search, ...change });
  }

  /** 附近 needs the seeker's position first; without it the sort stays as it was and says why. */
  async setSort(sort: JobSort): Promise<void> {
    const isLatest = this.changes.begin();
    if (sort === 'nearest' && !this.position && !(await this.locate())) return;
    if (!isLatest()) return;
    await this.update({ sort });
  }

  async locate(): Promise<boolean> {
    try {
      const { latitude, longitude } = await getLocation();
      runInAction(() => {
        this.position = { lat: latitude, lng: longitude };
        this.locationError = '';
      });
      return true;
    } catch {
      runInAction(() => {
        this.locationError = '无法获取位置，请在设置中允许支付宝使用定位后重试';
      });
      return false;
    }
  }

  async pickCity(): Promise<void> {
    let city: PickedCity | null;
    try {
      city = await pickCity({ nationwide: true });
    } catch {
      return;
    }
    if (city) await this.update({ cityCode: city.cityCode, cityName: city.cityName, district: '' });
  }

  clearCity(): Promise<void> {
    return this.update({ cityCode: '', cityName: '', district: '' });
  }

  /** The chosen city's districts; none without a city, and none (quietly) when they cannot be loaded. */
  async loadDistricts(): Promise<void> {
    const cityCode = this.search.cityCode;
    if (cityCode === this.districtsOf) return;
    this.districtsOf = cityCode;
    this.districts = [];
    if (!cityCode) return;
    try {
      const city = await getCity(cityCode);
      runInAction(() => {
        if (this.districtsOf === cityCode) this.districts = city.districts;
      });
    } catch {
      runInAction(() => {
        // Try again the next time the sheet opens.
        if (this.districtsOf === cityCode) this.districtsOf = '';
      });
    }
  }

  /** Asks for suggestions once typing pauses, so a fast typist sends one request, not one a letter. */
  suggestSoon(text: string, delayMs = SUGGEST_DELAY_MS): void {
    clearTimeout(this.suggestTimer);
    this.suggestTimer = setTimeout(() => void this.suggest(text), delayMs);
  }

  cancelSuggestions(): void {
    clearTimeout(this.suggestTimer);
    this.suggestRequests.supersede();
    this.suggestions = [];
  }

  /** Suggestions for `text`; answers to older text are dropped. */
  async suggest(text: string): Promise<void> {
    const isLatest = this.suggestRequests.begin();
    const keyword = text.trim();
    if (!keyword) {
      this.suggestions = [];
      return;
    }
    try {
      const { items } = await suggestJobs(keyword);
      runInAction(() => {
        if (isLatest()) this.suggestions = items;
      });
    } catch (error) {
      // A 400 (say, a keyword too long) leaves no suggestions; the search itself reports the reason.
      runInAction(() => {
        if (isLatest() && error instanceof ApiError) this.suggestions = [];
      });
    }
  }

  async loadIndustries(): Promise<void> {
    if (this.industries.length) return;
    try {
      const { industries } = await getJobFilters();
      runInAction(() => {
        this.industries = industries;
      });
    } catch {
      // The sheet shows the other filters; industries come on the next open.
    }
  }

  clearHistory(): void {
    this.history = [];
    removeStorage(SEARCH_HISTORY_KEY);
  }

  private remember(keyword: string): void {
    this.history = [keyword, ...this.history.filter((k) => k !== keyword)].slice(0, SEARCH_HISTORY_MAX);
    writeStorage(SEARCH_HISTORY_KEY, this.history);
  }
}

export const jobSearchStore = new JobSearchStore();
