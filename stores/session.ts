import './mobx-config';
import { makeAutoObservable, runInAction } from 'mobx';
import type { MeOverview, UserProfile } from '../services/contracts/auth';
import { ApiError } from '../services/http';
import { getMeOverview, getProfile } from '../services/me';
import { validTokens } from '../services/session-tokens';

export type SessionStatus = 'signed_out' | 'signing_in' | 'signed_in' | 'failed';

/** The Alipay user behind this app: silent auth_base sign-in on launch, tokens restored from storage. */
export class SessionStore {
  status: SessionStatus = 'signed_out';
  userId = '';
  profile: UserProfile | null = null;
  errorMessage = '';
  /** The resume name and counts 我的 shows; the last one stays shown while a reload runs or fails. */
  overview: MeOverview | null = null;
  overviewError = '';
  private overviewLoading: Promise<void> | null = null;

  constructor() {
    makeAutoObservable<SessionStore, 'overviewLoading'>(this, { overviewLoading: false });
  }

  get signedIn(): boolean {
    return this.status === 'signed_in';
  }

  /** Loads (or reloads) the overview; a call while one runs shares it. */
  loadOverview(): Promise<void> {
    if (this.overviewLoading) return this.overviewLoading;
    this.overviewError = '';
    const run = async () => {
      try {
        const overview = await getMeOverview();
        runInAction(() => {
          this.overview = overview;
        });
      } catch (error) {
        runInAction(() => {
          this.overviewError = error instanceof ApiError ? error.message : '加载失败，请稍后重试';
        });
      } finally {
        this.overviewLoading = null;
      }
    };
    this.overviewLoading = run();
    return this.overviewLoading;
  }

  async signIn(): Promise<void> {
    if (this.status === 'signing_in') return;
    this.status = 'signing_in';
    this.errorMessage = '';
    try {
      const tokens = await validTokens();
      runInAction(() => {
        this.userId = tokens.userId;
      });
      const profile = await getProfile();
      runInAction(() => {
        this.profile = profile;
        this.status = 'signed_in';
      });
    } catch (error) {
      runInAction(() => {
        this.status = 'failed';
        this.errorMessage = error instanceof ApiError ? error.message : '登录失败，请稍后重试';
      });
    }
  }
}

export const sessionStore = new SessionStore();
