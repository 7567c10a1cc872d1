import './mobx-config';
import { messageOf } from './outcome';
import { makeObservable, action, computed, observable, runInAction } from 'mobx';
import type { CursorPage } from '../services/contracts/page';
import { LateAnswers } from './late-answers';
import type { LoadStatus } from './load-status';

export type FetchPage<T, Q> = (query: Q, cursor?: string) => Promise<CursorPage<T>>;

const LOAD_FAILED = '加载失败，请稍后重试';

/**
 * A cursor-paginated list as the app shows it: first page, pull-to-refresh, next pages appended at
 * the end. A failed refresh or next page keeps what is on screen and says why.
 */
export class CursorList<T, Q extends object> {
  query: Q;
  items: T[] = [];
  nextCursor: string | null = null;
  /** State of the first page. */
  status: LoadStatus = 'idle';
  errorMessage = '';
  refreshing = false;
  loadingMore = false;
  loadMoreError = '';
  /** Answers for a list that was since reloaded or refreshed are dropped. */
  private readonly requests = new LateAnswers();

  constructor(
    private readonly fetchPage: FetchPage<T, Q>,
    initialQuery: Q,
  ) {
    this.query = initialQuery;
    makeObservable<CursorList<T, Q>>(this, {
      query: observable.ref,
      items: observable.shallow,
      nextCursor: observable,
      status: observable,
      errorMessage: observable,
      refreshing: observable,
      loadingMore: observable,
      loadMoreError: observable,
      hasMore: computed,
      load: action,
      refresh: action,
      loadMore: action,
    });
  }

  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  /**
   * Loads the first page for `query`; what was shown stays until the answer comes. When it fails and a
   * list was on screen, that list stays, still paging under its own query, with the reason above it.
   */
  async load(query: Q = this.query): Promise<void> {
    const isLatest = this.requests.begin();
    const shownQuery = this.query;
    this.query = query;
    // Work for the previous query no longer blocks this one; its answers are dropped.
    this.loadingMore = false;
    this.refreshing = false;
    this.status = 'loading';
    this.errorMessage = '';
    this.loadMoreError = '';
    try {
      const page = await this.fetchPage(query);
      runInAction(() => {
        if (!isLatest()) return;
        this.items = page.items;
        this.nextCursor = page.nextCursor;
        this.status = 'ready';
      });
    } catch (error) {
      runInAction(() => {
        if (!isLatest()) return;
        this.errorMessage = messageOf(error, LOAD_FAILED);
        if (this.items.length) {
          this.query = shownQuery;
          this.status = 'ready';
        } else {
          this.status = 'error';
        }
      });
    }
  }

  /** Pull-down refresh: replaces the list on success, keeps it on failure. */
  async refresh(): Promise<void> {
    if (this.refreshing) return;
    if (this.status !== 'ready') return this.load();
    const isLatest = this.requests.begin();
    // A next page still on its way belongs to the list being replaced.
    this.loadingMore = false;
    this.refreshing = true;
    this.errorMessage = '';
    try {
      const page = await this.fetchPage(this.query);
      runInAction(() => {
        if (!isLatest()) return;
        this.refreshing = false;
        this.items = page.items;
        this.nextCursor = page.nextCursor;
        this.loadMoreError = '';
      });
    } catch (error) {
      runInAction(() => {
        if (!isLatest()) return;
        this.refreshing = false;
        this.errorMessage = messageOf(error, LOAD_FAILED);
      });
    }
  }

  async loadMore(): Promise<void> {
    if (this.status !== 'ready' || !this.nextCursor || this.loadingMore || this.refreshing) return;
    const isLatest = this.requests.observe();
    this.loadingMore = true;
    this.loadMoreError = '';
    try {
      const page = await this.fetchPage(this.query, this.nextCursor);
      // One action, so the append and the spinner going away reach the view in one transfer.
      runInAction(() => {
        if (!isLatest()) return;
        this.loadingMore = false;
        this.items = [...this.items, ...page.items];
        this.nextCursor = page.nextCursor;
      });
    } catch (error) {
      runInAction(() => {
        if (!isLatest()) return;
        this.loadingMore = false;
        this.loadMoreError = messageOf(error, LOAD_FAILED);
      });
    }
  }
}
