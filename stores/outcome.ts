import type { FieldError } from '../services/contracts/errors';
import { ApiError } from '../services/http';

/** What to tell the seeker when a request failed: the server's own words, else `fallback`. */
export const messageOf = (error: unknown, fallback = '操作失败，请稍后重试'): string =>
  error instanceof ApiError ? error.message : fallback;

/** How a form submit ended: saved, or why not, with the fields to mark. */
export type SubmitOutcome = { ok: true } | { ok: false; message: string; fields: FieldError[] };
