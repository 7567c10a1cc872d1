import type { WebSocket } from 'ws';
import type { EmployerServerEvent, ServerEvent } from '../../services/contracts/realtime';

/**
 * Open realtime connections by user, so domain code can push to "this user" wherever they are connected.
 * The employer channel uses a second hub keyed by company id.
 */
export class RealtimeHub {
  private readonly socketsByUser = new Map<string, Set<WebSocket>>();

  add(userId: string, socket: WebSocket): void {
    let sockets = this.socketsByUser.get(userId);
    if (!sockets) {
      sockets = new Set();
      this.socketsByUser.set(userId, sockets);
    }
    sockets.add(socket);
  }

  remove(userId: string, socket: WebSocket): void {
    const sockets = this.socketsByUser.get(userId);
    sockets?.delete(socket);
    if (sockets && sockets.size === 0) this.socketsByUser.delete(userId);
  }

  sendToUser(userId: string, event: ServerEvent | EmployerServerEvent): void {
    const frame = JSON.stringify(event);
    for (const socket of this.socketsByUser.get(userId) ?? []) {
      if (socket.readyState === socket.OPEN) socket.send(frame);
    }
  }

  connectionCountOf(key: string): number {
    return this.socketsByUser.get(key)?.size ?? 0;
  }

  connectionCount(): number {
    let count = 0;
    for (const sockets of this.socketsByUser.values()) count += sockets.size;
    return count;
  }
}

/** What domain code needs to tell users about changes; the hub implements it, tests may fake it. */
export type Notify = (userId: string, event: ServerEvent) => void;
