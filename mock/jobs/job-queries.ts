import type { Database } from 'better-sqlite3';
import type {
  CompanySize,
  EducationLevel,
  ExperienceLevel,
  HiringMode,
  JobDetail,
  JobSummary,
  JobType,
  SalaryUnit,
} from '../../services/contracts/jobs';
import type { CursorPage } from '../../services/contracts/page';
import { iso } from '../clock';
import { decodeCursor, toPage } from '../http/cursor';

/** Columns every job answer needs, joined with its company, HR and city. Alias `j` is the job. */
export const JOB_SUMMARY_COLUMNS = `
  j.id AS job_id, j.title AS job_title, j.salary_min, j.salary_max, j.salary_unit, j.salary_months,
  j.city_code, ci.name AS city_name, j.district, j.experience, j.education, j.job_type, j.hiring_mode, j.tags,
  j.published_at, co.id AS company_id, co.name AS company_name, co.verified AS company_verified,
  co.size AS company_size, co.industry AS company_industry, h.id AS hr_id, h.name AS hr_name,
  h.title AS hr_title, h.last_active_at AS hr_last_active_at, h.reply_rate AS hr_reply_rate`;

export const JOB_JOINS = `
  JOIN companies co ON co.id = j.company_id
  JOIN hrs h ON h.id = j.hr_id
  JOIN cities ci ON ci.code = j.city_code`;

export interface JobSummaryRow {
  job_id: number;
  job_title: string;
  salary_min: number;
  salary_max: number;
  salary_unit: SalaryUnit;
  salary_months: number | null;
  city_code: string;
  city_name: string;
  district: string;
  experience: ExperienceLevel;
  education: EducationLevel;
  job_type: JobType;
  hiring_mode: HiringMode;
  tags: string;
  published_at: number;
  company_id: number;
  company_name: string;
  company_verified: number;
  company_size: CompanySize;
  company_industry: string;
  hr_id: number;
  hr_name: string;
  hr_title: string;
  hr_last_active_at: number;
  hr_reply_rate: number;
}

interface JobDetailRow extends JobSummaryRow {
  description: string;
  requirements: string;
  benefits: string;
  address: string;
  lat: number | null;
  lng: number | null;
}

export function toJobSummary(row: JobSummaryRow): JobSummary {
  return {
    id: String(row.job_id),
    title: row.job_title,
    salary: {
      min: row.salary_min,
      max: row.salary_max,
      unit: row.salary_unit,
      ...(row.salary_months !== null ? { months: row.salary_months } : {}),
    },
    cityCode: row.city_code,
    cityName: row.city_name,
    district: row.district,
    experience: row.experience,
    education: row.education,
    jobType: row.job_type,
    hiringMode: row.hiring_mode,
    tags: JSON.parse(row.tags) as string[],
    company: {
      id: String(row.company_id),
      name: row.company_name,
      verified: row.company_verified === 1,
      size: row.company_size,
      industry: row.company_industry,
    },
    hr: {
      id: String(row.hr_id),
      name: row.hr_name,
      title: row.hr_title,
      lastActiveAt: iso(row.hr_last_active_at),
      replyRate: row.hr_reply_rate,
    },
    publishedAt: iso(row.published_at),
  };
}

export interface JobListFilter {
  keyword?: string;
  cityCode?: string;
  cursor?: string;
  limit: number;
}

/** LIKE wildcards in user text are matched literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Open jobs, newest first, keyset-paginated on (published_at, id). */
export function listJobs(db: Database, filter: JobListFilter): CursorPage<JobSummary> {
  const conditions = ["j.status = 'open'"];
  const params: Record<string, string | number> = { limit: filter.limit + 1 };
  const after = decodeCursor(filter.cursor, 2);
  if (after) {
    conditions.push('(j.published_at < @afterTime OR (j.published_at = @afterTime AND j.id < @afterId))');
    params.afterTime = after[0];
    params.afterId = after[1];
  }
  if (filter.cityCode) {
    conditions.push('j.city_code = @cityCode');
    params.cityCode = filter.cityCode;
  }
  if (filter.keyword) {
    // A plain scan for now; the search engine replaces it.
    conditions.push("(j.title LIKE @keyword ESCAPE '\\' OR co.name LIKE @keyword ESCAPE '\\')");
    params.keyword = likePattern(filter.keyword);
  }
  const rows = db
    .prepare(
      `SELECT ${JOB_SUMMARY_COLUMNS} FROM jobs j ${JOB_JOINS}
       WHERE ${conditions.join(' AND ')}
       ORDER BY j.published_at DESC, j.id DESC LIMIT @limit`,
    )
    .all(params) as JobSummaryRow[];
  return toPage(rows, filter.limit, toJobSummary, (row) => [row.published_at, row.job_id]);
}

export function findJobDetail(db: Database, jobId: number): JobDetail | undefined {
  const row = db
    .prepare(
      `SELECT ${JOB_SUMMARY_COLUMNS}, j.description, j.requirements, j.benefits, j.address, j.lat, j.lng
       FROM jobs j ${JOB_JOINS} WHERE j.id = ?`,
    )
    .get(jobId) as JobDetailRow | undefined;
  if (!row) return undefined;
  return {
    ...toJobSummary(row),
    description: row.description,
    requirements: JSON.parse(row.requirements) as string[],
    benefits: JSON.parse(row.benefits) as string[],
    address: row.address,
    lat: row.lat,
    lng: row.lng,
  };
}

/** Public ids are decimal strings; anything else names no row. */
export function parseId(id: string): number | undefined {
  return /^\d{1,12}$/.test(id) ? Number(id) : undefined;
}
