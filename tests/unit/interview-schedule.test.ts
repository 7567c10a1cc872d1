import { splitSchedule } from '../../console/src/screens/interview-schedule';
import type { EmployerInterview, InterviewStatus } from '../../services/contracts/interviews';

const NOW = Date.parse('2026-12-08T10:00:00+08:00');

function interview(id: string, status: InterviewStatus, scheduledAt: string | null, slots: string[] = []) {
  return { id, status, scheduledAt, slots, proposedSlots: [], lengthMinutes: 30 } as unknown as EmployerInterview;
}

describe('the console splits its interview schedule', () => {
  it('lists interviews not yet over soonest first, and those over apart, latest first', () => {
    const items = [
      interview('last-week', 'scheduled', '2026-12-01T10:00:00+08:00'),
      interview('tomorrow', 'scheduled', '2026-12-09T10:00:00+08:00'),
      interview('now', 'scheduled', '2026-12-08T09:45:00+08:00'),
      interview('this-morning', 'scheduled', '2026-12-08T08:00:00+08:00'),
      interview('open-slots', 'invited', null, ['2026-12-08T09:00:00+08:00', '2026-12-10T15:00:00+08:00']),
      interview('lapsed-slots', 'invited', null, ['2026-12-05T09:00:00+08:00']),
      interview('cancelled', 'cancelled', '2026-12-09T11:00:00+08:00'),
      interview('declined', 'declined', null, ['2026-12-09T11:00:00+08:00']),
    ];
    const { upcoming, past } = splitSchedule(items, NOW);
    expect(upcoming.map((item) => item.id)).toEqual(['now', 'tomorrow', 'open-slots']);
    expect(past.map((item) => item.id)).toEqual(['this-morning', 'lapsed-slots', 'last-week']);
  });
});
