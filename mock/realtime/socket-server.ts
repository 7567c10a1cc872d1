import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { REALTIME_CLOSE_CODES, REALTIME_PATH, type ServerEvent } from '../../services/contracts/realtime';
import type { TokenService } from '../auth/token-service';
import type { FaultSwitches } from '../http/faults';
import type { RealtimeHub } from './hub';
import { handshakeError, NO_SOCKET_HERE, writeSocketError } from '../http/raw-errors';

/** How often each open connection gets a chance to be dropped while the drop-sockets fault is on. */
const DROP_CHECK_INTERVAL_MS = 2000;

export interface RealtimeServer {
  close(): Promise<void>;
}

function send(socket: WebSocket, event: ServerEvent): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
}

/**
 * WebSocket on `/ws?token=ACCESS` sharing the HTTP server. A bad or expired token is refused by closing
 * with an application close code (the app can tell "refresh and retry" from "sign in again"), since a
 * mini-program cannot see the HTTP status of a failed handshake.
 */
export function attachRealtimeServer(
  server: Server,
  deps: { tokens: TokenService; hub: RealtimeHub; faults: FaultSwitches },
): RealtimeServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  // A refused handshake answers in the documented error shape, not ws's plain text.
  wss.on('wsClientError', (error, socket, request) =>
    writeSocketError(socket, handshakeError(error.message, request.method)),
  );

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== REALTIME_PATH) {
      writeSocketError(socket, NO_SOCKET_HERE);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, url.searchParams.get('token') ?? undefined));
  });

  function accept(socket: WebSocket, token: string | undefined): void {
    const auth = deps.tokens.authenticate(token);
    if (!('userId' in auth)) {
      const expired = auth.error === 'token_expired';
      socket.close(
        expired ? REALTIME_CLOSE_CODES.tokenExpired : REALTIME_CLOSE_CODES.unauthorized,
        expired ? 'token_expired' : 'unauthorized',
      );
      return;
    }
    const { userId } = auth;
    deps.hub.add(userId, socket);
    socket.on('close', () => deps.hub.remove(userId, socket));
    socket.on('error', () => deps.hub.remove(userId, socket));
    socket.on('message', (data) => {
      if (deps.faults.shouldDropSocket()) {
        socket.terminate();
        return;
      }
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        frame = undefined;
      }
      if ((frame as { type?: unknown } | undefined)?.type === 'ping') send(socket, { type: 'pong' });
      else send(socket, { type: 'error', message: '无法识别的消息' });
    });
    send(socket, { type: 'hello', userId });
  }

  const dropTimer = setInterval(() => {
    for (const socket of wss.clients) if (deps.faults.shouldDropSocket()) socket.terminate();
  }, DROP_CHECK_INTERVAL_MS);
  dropTimer.unref();

  return {
    close: () =>
      new Promise((resolve) => {
        clearInterval(dropTimer);
        for (const socket of wss.clients) socket.terminate();
        wss.close(() => resolve());
      }),
  };
}
