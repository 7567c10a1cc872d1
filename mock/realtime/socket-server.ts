import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { messageTextProblem } from '../../services/contracts/chat-text';
import { CLIENT_ID_PATTERN } from '../../services/contracts/conversations';
import {
  EMPLOYER_REALTIME_PATH,
  REALTIME_CLOSE_CODES,
  REALTIME_MAX_FRAME_BYTES,
  REALTIME_PATH,
  type MessageRejectedEvent,
  type ServerEvent,
} from '../../services/contracts/realtime';
import type { ChatActor } from '../chat/chat-service';
import type { MockContext } from '../context';
import { ApiError } from '../http/api-error';
import { isLoopbackAddress } from '../http/loopback';
import type { RealtimeParty } from './hub';

/** How often each open connection gets a chance to be dropped while the drop-sockets fault is on. */
const DROP_CHECK_INTERVAL_MS = 2000;

export interface RealtimeServer {
  close(): Promise<void>;
}

function send(socket: WebSocket, event: ServerEvent): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * WebSocket on `/ws?token=ACCESS` (seekers) and `/ws/employer?hrId=N` (HRs, loopback only) sharing the HTTP
 * server. A bad or expired token is refused by closing with an application close code (the app can tell
 * "refresh and retry" from "sign in again"), since a mini-program cannot see the HTTP status of a failed
 * handshake. A frame over the size limit closes only its own connection; a malformed one gets an error frame.
 */
export function attachRealtimeServer(server: Server, ctx: MockContext): RealtimeServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: REALTIME_MAX_FRAME_BYTES });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== REALTIME_PATH && url.pathname !== EMPLOYER_REALTIME_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, url, request));
  });

  function authenticate(socket: WebSocket, url: URL, request: IncomingMessage): RealtimeParty | undefined {
    if (url.pathname === EMPLOYER_REALTIME_PATH) {
      const hrId = Number(url.searchParams.get('hrId'));
      const known =
        isLoopbackAddress(request.socket.remoteAddress) &&
        Number.isSafeInteger(hrId) &&
        !!ctx.db.prepare('SELECT 1 FROM hrs WHERE id = ?').get(hrId);
      if (!known) socket.close(REALTIME_CLOSE_CODES.unauthorized, 'unauthorized');
      return known ? { side: 'hr', hrId } : undefined;
    }
    const auth = ctx.tokens.authenticate(url.searchParams.get('token') ?? undefined);
    if (!('userId' in auth)) {
      const expired = auth.error === 'token_expired';
      socket.close(
        expired ? REALTIME_CLOSE_CODES.tokenExpired : REALTIME_CLOSE_CODES.unauthorized,
        expired ? 'token_expired' : 'unauthorized',
      );
      return undefined;
    }
    return { side: 'seeker', userId: auth.userId };
  }

  function accept(socket: WebSocket, url: URL, request: IncomingMessage): void {
    const party = authenticate(socket, url, request);
    if (!party) return;
    ctx.hub.add(party, socket);
    socket.on('close', () => ctx.hub.remove(party, socket));
    socket.on('error', () => ctx.hub.remove(party, socket));
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
      handle(socket, party, frame);
    });
    send(socket, { type: 'hello', userId: party.side === 'seeker' ? party.userId : `hr:${party.hrId}` });
  }

  function handle(socket: WebSocket, party: RealtimeParty, frame: unknown): void {
    const type = isRecord(frame) ? frame.type : undefined;
    if (type === 'ping') return send(socket, { type: 'pong' });
    if (!isRecord(frame) || typeof frame.conversationId !== 'string') {
      return send(socket, { type: 'error', message: '无法识别的消息' });
    }
    const actor: ChatActor = party;
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

  const dropTimer = setInterval(() => {
    for (const socket of wss.clients) if (ctx.faults.shouldDropSocket()) socket.terminate();
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
