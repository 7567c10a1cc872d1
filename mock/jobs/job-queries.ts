import type { Database } from 'better-sqlite3';
import {
  HR_INACTIVE_DAYS,
  type CompanySize,
  type EducationLevel,
  type ExperienceLevel,
  type HiringMode,
  type JobDetail,
  type JobStatus,
  type JobSummary,
  type JobType,
  type SalaryUnit,
} from '../../services/contracts/jobs';
import { iso } from '../clock';

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
  /** Present when the query had a position: metres from it, null for a job without coordinates. */
  distance_m?: number | null;
}

interface JobDetailRow extends JobSummaryRow {
  description: string;
  requirements: string;
  benefits: string;
  address: string;
  lat: number | null;
  lng: number | null;
  status: JobStatus;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Last active before this time: the HR counts as long inactive at `now`. */
export function inactiveBefore(now: number): number {
  return now - HR_INACTIVE_DAYS * DAY_MS;
}

/** `now` decides `hrInactive`; searches pass their snapshot time so a page agrees with its ranking. */
export function toJobSummary(row: JobSummaryRow, now: number = Date.now()): JobSummary {
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
    distanceKm: row.distance_m === undefined || row.distance_m === null ? null : Math.round(row.distance_m / 100) / 10,
    hrInactive: row.hr_last_active_at < inactiveBefore(now),
  };
}

/** A job with everything the detail page shows; `favorited` for `userId` (false when anonymous). */
export function findJobDetail(
  db: Database,
  jobId: number,
  options: { now?: number; userId?: string | null } = {},
): JobDetail | undefined {
  const row = db
    .prepare(
      `SELECT ${JOB_SUMMARY_COLUMNS}, j.description, j.requirements, j.benefits, j.address, j.lat, j.lng, j.status,
         EXISTS (SELECT 1 FROM favorites f WHERE f.user_id = @userId AND f.job_id = j.id) AS favorited
       FROM jobs j ${JOB_JOINS} WHERE j.id = @jobId`,
    )
    .get({ jobId, userId: options.userId ?? null }) as (JobDetailRow & { favorited: number }) | undefined;
  if (!row) return undefined;
  return {
    ...toJobSummary(row, options.now),
    description: row.description,
    requirements: JSON.parse(row.requirements) as string[],
    benefits: JSON.parse(row.benefits) as string[],
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    favorited: row.favorited === 1,
    status: row.status,
  };
}

/** Public ids are decimal strings; anything else names no row. */
export function parseId(id: string): number | undefined {
  return /^\d{1,12}$/.test(id) ? Number(id) : undefined;
}
