import WebSocket from 'ws';
import type { TokenPair } from '../../services/contracts/auth';
import type { EmployerSession } from '../../services/contracts/employer';
import { EMPLOYER_REALTIME_PATH, type EmployerServerEvent, type ServerEvent } from '../../services/contracts/realtime';
import type { MockServer, MockServerOptions } from '../../mock/server';
import { startEphemeralMock } from '../../scripts/lib/ephemeral-mock';

/** Fixed so seeded rows are the same on every run. */
export const TEST_REFERENCE_TIME = Date.UTC(2025, 0, 15);

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is, for malformed-body cases. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestBackend {
  server: MockServer;
  url: string;
  request<T = unknown>(method: string, urlPath: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Stops the server and starts it again on the same port and database file; true when nothing was reseeded. */
  restart(): Promise<boolean>;
  /** Logs in as the Alipay user named by `key` with a fresh single-use code. */
  login(key: string): Promise<TokenPair>;
  close(): Promise<void>;
}

let codeCounter = 0;

export function freshAuthCode(key: string): string {
  codeCounter += 1;
  return `u_${key}.${process.pid}-${codeCounter}-${Date.now()}`;
}

/** The real mock server on an ephemeral port over a temporary database, quiet, with no autopilot timer. */
export async function startTestBackend(options: MockServerOptions = {}): Promise<TestBackend> {
  const server = await startEphemeralMock({
    ...options,
    seed: { jobs: 300, seed: 'test-seed', referenceTime: TEST_REFERENCE_TIME, ...options.seed },
  });

  async function request<T>(method: string, urlPath: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined || opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = opts.rawBody ?? JSON.stringify(opts.body);
    }
    const response = await fetch(server.url + urlPath, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }

  return {
    server,
    url: server.url,
    request,
    restart: () => server.restart(),
    login: async (key) => {
      const response = await request<TokenPair>('POST', '/auth/login', { body: { authCode: freshAuthCode(key) } });
      if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(response.body)}`);
      return response.body;
    },
    close: () => server.stop(),
  };
}

/** A realtime client that queues server events so a test can wait for the next one of a type. */
export interface RealtimeClient<E extends { type: string } = ServerEvent> {
  socket: WebSocket;
  next<T extends E['type']>(type: T, timeoutMs?: number): Promise<Extract<E, { type: T }>>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** Connects to the seeker channel (`/ws`), or with `path` `/ws/employer` and an HR token, to the console's. */
export function connectRealtime<E extends { type: string } = ServerEvent>(
  baseUrl: string,
  token: string,
  path = '/ws',
): RealtimeClient<E> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}?token=${encodeURIComponent(token)}`);
  const events: E[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    events.push(JSON.parse(data.toString()) as E);
    waiters.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  socket.on('error', () => undefined);

  async function next<T extends E['type']>(type: T, timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = events.findIndex((event) => event.type === type);
      if (index >= 0) return events.splice(index, 1)[0] as Extract<E, { type: T }>;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no ${type} event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  return { socket, next, closed, close: () => socket.close() };
}

/** The HR console's socket as `hrId`: signs in (`POST /employer/session`) and connects with that token. */
export async function connectEmployerRealtime(
  backend: TestBackend,
  hrId: string | number,
): Promise<RealtimeClient<EmployerServerEvent>> {
  const session = await backend.request<EmployerSession>('POST', '/employer/session', { body: { hrId: String(hrId) } });
  if (session.status !== 201) throw new Error(`HR sign-in failed: ${JSON.stringify(session.body)}`);
  return connectRealtime<EmployerServerEvent>(backend.url, session.body.token, EMPLOYER_REALTIME_PATH);
}
