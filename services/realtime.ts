import { REALTIME_CLOSE_CODES, REALTIME_PATH, type ClientEvent, type ServerEvent } from './contracts/realtime';
import { config } from './config';
import { openSocket, type SocketConnection } from './platform/socket';
import { renewTokens, validTokens } from './session-tokens';

export type RealtimeState = 'idle' | 'connecting' | 'open' | 'waiting' | 'paused';

export interface RealtimeOptions {
  /** ws:// or wss:// URL of the socket for an access token. */
  urlFor(accessToken: string): string;
  accessToken(): Promise<string>;
  /** A fresh token after the server closed with "expired" for `rejected`. */
  renewToken(rejected: string): Promise<string>;
  heartbeatMs: number;
  /** No pong (or any frame) this long after a ping: the connection is dead even if nobody said so. */
  pongTimeoutMs: number;
  reconnectBaseMs: number;
  reconnectMaxMs: number;
  random?: () => number;
}

type Listener<T> = (value: T) => void;

/**
 * The app's one realtime connection: heartbeat, reconnect with capped, jittered backoff, a token refresh
 * when the server says the token expired, and a pause while the app is hidden or offline. Whoever needs
 * to catch up listens to `onConnected`, called after each `hello` (first connection and every reconnect).
 */
export class RealtimeClient {
  state: RealtimeState = 'idle';
  private connection: SocketConnection | undefined;
  private generation = 0;
  private attempt = 0;
  private hidden = false;
  private offline = false;
  private started = false;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly eventListeners = new Set<Listener<ServerEvent>>();
  private readonly connectedListeners = new Set<Listener<void>>();
  private readonly stateListeners = new Set<Listener<RealtimeState>>();

  constructor(private readonly options: RealtimeOptions) {}

  /** Connects now and keeps connected until `stop`. */
  start(): void {
    this.started = true;
    this.connectSoon(0);
  }

  stop(): void {
    this.started = false;
    this.disconnect('idle');
  }

  /** The app went to the background: close, and reconnect only on `setHidden(false)`. */
  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    this.applyPause();
  }

  setOffline(offline: boolean): void {
    this.offline = offline;
    this.applyPause();
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** Sends a frame when connected; false otherwise (the caller keeps it for the next connection). */
  send(event: ClientEvent): boolean {
    return this.state === 'open' && !!this.connection?.send(JSON.stringify(event));
  }

  onEvent(listener: Listener<ServerEvent>): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onConnected(listener: Listener<void>): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  onStateChange(listener: Listener<RealtimeState>): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private applyPause(): void {
    if (!this.started) return;
    if (this.hidden || this.offline) this.disconnect('paused');
    else if (this.state === 'paused') this.connectSoon(0);
  }

  private setState(state: RealtimeState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }

  private connectSoon(delayMs: number): void {
    clearTimeout(this.reconnectTimer);
    if (!this.started || this.hidden || this.offline) return;
    this.setState(delayMs > 0 ? 'waiting' : 'connecting');
    this.reconnectTimer = setTimeout(() => void this.connect(), delayMs);
  }

  private async connect(token?: string): Promise<void> {
    const generation = ++this.generation;
    this.closeConnection();
    this.setState('connecting');
    let accessToken: string;
    try {
      accessToken = token ?? (await this.options.accessToken());
    } catch {
      if (generation === this.generation) this.retryLater();
      return;
    }
    if (generation !== this.generation || !this.started || this.hidden || this.offline) return;
    this.connection = openSocket(this.options.urlFor(accessToken), {
      onOpen: () => undefined,
      onMessage: (text) => {
        if (generation === this.generation) this.receive(text);
      },
      onClose: (code) => {
        if (generation === this.generation) void this.closed(code, accessToken);
      },
    });
  }

  private receive(text: string): void {
    let event: ServerEvent;
    try {
      event = JSON.parse(text) as ServerEvent;
    } catch {
      return;
    }
    this.heardFromServer();
    if (event.type === 'hello') {
      this.attempt = 0;
      this.setState('open');
      this.startHeartbeat();
      for (const listener of [...this.connectedListeners]) listener();
      return;
    }
    for (const listener of [...this.eventListeners]) listener(event);
  }

  private async closed(code: number, accessToken: string): Promise<void> {
    this.connection = undefined;
    this.stopHeartbeat();
    if (!this.started || this.hidden || this.offline) return;
    if (code === REALTIME_CLOSE_CODES.tokenExpired || code === REALTIME_CLOSE_CODES.unauthorized) {
      const generation = ++this.generation;
      try {
        const renewed = await this.options.renewToken(accessToken);
        if (generation === this.generation) void this.connect(renewed);
      } catch {
        if (generation === this.generation) this.retryLater();
      }
      return;
    }
    this.retryLater();
  }

  private retryLater(): void {
    this.attempt++;
    this.connectSoon(reconnectDelay(this.attempt, this.options));
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeatTimer = setInterval(() => {
      this.connection?.send(JSON.stringify({ type: 'ping' }));
    }, this.options.heartbeatMs);
    this.heardFromServer();
  }

  /** Any frame proves the connection alive; silence past heartbeat + timeout closes it. */
  private heardFromServer(): void {
    clearTimeout(this.silenceTimer);
    if (this.state !== 'open') return;
    this.silenceTimer = setTimeout(
      () => this.connection?.close(4000, 'heartbeat timeout'),
      this.options.heartbeatMs + this.options.pongTimeoutMs,
    );
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.silenceTimer);
    this.heartbeatTimer = undefined;
    this.silenceTimer = undefined;
  }

  private closeConnection(): void {
    const connection = this.connection;
    this.connection = undefined;
    this.stopHeartbeat();
    connection?.close();
  }

  private disconnect(state: RealtimeState): void {
    this.generation++;
    clearTimeout(this.reconnectTimer);
    this.closeConnection();
    this.setState(state);
  }
}

/** Exponential, capped, with jitter (half fixed, half random) so phones do not reconnect in step. */
export function reconnectDelay(
  attempt: number,
  options: Pick<RealtimeOptions, 'reconnectBaseMs' | 'reconnectMaxMs' | 'random'>,
): number {
  const ceiling = Math.min(options.reconnectMaxMs, options.reconnectBaseMs * 2 ** (attempt - 1));
  const random = options.random ?? Math.random;
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function realtimeUrl(baseUrl: string, accessToken: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}${REALTIME_PATH}?token=${encodeURIComponent(accessToken)}`;
}

/** The app's connection to its backend. */
export const realtime = new RealtimeClient({
  urlFor: (accessToken) => realtimeUrl(config.apiBaseUrl, accessToken),
  accessToken: async () => (await validTokens()).accessToken,
  renewToken: async (rejected) => (await renewTokens(rejected)).accessToken,
  heartbeatMs: 25_000,
  pongTimeoutMs: 10_000,
  // The first retry comes within 100 ms (most drops are a blip), then doubles up to 30 s.
  reconnectBaseMs: 100,
  reconnectMaxMs: 30_000,
});
