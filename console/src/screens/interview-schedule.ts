import { interviewEnd, isUpcomingInterview, type EmployerInterview } from '../../../services/contracts/interviews';

/**
 * The 面试安排 list: interviews not yet over, soonest first, apart from those already over, latest first.
 * Declined and cancelled ones are in neither (the application shows them).
 */
export function splitSchedule(
  items: EmployerInterview[],
  now: number,
): { upcoming: EmployerInterview[]; past: EmployerInterview[] } {
  const live = items.filter((item) => item.status !== 'declined' && item.status !== 'cancelled');
  const byEnd = (a: EmployerInterview, b: EmployerInterview) => interviewEnd(a) - interviewEnd(b);
  return {
    upcoming: live.filter((item) => isUpcomingInterview(item, now)).sort(byEnd),
    past: live
      .filter((item) => !isUpcomingInterview(item, now))
      .sort(byEnd)
      .reverse(),
  };
}
