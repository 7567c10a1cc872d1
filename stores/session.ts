import './mobx-config';
import { makeAutoObservable, runInAction } from 'mobx';
import type { UserProfile } from '../services/contracts/auth';
import { ApiError } from '../services/http';
import { getProfile } from '../services/me';
import { validTokens } from '../services/session-tokens';

export type SessionStatus = 'signed_out' | 'signing_in' | 'signed_in' | 'failed';

/** The Alipay user behind this app: silent auth_base sign-in on launch, tokens restored from storage. */
export class SessionStore {
  status: SessionStatus = 'signed_out';
  userId = '';
  profile: UserProfile | null = null;
  errorMessage = '';

  constructor() {
    makeAutoObservable(this);
  }

  get signedIn(): boolean {
    return this.status === 'signed_in';
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
