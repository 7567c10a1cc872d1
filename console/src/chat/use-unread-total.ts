import { useEffect, useMemo } from 'react';
import { throttle } from 'throttle-debounce';
import * as api from '../api/employer';
import { useRemote, type Remote } from '../api/use-remote';
import type { UnreadTotal } from '../../../services/contracts/conversations';
import { useEmployerEvents, useEmployerSocket } from '../realtime/employer-socket';

/**
 * The company's unread seeker messages, for the 消息 menu entry: read again after every reconnect, every
 * seeker message (a greeting comes with a new application) and every read by the company's HRs (the server
 * counts, so colleagues agree). A burst of events reads it once at the start and once after the last
 * (at most one read per RELOAD_EVERY_MS).
 */
const RELOAD_EVERY_MS = 500;

export function useUnreadTotal(): Remote<UnreadTotal> {
  const { epoch } = useEmployerSocket();
  const total = useRemote(() => api.fetchUnreadTotal(), [epoch]);
  const { reload } = total;
  const reloadSoon = useMemo(() => throttle(RELOAD_EVERY_MS, reload), [reload]);
  useEffect(() => () => reloadSoon.cancel(), [reloadSoon]);
  useEmployerEvents((event) => {
    const seekerWrote =
      (event.type === 'message' && event.message.from === 'seeker') || event.type === 'application.created';
    if (seekerWrote || (event.type === 'read' && event.by === 'hr')) {
      reloadSoon();
    }
  });
  return total;
}
