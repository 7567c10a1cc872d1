import type { ApplicationStatus } from '../../../services/contracts/applications';
import type {
  EmployerApplicationListQuery,
  EmployerApplicationSort,
  EmployerApplicationWithResume as EmployerApplication,
} from '../../../services/contracts/employer';

/** What the inbox shows: the filters an HR sets above the list. */
export interface InboxFilters {
  jobId?: string;
  status?: ApplicationStatus;
  /** 'YYYY-MM-DD' China days, inclusive. */
  dates?: [string, string];
  sort: EmployerApplicationSort;
}

export function toListQuery(filters: InboxFilters): EmployerApplicationListQuery {
  return {
    jobId: filters.jobId,
    status: filters.status,
    createdFrom: filters.dates?.[0],
    createdTo: filters.dates?.[1],
    sort: filters.sort,
  };
}

/** The China day of an ISO time: the unit the date filter works in. */
function chinaDay(at: string): string {
  return new Date(Date.parse(at) + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Whether an application pushed over the socket belongs in the list under these filters. */
export function matchesFilters(application: EmployerApplication, filters: InboxFilters): boolean {
  if (filters.jobId && application.job.id !== filters.jobId) return false;
  if (filters.status && application.status !== filters.status) return false;
  if (filters.dates) {
    const day = chinaDay(application.createdAt);
    if (day < filters.dates[0] || day > filters.dates[1]) return false;
  }
  return true;
}

/**
 * Whether a row wears the 新 tag: it arrived while the list was open and nobody has handled it yet (still
 * submitted and unread); once viewed, refused or withdrawn it is no longer new.
 */
export function isNewArrival(application: EmployerApplication, arrived: ReadonlySet<string>): boolean {
  return arrived.has(application.id) && application.status === 'submitted' && application.unread;
}

/** Where a new application goes in a list in this order. */
export function insertInOrder(
  items: EmployerApplication[],
  added: EmployerApplication,
  sort: EmployerApplicationSort,
): EmployerApplication[] {
  const rest = items.filter((item) => item.id !== added.id);
  const before = (item: EmployerApplication) =>
    sort === 'match'
      ? item.matchScore > added.matchScore ||
        (item.matchScore === added.matchScore && Number(item.id) > Number(added.id))
      : Number(item.id) > Number(added.id);
  const index = rest.findIndex((item) => !before(item));
  return index < 0 ? [...rest, added] : [...rest.slice(0, index), added, ...rest.slice(index)];
}
