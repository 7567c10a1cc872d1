import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  EMPLOYER_REALTIME_PATH,
  REALTIME_CLOSE_CODES,
  REALTIME_PATH,
  type EmployerServerEvent,
  type ServerEvent,
} from '../../services/contracts/realtime';
import type { HrSessions } from '../auth/hr-sessions';
import type { TokenService } from '../auth/token-service';
import type { FaultSwitches } from '../http/faults';
import { isLoopbackAddress } from '../http/loopback';
import { handshakeError, NO_SOCKET_HERE, writeSocketError } from '../http/raw-errors';
import type { RealtimeHub } from './hub';

/** How often each open connection gets a chance to be dropped while the drop-sockets fault is on. */
const DROP_CHECK_INTERVAL_MS = 2000;

export interface RealtimeServer {
  close(): Promise<void>;
}

function send(socket: WebSocket, event: ServerEvent | EmployerServerEvent): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
}

/**
 * WebSocket on `/ws?token=ACCESS` sharing the HTTP server. A bad or expired token is refused by closing
 * with an application close code (the app can tell "refresh and retry" from "sign in again"), since a
 * mini-program cannot see the HTTP status of a failed handshake. The HR console connects on
 * `/ws/employer?token=HR_SESSION` (loopback only) and joins its company's channel in `employerHub`.
 */
export function attachRealtimeServer(
  server: Server,
  deps: {
    tokens: TokenService;
    hub: RealtimeHub;
    faults: FaultSwitches;
    hrSessions: HrSessions;
    /** Keyed by company id. */
    employerHub: RealtimeHub;
  },
): RealtimeServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  // A refused handshake answers in the documented error shape, not ws's plain text.
  wss.on('wsClientError', (error, socket, request) =>
    writeSocketError(socket, handshakeError(error.message, request.method)),
  );

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('token') ?? undefined;
    if (url.pathname === REALTIME_PATH) {
      wss.handleUpgrade(request, socket, head, (ws) => accept(ws, token));
    } else if (url.pathname === EMPLOYER_REALTIME_PATH && isLoopbackAddress(request.socket.remoteAddress)) {
      wss.handleUpgrade(request, socket, head, (ws) => acceptEmployer(ws, token));
    } else {
      writeSocketError(socket, NO_SOCKET_HERE);
    }
  });

  function refuse(socket: WebSocket, error: 'unauthorized' | 'token_expired'): void {
    const expired = error === 'token_expired';
    socket.close(
      expired ? REALTIME_CLOSE_CODES.tokenExpired : REALTIME_CLOSE_CODES.unauthorized,
      expired ? 'token_expired' : 'unauthorized',
    );
  }

  /** Heartbeats (and the drop-sockets fault) work the same on both channels. */
  function answerFrames(socket: WebSocket): void {
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
  }

  function acceptEmployer(socket: WebSocket, token: string | undefined): void {
    const auth = deps.hrSessions.authenticate(token);
    if (!('hrId' in auth)) {
      refuse(socket, auth.error);
      return;
    }
    const channel = String(auth.companyId);
    deps.employerHub.add(channel, socket);
    socket.on('close', () => deps.employerHub.remove(channel, socket));
    socket.on('error', () => deps.employerHub.remove(channel, socket));
    answerFrames(socket);
    send(socket, { type: 'hello', hrId: String(auth.hrId), companyId: channel });
  }

  function accept(socket: WebSocket, token: string | undefined): void {
    const auth = deps.tokens.authenticate(token);
    if (!('userId' in auth)) {
      refuse(socket, auth.error);
      return;
    }
    const { userId } = auth;
    deps.hub.add(userId, socket);
    socket.on('close', () => deps.hub.remove(userId, socket));
    socket.on('error', () => deps.hub.remove(userId, socket));
    answerFrames(socket);
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
