import type { Database } from 'better-sqlite3';
import { JOB_SUGGESTIONS_MAX, type JobSuggestion } from '../../services/contracts/jobs';
import { normalizeSearchText } from './search-tokens';

/**
 * Suggestions while typing, from the titles and company names jobs use (with their job counts): first those
 * starting with the text or whose pinyin or initials start with it (qd → 前端开发工程师), then those
 * containing it (司机 → 货车司机); job titles before company names, each most common first.
 */
export function suggestJobs(db: Database, keyword: string): JobSuggestion[] {
  const typed = normalizeSearchText(keyword).replace(/\s+/g, '');
  if (!typed) return [];
  const ascii = /^[a-z0-9]+$/.test(typed);
  const rows = db
    .prepare(
      `SELECT text, kind FROM (
         SELECT text, kind, job_count,
           CASE
             WHEN substr(lower(text), 1, @length) = @typed THEN 2
             WHEN @ascii AND (substr(pinyin, 1, @length) = @typed OR substr(initials, 1, @length) = @typed) THEN 2
             WHEN instr(lower(text), @typed) THEN 1
             WHEN @ascii AND @length >= 3 AND instr(pinyin, @typed) THEN 1
             ELSE 0
           END AS rank
         FROM job_suggestions
       ) WHERE rank > 0
       ORDER BY rank DESC, kind DESC, job_count DESC, text
       LIMIT @max`,
    )
    .all({
      typed,
      length: Array.from(typed).length,
      ascii: ascii ? 1 : 0,
      max: JOB_SUGGESTIONS_MAX,
    }) as JobSuggestion[];
  return rows.map((row) => ({ text: row.text, kind: row.kind }));
}
