import type { InviteInterviewRequest } from '../../services/contracts/interviews';

const HOUR_MS = 60 * 60 * 1000;

/** A whole hour `hoursAhead` after `now` (ISO), so slots read cleanly in messages. */
export function slotIn(hoursAhead: number, now = Date.now()): string {
  return new Date(Math.ceil((now + hoursAhead * HOUR_MS) / HOUR_MS) * HOUR_MS).toISOString();
}

/** A video interview invitation with two slots, a day and two days after `now`. */
export function sampleInvitation(
  now = Date.now(),
  overrides: Partial<InviteInterviewRequest> = {},
): InviteInterviewRequest {
  return {
    kind: 'video',
    slots: [slotIn(26, now), slotIn(50, now)],
    lengthMinutes: 30,
    interviewer: '李经理',
    notes: '请准备一段自我介绍',
    ...overrides,
  };
}
