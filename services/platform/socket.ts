/**
 * One WebSocket connection over `my.connectSocket({ multiple: true })` (a SocketTask: the app may hold up to
 * five, and a second connection never fails the first as single mode does on Android).
 */

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Once per connection, whatever ended it (server close, network loss, failure to connect). */
  onClose(code: number, reason: string): void;
}

export interface SocketConnection {
  /** False when the connection is not open (Alipay fails a send before open with error 10). */
  send(text: string): boolean;
  close(code?: number, reason?: string): void;
}

/** Alipay's typings nest the payload (`{ data: { data, isBuffer } }`); some clients pass it flat. */
function unwrap<T extends object>(arg: unknown): Partial<T> {
  const outer = (arg ?? {}) as { data?: unknown };
  const inner = outer.data;
  return (inner && typeof inner === 'object' && !(inner instanceof ArrayBuffer) ? inner : outer) as Partial<T>;
}

export function openSocket(url: string, handlers: SocketHandlers): SocketConnection {
  let open = false;
  let closed = false;
  const finish = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    open = false;
    handlers.onClose(code, reason);
  };
  let task: my.SocketTask | undefined;
  try {
    task = my.connectSocket({ url, multiple: true });
  } catch {
    task = undefined;
  }
  if (!task) {
    // Reported asynchronously like any other close, so callers handle one path.
    setTimeout(() => finish(1006, 'connect failed'), 0);
    return { send: () => false, close: () => undefined };
  }
  const socketTask = task;
  socketTask.onOpen(() => {
    open = true;
    handlers.onOpen();
  });
  socketTask.onMessage((arg: unknown) => {
    const { data } = unwrap<{ data: unknown }>(arg);
    if (typeof data === 'string') handlers.onMessage(data);
  });
  socketTask.onError(() => {
    // An error before open means the connection never came; after it, a close follows on its own.
    if (!open) finish(1006, 'connect failed');
  });
  socketTask.onClose((arg: unknown) => {
    const { code, reason } = unwrap<{ code: number; reason: string }>(arg);
    finish(typeof code === 'number' ? code : 1006, typeof reason === 'string' ? reason : '');
  });
  return {
    send(text) {
      if (!open || closed) return false;
      socketTask.send({ data: text, fail: () => finish(1006, 'send failed') });
      return true;
    },
    close(code = 1000, reason = '') {
      if (closed) return;
      socketTask.close({ code, reason });
      finish(code, reason);
    },
  };
}

/** `my.onNetworkStatusChange`; returns the function that stops listening. */
export function watchNetwork(listener: (online: boolean) => void): () => void {
  const handler = (status: { isConnected?: boolean; networkType?: string }) =>
    listener(status.isConnected !== false && status.networkType !== 'NOTREACHABLE');
  my.onNetworkStatusChange(handler as Parameters<typeof my.onNetworkStatusChange>[0]);
  return () => my.offNetworkStatusChange(handler as Parameters<typeof my.offNetworkStatusChange>[0]);
}

/** The 消息 tab's badge; an empty count removes it. */
export function showTabBadge(index: number, count: number): void {
  if (count > 0) my.setTabBarBadge({ index, text: count > 99 ? '99+' : String(count), fail: () => undefined });
  else my.removeTabBarBadge({ index, fail: () => undefined });
}
