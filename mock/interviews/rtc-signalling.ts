import type { WebSocket } from 'ws';
import { REJOIN_WINDOW_MS } from '../../services/contracts/interviews';
import {
  RTC_CLOSE_CODES,
  type PeerPresence,
  type RoomRole,
  type RtcClientFrame,
  type RtcServerFrame,
  type WaitingSeeker,
} from '../../services/contracts/rtc';
import { iso, type SimulatedClock } from '../clock';
import type { EmployerServerEvent } from '../../services/contracts/realtime';
import { roomRefusal, type InterviewRooms } from './interview-rooms';
import type { InterviewStore } from './interview-store';

interface Peer {
  socket: WebSocket | null;
  presence: PeerPresence;
  /** Real ms: since when the seeker waits. */
  since: number;
  dropTimer?: NodeJS.Timeout;
}

interface Room {
  interviewId: number;
  companyId: number;
  peers: Record<RoomRole, Peer>;
  /** The HR let the seeker in; kept across a drop rejoined within REJOIN_WINDOW_MS. */
  admitted: boolean;
  /** Goes up every time a call (re)starts: signals of an older attempt are stale. */
  attempt: number;
}

const other = (role: RoomRole): RoomRole => (role === 'hr' ? 'seeker' : 'hr');

/**
 * The signalling side of the interview room (`/ws/rtc?token=`), as the mPaaS plugin's servers do it for a
 * phone: who is in, the waiting room (候场) until the HR admits the seeker, relaying WebRTC offers, answers and
 * candidates, and a dropped side keeping its place for REJOIN_WINDOW_MS.
 */
export class RtcSignalling {
  private readonly rooms = new Map<number, Room>();

  constructor(
    private readonly tickets: InterviewRooms,
    private readonly interviews: InterviewStore,
    private readonly clock: SimulatedClock,
    private readonly notifyCompany: (companyId: number, event: EmployerServerEvent) => void,
    private readonly rejoinWindowMs = REJOIN_WINDOW_MS,
  ) {}

  accept(socket: WebSocket, token: string | undefined): void {
    const claims = this.tickets.verify(token);
    if (claims === 'expired') return socket.close(RTC_CLOSE_CODES.tokenExpired, 'token_expired');
    if (!claims) return socket.close(RTC_CLOSE_CODES.unauthorized, 'unauthorized');
    const record = this.interviews.find(claims.interviewId);
    const refusal = record && roomRefusal(record, this.clock.now());
    if (!record || refusal) return socket.close(RTC_CLOSE_CODES.roomClosed, refusal?.reason ?? 'room_closed');

    const room = this.roomOf(claims.interviewId, record.companyId);
    const peer = room.peers[claims.role];
    if (peer.socket) peer.socket.close(RTC_CLOSE_CODES.replaced, 'replaced');
    clearTimeout(peer.dropTimer);
    peer.socket = socket;
    if (claims.role === 'hr' || room.admitted) peer.presence = 'present';
    else {
      if (peer.presence !== 'waiting') peer.since = Date.now();
      peer.presence = 'waiting';
    }
    socket.on('message', (data) => this.onFrame(room, claims.role, socket, data.toString()));
    socket.on('close', () => this.onClose(room, claims.role, socket));
    socket.on('error', () => undefined);
    this.broadcastState(room);
    if (claims.role === 'seeker') this.publishWaiting(room.companyId);
    this.startCallIfReady(room);
  }

  /** Who waits in the company's rooms now. */
  waitingFor(companyId: number): WaitingSeeker[] {
    const waiting: WaitingSeeker[] = [];
    for (const room of this.rooms.values()) {
      if (room.companyId !== companyId || room.peers.seeker.presence !== 'waiting') continue;
      const record = this.interviews.find(room.interviewId);
      if (!record) continue;
      waiting.push({
        interviewId: String(room.interviewId),
        applicationId: record.view.applicationId,
        candidate: { name: record.candidateName },
        jobTitle: record.view.job.title,
        scheduledAt: record.view.scheduledAt ?? '',
        since: iso(room.peers.seeker.since),
      });
    }
    return waiting;
  }

  close(): void {
    for (const room of this.rooms.values()) {
      for (const peer of Object.values(room.peers)) clearTimeout(peer.dropTimer);
    }
  }

  private roomOf(interviewId: number, companyId: number): Room {
    let room = this.rooms.get(interviewId);
    if (!room) {
      const absent = (): Peer => ({ socket: null, presence: 'absent', since: 0 });
      room = { interviewId, companyId, peers: { hr: absent(), seeker: absent() }, admitted: false, attempt: 0 };
      this.rooms.set(interviewId, room);
    }
    return room;
  }

  private onFrame(room: Room, role: RoomRole, socket: WebSocket, text: string): void {
    if (room.peers[role].socket !== socket) return;
    let frame: RtcClientFrame;
    try {
      frame = JSON.parse(text) as RtcClientFrame;
    } catch {
      return send(socket, { type: 'error', message: '无法识别的消息' });
    }
    switch (frame.type) {
      case 'ping':
        return send(socket, { type: 'pong' });
      case 'admit':
        if (role !== 'hr') return send(socket, { type: 'error', message: '只有HR可以让求职者进入' });
        room.admitted = true;
        if (room.peers.seeker.presence === 'waiting') room.peers.seeker.presence = 'present';
        this.broadcastState(room);
        this.publishWaiting(room.companyId);
        return this.startCallIfReady(room);
      case 'signal':
        if (frame.attempt !== room.attempt) return;
        return sendTo(room.peers[other(role)], { type: 'signal', signal: frame.signal, attempt: frame.attempt });
      case 'hangup':
        room.peers[role].presence = 'absent';
        room.peers[role].socket = null;
        sendTo(room.peers[other(role)], { type: 'call.ended', by: role });
        socket.close(1000, 'hangup');
        this.broadcastState(room);
        return this.publishWaiting(room.companyId);
      default:
        return send(socket, { type: 'error', message: '无法识别的消息' });
    }
  }

  /** A socket that went away without hanging up keeps its place for the rejoin window. */
  private onClose(room: Room, role: RoomRole, socket: WebSocket): void {
    const peer = room.peers[role];
    if (peer.socket !== socket) return;
    peer.socket = null;
    const wasWaiting = peer.presence === 'waiting';
    peer.presence = 'reconnecting';
    peer.dropTimer = setTimeout(() => {
      peer.presence = 'absent';
      if (role === 'seeker') room.admitted = false;
      this.broadcastState(room);
      if (wasWaiting) this.publishWaiting(room.companyId);
    }, this.rejoinWindowMs);
    peer.dropTimer.unref();
    this.broadcastState(room);
    if (wasWaiting) this.publishWaiting(room.companyId);
  }

  /** Both in and admitted: a (new) call starts, the HR offering. A side that (re)connects always starts one. */
  private startCallIfReady(room: Room): void {
    const { hr, seeker } = room.peers;
    if (!room.admitted || hr.presence !== 'present' || seeker.presence !== 'present') return;
    room.attempt += 1;
    sendTo(hr, { type: 'call.ready', initiator: true, attempt: room.attempt });
    sendTo(seeker, { type: 'call.ready', initiator: false, attempt: room.attempt });
  }

  private broadcastState(room: Room): void {
    for (const role of ['hr', 'seeker'] as const) {
      sendTo(room.peers[role], {
        type: 'room.state',
        self: room.peers[role].presence,
        peer: room.peers[other(role)].presence,
        admitted: room.admitted,
      });
    }
  }

  private publishWaiting(companyId: number): void {
    this.notifyCompany(companyId, { type: 'room.waiting', waiting: this.waitingFor(companyId) });
  }
}

function send(socket: WebSocket, frame: RtcServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

function sendTo(peer: Peer, frame: RtcServerFrame): void {
  if (peer.socket) send(peer.socket, frame);
}
