import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  EMPLOYER_REALTIME_PATH,
  REALTIME_CLOSE_CODES,
  type EmployerServerEvent,
} from '../../../services/contracts/realtime';

export type SocketState = 'connecting' | 'open' | 'reconnecting';

type Listener = (event: EmployerServerEvent) => void;

interface EmployerSocket {
  state: SocketState;
  /** Goes up on every (re)connection: what was loaded before may have missed events, so reload on change. */
  epoch: number;
  subscribe(listener: Listener): () => void;
}

const HEARTBEAT_MS = 25_000;
const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 15_000;

const SocketContext = createContext<EmployerSocket | null>(null);

/**
 * The HR's realtime channel (`/ws/employer`): one socket for the whole console, with heartbeats and
 * reconnects (capped exponential backoff with jitter). A refused token (4401/4402) ends the session.
 */
export function EmployerSocketProvider(props: { token: string; onRefused(): void; children: ReactNode }) {
  const { token, onRefused } = props;
  const [state, setState] = useState<SocketState>('connecting');
  const [epoch, setEpoch] = useState(0);
  const listeners = useRef(new Set<Listener>());
  const refused = useRef(onRefused);
  refused.current = onRefused;

  useEffect(() => {
    let socket: WebSocket | undefined;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const connect = () => {
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(
        `${scheme}://${location.host}${EMPLOYER_REALTIME_PATH}?token=${encodeURIComponent(token)}`,
      );
      socket.onmessage = (frame) => {
        const event = JSON.parse(String(frame.data)) as EmployerServerEvent;
        if (event.type === 'hello') {
          failures = 0;
          setState('open');
          setEpoch((n) => n + 1);
        }
        for (const listener of listeners.current) listener(event);
      };
      socket.onopen = () => {
        heartbeat = setInterval(() => socket?.send(JSON.stringify({ type: 'ping' })), HEARTBEAT_MS);
      };
      socket.onclose = (close) => {
        clearInterval(heartbeat);
        if (stopped) return;
        if (close.code === REALTIME_CLOSE_CODES.unauthorized || close.code === REALTIME_CLOSE_CODES.tokenExpired) {
          refused.current();
          return;
        }
        setState('reconnecting');
        const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** failures++);
        retry = setTimeout(connect, delay / 2 + Math.random() * (delay / 2));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearInterval(heartbeat);
      clearTimeout(retry);
      socket?.close();
    };
  }, [token]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo<EmployerSocket>(() => ({ state, epoch, subscribe }), [state, epoch, subscribe]);
  return <SocketContext.Provider value={value}>{props.children}</SocketContext.Provider>;
}

export function useEmployerSocket(): EmployerSocket {
  const socket = useContext(SocketContext);
  if (!socket) throw new Error('useEmployerSocket outside EmployerSocketProvider');
  return socket;
}

/** Calls `listener` with every event the server pushes while the component is mounted. */
export function useEmployerEvents(listener: Listener): void {
  const { subscribe } = useEmployerSocket();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}
