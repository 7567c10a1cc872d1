import './mobx-config';
import { messageOf } from './outcome';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { FavoriteItem } from '../services/contracts/favorites';
import { listFavorites, setFavorite } from '../services/favorites';
import { CursorList } from './cursor-list';
import { KeyedLateAnswers, type StillCurrent } from './late-answers';

/** Saved jobs: per-job state toggled optimistically (rolled back on failure), and the 我的 list. */
export class FavoritesStore {
  /** Known favorite state by job id. */
  states = observable.map<string, boolean>();
  pending = observable.set<string>();
  /** Taps per job: an answer read before the latest tap must not undo it. */
  private taps = new KeyedLateAnswers<string>();
  list = new CursorList<FavoriteItem, Record<string, never>>((_q, cursor) => listFavorites(cursor), {});

  constructor() {
    makeAutoObservable<FavoritesStore, 'taps'>(this, { list: false, taps: false });
  }

  /** Loads the saved list; every job on it is known to be saved. */
  async loadList(): Promise<void> {
    const isFresh = this.taps.observeAll();
    await this.list.load();
    runInAction(() => {
      for (const item of this.list.items) this.remember(item.job.id, true, () => isFresh(item.job.id));
    });
  }

  isFavorited(jobId: string): boolean {
    return this.states.get(jobId) ?? false;
  }

  /** Take this before reading a job's star from the server, and pass it back to `remember` with the answer. */
  readGuard(jobId: string): StillCurrent {
    return this.taps.observe(jobId);
  }

  /** A server answer about the star; a tap after the read began wins. */
  remember(jobId: string, favorited: boolean, isFresh: StillCurrent = this.readGuard(jobId)): void {
    if (!this.pending.has(jobId) && isFresh()) this.states.set(jobId, favorited);
  }

  /** Flips the star at once; on failure puts it back and answers the reason to show. */
  async toggle(jobId: string): Promise<string | null> {
    if (this.pending.has(jobId)) return null;
    const before = this.isFavorited(jobId);
    this.taps.supersede(jobId);
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
      return messageOf(error);
    }
  }
}

export const favoritesStore = new FavoritesStore();
