import type { JobSummary } from './jobs';
import { pageQueryRules } from './paging-rules';
import type { InputRules } from './validation';

/**
 * PUT /favorites/:jobId saves a job, DELETE /favorites/:jobId removes it (both signed in, idempotent;
 * 404 for an unknown job). Both answer the state after the call.
 */
export interface FavoriteState {
  jobId: string;
  favorited: boolean;
}

/** GET /favorites item, newest saved first. A seeker only ever sees their own. */
export interface FavoriteItem {
  job: JobSummary;
  /** ISO 8601 */
  favoritedAt: string;
}

/** GET /favorites?cursor&limit → `CursorPage<FavoriteItem>`. */
export interface FavoriteListQuery {
  cursor?: string;
  limit?: string;
}

export const favoriteListQueryRules: InputRules<FavoriteListQuery> = {
  ...pageQueryRules,
};
