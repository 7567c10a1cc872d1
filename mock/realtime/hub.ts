import type { WebSocket } from 'ws';
import type { ServerEvent } from '../../services/contracts/realtime';

/** Who a connection belongs to: a seeker (by Alipay user id) or an HR (employer side). */
export type RealtimeParty = { side: 'seeker'; userId: string } | { side: 'hr'; hrId: number };

const keyOf = (party: RealtimeParty) => (party.side === 'seeker' ? `seeker:${party.userId}` : `hr:${party.hrId}`);

/** Open realtime connections by party, so domain code can push to "this user" wherever they are connected. */
export class RealtimeHub {
  private readonly sockets = new Map<string, Set<WebSocket>>();

  add(party: RealtimeParty, socket: WebSocket): void {
    const key = keyOf(party);
    let sockets = this.sockets.get(key);
    if (!sockets) {
      sockets = new Set();
      this.sockets.set(key, sockets);
    }
    sockets.add(socket);
  }

  remove(party: RealtimeParty, socket: WebSocket): void {
    const key = keyOf(party);
    const sockets = this.sockets.get(key);
    sockets?.delete(socket);
    if (sockets && sockets.size === 0) this.sockets.delete(key);
  }

  send(party: RealtimeParty, event: ServerEvent): void {
    const frame = JSON.stringify(event);
    for (const socket of this.sockets.get(keyOf(party)) ?? []) {
      if (socket.readyState === socket.OPEN) socket.send(frame);
    }
  }

  sendToUser(userId: string, event: ServerEvent): void {
    this.send({ side: 'seeker', userId }, event);
  }

  isConnected(party: RealtimeParty): boolean {
    return [...(this.sockets.get(keyOf(party)) ?? [])].some((socket) => socket.readyState === socket.OPEN);
  }

  connectionCount(): number {
    let count = 0;
    for (const sockets of this.sockets.values()) count += sockets.size;
    return count;
  }
}

/** What domain code needs to tell users about changes; the hub implements it, tests may fake it. */
export type Notify = (userId: string, event: ServerEvent) => void;
