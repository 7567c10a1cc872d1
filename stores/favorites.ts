import './mobx-config';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { FavoriteItem } from '../services/contracts/favorites';
import { listFavorites, setFavorite } from '../services/favorites';
import { ApiError } from '../services/http';
import { CursorList } from './cursor-list';

/** Saved jobs: per-job state toggled optimistically (rolled back on failure), and the 我的 list. */
export class FavoritesStore {
  /** Known favorite state by job id. */
  states = observable.map<string, boolean>();
  pending = observable.set<string>();
  /** Taps per job: an answer read before the latest tap must not undo it. */
  private toggles = new Map<string, number>();
  list = new CursorList<FavoriteItem, Record<string, never>>((_q, cursor) => listFavorites(cursor), {});

  constructor() {
    makeAutoObservable<FavoritesStore, 'toggles'>(this, { list: false, toggles: false });
  }

  /** Loads the saved list; every job on it is known to be saved. */
  async loadList(): Promise<void> {
    const tapsBefore = new Map(this.toggles);
    await this.list.load();
    runInAction(() => {
      for (const item of this.list.items) this.remember(item.job.id, true, tapsBefore.get(item.job.id) ?? 0);
    });
  }

  isFavorited(jobId: string): boolean {
    return this.states.get(jobId) ?? false;
  }

  /** How many times the star of this job was tapped: pass it back to `remember` with a server answer. */
  tapsOf(jobId: string): number {
    return this.toggles.get(jobId) ?? 0;
  }

  /** A server answer about the star, read when `tapsBefore` taps had happened; later taps win. */
  remember(jobId: string, favorited: boolean, tapsBefore: number = this.tapsOf(jobId)): void {
    if (!this.pending.has(jobId) && tapsBefore === this.tapsOf(jobId)) this.states.set(jobId, favorited);
  }

  /** Flips the star at once; on failure puts it back and answers the reason to show. */
  async toggle(jobId: string): Promise<string | null> {
    if (this.pending.has(jobId)) return null;
    const before = this.isFavorited(jobId);
    this.toggles.set(jobId, this.tapsOf(jobId) + 1);
    this.states.set(jobId, !before);
    this.pending.add(jobId);
    try {
      await setFavorite(jobId, !before);
      runInAction(() => this.pending.delete(jobId));
      return null;
    } catch (error) {
      runInAction(() => {
        this.pending.delete(jobId);
        this.states.set(jobId, before);
      });
      return error instanceof ApiError ? error.message : '操作失败，请稍后重试';
    }
  }
}

export const favoritesStore = new FavoritesStore();
