/**
 * WebSockets (/mini/api/vx19c3), over the environment's socket factory:
 * - `multiple: true` returns a SocketTask (send, close, onOpen/onMessage/onClose/onError and their off*);
 *   at most 5 open at once. Its listeners receive `{ data: { socketTaskID, … } }` as the typings declare.
 * - single mode: my.onSocketOpen/onSocketMessage/onSocketError/onSocketClose, my.sendSocketMessage,
 *   my.closeSocket; a second connectSocket while one exists fails with 3.
 * - `data` is appended to the url as a query string; a url not starting with ws:// or wss:// fails with 5;
 *   sending before open (or after close) fails with 10; connecting times out after 30 s by default.
 * - going offline drops every socket: error, then close with 1006, as on a phone that lost its network.
 */
import { ERROR, fail, type Invoke } from '../core/invoke';
import { buildQuery } from '../core/query';
import type { MyParts, SocketLike } from './parts';

export const MAX_SOCKET_TASKS = 5;
export const SOCKET_CONNECT_TIMEOUT_MS = 30_000;
export const SOCKET_ERRORS = { invalidUrl: 2, exists: 3, notWs: 5, notOpen: ERROR.socketNotOpen } as const;
const OPEN = 1;

type Options = Record<string, unknown>;
type Listener = (arg: unknown) => void;
type Kind = 'open' | 'message' | 'error' | 'close';

interface Connection {
  socket: SocketLike;
  open: boolean;
  closed: boolean;
  drop(): void;
}

function bytesToBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface SocketControl {
  /** Connections not yet closed. */
  readonly openCount: number;
  /** Drops every socket (offline, or the app going away). */
  dropAll(reason: string): void;
}

export function createSockets(parts: MyParts, invoke: Invoke, online: () => boolean) {
  const live = new Set<Connection>();
  let taskSeq = 0;

  const listenerSet = () =>
    ({ open: new Set(), message: new Set(), error: new Set(), close: new Set() }) as Record<Kind, Set<Listener>>;

  /** Opens a connection; `emit` shapes and delivers each event. */
  function connect(options: Options, emit: (kind: Kind, payload: Record<string, unknown>) => void): Connection {
    const url = typeof options.url === 'string' ? options.url : '';
    if (!url) fail(SOCKET_ERRORS.invalidUrl, '接口参数无效');
    if (!/^wss?:\/\//i.test(url)) fail(SOCKET_ERRORS.notWs, 'url 必须以 ws 或者 wss 开头');
    if (!online()) fail(ERROR.network, '网络出错');
    const query = options.data && typeof options.data === 'object' ? buildQuery(options.data as Options) : '';
    const target = query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
    const headers = Object.fromEntries(
      Object.entries((options.header ?? {}) as Options).map(([key, value]) => [key, String(value)]),
    );
    const socket = parts.openSocket(
      parts.rewriteUrl?.(target) ?? target,
      options.protocols as string[] | undefined,
      headers,
    );
    socket.binaryType = 'arraybuffer';
    const connection: Connection = {
      socket,
      open: false,
      closed: false,
      drop: () => {
        if (connection.closed) return;
        finish();
        socket.onopen = socket.onmessage = socket.onerror = null;
        socket.onclose = null;
        try {
          socket.close();
        } catch {
          // already gone
        }
        emit('error', { error: ERROR.network, errorMessage: '网络断开' });
        emit('close', { code: 1006, reason: 'network lost' });
      },
    };
    const timeoutMs = Number(options.timeout ?? SOCKET_CONNECT_TIMEOUT_MS) || SOCKET_CONNECT_TIMEOUT_MS;
    const timer = parts.timers.setTimeout(() => {
      if (!connection.open && !connection.closed) {
        emit('error', { error: ERROR.timeout, errorMessage: '连接超时' });
        connection.drop();
      }
    }, timeoutMs);
    const finish = () => {
      connection.closed = true;
      connection.open = false;
      live.delete(connection);
      parts.timers.clearTimeout(timer);
    };
    live.add(connection);
    socket.onopen = () => {
      connection.open = true;
      parts.timers.clearTimeout(timer);
      emit('open', {});
    };
    socket.onmessage = (event) => {
      const binary = event.data instanceof ArrayBuffer;
      // Binary frames reach the app as base64 text with isBuffer true.
      emit('message', { data: binary ? bytesToBase64(event.data as ArrayBuffer) : event.data, isBuffer: binary });
    };
    socket.onerror = () => emit('error', { error: ERROR.network, errorMessage: 'WebSocket error' });
    socket.onclose = (event) => {
      if (connection.closed) return;
      finish();
      emit('close', { code: event.code, reason: event.reason });
    };
    return connection;
  }

  function send(connection: Connection | null, options: Options) {
    if (!connection || !connection.open || connection.socket.readyState !== OPEN)
      fail(SOCKET_ERRORS.notOpen, 'WebSocket 未连接');
    const data = options.data;
    if (typeof data !== 'string' && !(data instanceof ArrayBuffer)) fail(ERROR.invalidParams, 'data 必须是字符串');
    // isBuffer: the string is base64 of binary data.
    if (options.isBuffer && typeof data === 'string')
      (connection as Connection).socket.send(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)).buffer);
    else (connection as Connection).socket.send(data as string | ArrayBuffer);
    return { success: true };
  }

  function close(connection: Connection | null, options: Options) {
    if (connection && !connection.closed)
      connection.socket.close(Number(options.code ?? 1000), String(options.reason ?? ''));
    return { success: true };
  }

  function deliver(listeners: Set<Listener>, what: string, arg: unknown) {
    for (const listener of [...listeners])
      try {
        listener(arg);
      } catch (error) {
        parts.report(`${what} listener`, error);
      }
  }

  // ---- SocketTask (multiple: true) ----
  function socketTask(options: Options) {
    const id = String(++taskSeq);
    const listeners = listenerSet();
    let connection: Connection | null = null;
    const emit = (kind: Kind, payload: Record<string, unknown>) => {
      const arg =
        kind === 'error'
          ? { data: { socketTaskID: id, ...payload }, error: payload.error, errorMessage: payload.errorMessage }
          : { data: { socketTaskID: id, ...payload } };
      deliver(listeners[kind], `SocketTask.on${kind[0].toUpperCase()}${kind.slice(1)}`, arg);
    };
    const on = (kind: Kind) => (listener: unknown) => {
      if (typeof listener === 'function') listeners[kind].add(listener as Listener);
    };
    const off = (kind: Kind) => (listener?: unknown) => {
      if (typeof listener === 'function') listeners[kind].delete(listener as Listener);
      else listeners[kind].clear();
    };
    void invoke('connectSocket', options, () => {
      const tasks = [...live].length;
      if (tasks >= MAX_SOCKET_TASKS) fail(ERROR.unknown, `at most ${MAX_SOCKET_TASKS} sockets at once`);
      connection = connect(options, emit);
      return { socketTaskId: id };
    }).catch(() => undefined);
    return {
      onOpen: on('open'),
      offOpen: off('open'),
      onMessage: on('message'),
      offMessage: off('message'),
      onError: on('error'),
      offError: off('error'),
      onClose: on('close'),
      offClose: off('close'),
      send: (o: Options = {}) => invoke('SocketTask.send', o, () => send(connection, o)),
      close: (o: Options = {}) => invoke('SocketTask.close', o, () => close(connection, o)),
    };
  }

  // ---- single mode ----
  const single = listenerSet();
  let singleConnection: Connection | null = null;
  const emitSingle = (kind: Kind, payload: Record<string, unknown>) =>
    deliver(single[kind], `my.onSocket${kind[0].toUpperCase()}${kind.slice(1)}`, payload);
  const onSingle = (kind: Kind) => (listener: unknown) => {
    if (typeof listener === 'function') single[kind].add(listener as Listener);
  };
  const offSingle = (kind: Kind) => (listener?: unknown) => {
    if (typeof listener === 'function') single[kind].delete(listener as Listener);
    else single[kind].clear();
  };

  const apis = {
    connectSocket: (options: Options = {}) => {
      if (options.multiple) return socketTask(options);
      return invoke('connectSocket', options, () => {
        if (singleConnection && !singleConnection.closed)
          fail(SOCKET_ERRORS.exists, '该 WebSocket 已存在，请先 my.closeSocket');
        singleConnection = connect(options, emitSingle);
        return { success: true };
      });
    },
    sendSocketMessage: (options: Options = {}) =>
      invoke('sendSocketMessage', options, () => send(singleConnection, options)),
    closeSocket: (options: Options = {}) =>
      invoke('closeSocket', options, () => {
        const result = close(singleConnection, options);
        singleConnection = null;
        return result;
      }),
    onSocketOpen: onSingle('open'),
    offSocketOpen: offSingle('open'),
    onSocketMessage: onSingle('message'),
    offSocketMessage: offSingle('message'),
    onSocketError: onSingle('error'),
    offSocketError: offSingle('error'),
    onSocketClose: onSingle('close'),
    offSocketClose: offSingle('close'),
  };
  const control: SocketControl = {
    get openCount() {
      return live.size;
    },
    dropAll: () => {
      for (const connection of [...live]) connection.drop();
    },
  };
  return { apis, control };
}
