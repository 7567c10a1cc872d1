import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { messageTextProblem } from '../../services/contracts/chat-text';
import { CLIENT_ID_PATTERN } from '../../services/contracts/conversations';
import {
  EMPLOYER_REALTIME_PATH,
  REALTIME_CLOSE_CODES,
  REALTIME_MAX_FRAME_BYTES,
  REALTIME_PATH,
  type EmployerServerEvent,
  type MessageRejectedEvent,
  type ServerEvent,
} from '../../services/contracts/realtime';
import { RTC_SIGNAL_PATH } from '../../services/contracts/rtc';
import type { ChatActor } from '../chat/chat-service';
import type { MockContext } from '../context';
import { ApiError } from '../http/api-error';
import type { RtcSignalling } from '../interviews/rtc-signalling';
import { isLoopbackAddress } from '../http/loopback';
import { handshakeError, NO_SOCKET_HERE, writeSocketError } from '../http/raw-errors';

/** How often each open connection gets a chance to be dropped while the drop-sockets fault is on. */
const DROP_CHECK_INTERVAL_MS = 2000;

export interface RealtimeServer {
  close(): Promise<void>;
}

function send(socket: WebSocket, event: ServerEvent | EmployerServerEvent): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * WebSocket on `/ws?token=ACCESS` (seekers) sharing the HTTP server. A bad or expired token is refused by
 * closing with an application close code (the app can tell "refresh and retry" from "sign in again"), since a
 * mini-program cannot see the HTTP status of a failed handshake. The HR console connects on
 * `/ws/employer?token=HR_SESSION` (loopback only) and joins its company's channel in `employerHub`. Both sides
 * chat over their connection. A frame over the size limit closes only its own connection (1009); a malformed
 * one gets an error frame.
 */
export function attachRealtimeServer(
  server: Server,
  ctx: MockContext,
  /** The interview rooms' signalling on RTC_SIGNAL_PATH (seeker and HR alike hold a room ticket). */
  signalling: RtcSignalling,
): RealtimeServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: REALTIME_MAX_FRAME_BYTES });
  // SDP offers with many candidates run past the chat's frame limit.
  const rtc = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  // A refused handshake answers in the documented error shape, not ws's plain text.
  for (const server of [wss, rtc]) {
    server.on('wsClientError', (error, socket, request) =>
      writeSocketError(socket, handshakeError(error.message, request.method)),
    );
  }

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('token') ?? undefined;
    if (url.pathname === REALTIME_PATH) {
      wss.handleUpgrade(request, socket, head, (ws) => accept(ws, token));
    } else if (url.pathname === RTC_SIGNAL_PATH) {
      rtc.handleUpgrade(request, socket, head, (ws) => signalling.accept(ws, token));
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

  /** Heartbeats, chat frames and the drop-sockets fault work the same on both channels. */
  function answerFrames(socket: WebSocket, actor: ChatActor): void {
    socket.on('message', (data) => {
      if (ctx.faults.shouldDropSocket()) {
        socket.terminate();
        return;
      }
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        frame = undefined;
      }
      handle(socket, actor, frame);
    });
  }

  function handle(socket: WebSocket, actor: ChatActor, frame: unknown): void {
    const type = isRecord(frame) ? frame.type : undefined;
    if (type === 'ping') return send(socket, { type: 'pong' });
    if (!isRecord(frame) || typeof frame.conversationId !== 'string') {
      return send(socket, { type: 'error', message: '无法识别的消息' });
    }
    const conversationId = frame.conversationId;
    if (type === 'message.send') {
      const clientId = typeof frame.clientId === 'string' ? frame.clientId : '';
      const reject = (code: MessageRejectedEvent['code'], message: string) =>
        send(socket, { type: 'message.rejected', conversationId, clientId, code, message });
      if (!CLIENT_ID_PATTERN.test(clientId)) return reject('invalid_input', 'clientId 须为 8–64 位字母、数字、-或_');
      const problem = messageTextProblem(frame.text);
      if (problem) return reject('invalid_input', problem);
      try {
        const sent = ctx.chat.send(actor, conversationId, { text: frame.text as string, clientId });
        send(socket, { type: 'message.ack', conversationId, clientId, message: sent.message });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const code = error.code === 'rate_limited' || error.code === 'forbidden' ? error.code : 'not_found';
        reject(code, error.message);
      }
      return;
    }
    if (type === 'read' && Number.isSafeInteger(frame.seq) && (frame.seq as number) >= 0) {
      try {
        ctx.chat.markRead(actor, conversationId, frame.seq as number);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        send(socket, { type: 'error', message: error.message });
      }
      return;
    }
    send(socket, { type: 'error', message: '无法识别的消息' });
  }

  function acceptEmployer(socket: WebSocket, token: string | undefined): void {
    const auth = ctx.hrSessions.authenticate(token);
    if (!('hrId' in auth)) {
      refuse(socket, auth.error);
      return;
    }
    const channel = String(auth.companyId);
    ctx.employerHub.add(channel, socket);
    socket.on('close', () => ctx.employerHub.remove(channel, socket));
    socket.on('error', () => ctx.employerHub.remove(channel, socket));
    answerFrames(socket, { side: 'hr', hrId: auth.hrId, companyId: auth.companyId });
    send(socket, { type: 'hello', hrId: String(auth.hrId), companyId: channel });
  }

  function accept(socket: WebSocket, token: string | undefined): void {
    const auth = ctx.tokens.authenticate(token);
    if (!('userId' in auth)) {
      refuse(socket, auth.error);
      return;
    }
    const { userId } = auth;
    ctx.hub.add(userId, socket);
    socket.on('close', () => ctx.hub.remove(userId, socket));
    socket.on('error', () => ctx.hub.remove(userId, socket));
    answerFrames(socket, { side: 'seeker', userId });
    send(socket, { type: 'hello', userId });
  }

  const dropTimer = setInterval(() => {
    for (const socket of wss.clients) if (ctx.faults.shouldDropSocket()) socket.terminate();
  }, DROP_CHECK_INTERVAL_MS);
  dropTimer.unref();

  return {
    close: () =>
      new Promise((resolve) => {
        clearInterval(dropTimer);
        for (const socket of [...wss.clients, ...rtc.clients]) socket.terminate();
        rtc.close();
        wss.close(() => resolve());
      }),
  };
}
