import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EmployerHr, EmployerSession } from '../../../services/contracts/employer';
import { setRequestSession } from '../api/client';
import * as api from '../api/employer';

const STORAGE_KEY = 'console.session';

interface StoredSession {
  token: string;
  hr: EmployerHr;
}

export interface Session {
  token: string;
  hr: EmployerHr;
  /** The signed-in HR changed (the autopilot switch answered). */
  updateHr(hr: EmployerHr): void;
  signOut(): Promise<void>;
}

interface SessionState {
  session: Session | null;
  signedIn(session: EmployerSession): void;
}

const SessionContext = createContext<SessionState | null>(null);

function readStored(): StoredSession | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as StoredSession | null;
    return stored && typeof stored.token === 'string' && stored.hr ? stored : null;
  } catch {
    return null;
  }
}

/**
 * The HR session: kept in localStorage so a reload stays signed in; checked against the server on start,
 * and dropped (back to sign-in, with the reason) whenever the server stops accepting the token.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
  const [stored, setStored] = useState<StoredSession | null>(readStored);

  const save = useCallback((next: StoredSession | null) => {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
    setStored(next);
  }, []);

  const lost = useCallback(
    (reason: string) => {
      save(null);
      void message.warning(reason || '登录已失效，请重新登录');
    },
    [message, save],
  );
  setRequestSession(stored?.token ?? null, lost);

  const token = stored?.token;
  useEffect(() => {
    if (!token) return;
    // The HR's company or autopilot may have changed since the last visit.
    api.fetchMe().then(
      (hr) => setStored((current) => (current && current.token === token ? { token, hr } : current)),
      () => undefined, // a 401 already signed out; other failures keep the stored profile
    );
  }, [token]);

  const value = useMemo<SessionState>(
    () => ({
      session: stored && {
        token: stored.token,
        hr: stored.hr,
        updateHr: (hr) => save({ token: stored.token, hr }),
        signOut: async () => {
          await api.signOut().catch(() => undefined);
          save(null);
        },
      },
      signedIn: (session) => save({ token: session.token, hr: session.hr }),
    }),
    [stored, save],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in HR; only inside the signed-in part of the console. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession without a session');
  return session;
}

export function useOptionalSession(): SessionState {
  return useSessionState();
}
