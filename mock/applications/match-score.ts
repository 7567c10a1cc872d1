import type { Database } from 'better-sqlite3';
import {
  EDUCATION_LEVELS,
  type EducationLevel,
  type ExperienceLevel,
  type JobType,
} from '../../services/contracts/jobs';
import { addMonths, chinaMonthOf } from '../../services/contracts/months';
import type { Resume } from '../../services/contracts/resume';

/** The parts of a job a match is judged on (monthly-equivalent salary, in yuan). */
export interface MatchJob {
  category: string;
  title: string;
  cityCode: string;
  jobType: JobType;
  salaryMinMonth: number;
  salaryMaxMonth: number;
  education: EducationLevel;
  experience: ExperienceLevel;
  tags: string[];
}

export type MatchResume = Pick<Resume, 'basic' | 'expectations' | 'workExperiences' | 'educations' | 'skills'>;

export interface Match {
  score: number;
  reasons: string[];
}

/** Least years of work each requirement asks for. */
const EXPERIENCE_YEARS: Record<ExperienceLevel, number> = {
  any: 0,
  fresh: 0,
  lt1: 0,
  '1_3': 1,
  '3_5': 3,
  '5_10': 5,
  gt10: 10,
};

function workMonths(resume: MatchResume, now: number): number {
  const current = chinaMonthOf(now);
  let months = 0;
  for (const entry of resume.workExperiences) {
    let month = entry.startMonth;
    const end = entry.endMonth ?? current;
    while (month <= end && months < 12 * 60) {
      months++;
      month = addMonths(month, 1);
    }
  }
  return months;
}

/**
 * How well a resume fits a job, 0..100, with the reasons an HR reads beside it. What the seeker asked for
 * weighs most (the kind of job 30, the city 20, the pay 15), then what the job asks for (education 15,
 * experience 10), then skills named in the job's tags or title (10).
 */
export function matchResumeToJob(resume: MatchResume, job: MatchJob, now: number): Match {
  const checks: Array<[number, boolean, string]> = [];
  const wants = resume.expectations;
  checks.push([30, !!wants && wants.categories.indexOf(job.category) >= 0, '期望职位相符']);
  const cities = wants ? wants.cityCodes : [];
  checks.push([20, cities.indexOf(job.cityCode) >= 0 || resume.basic?.cityCode === job.cityCode, '期望城市相符']);
  checks.push([
    15,
    !!wants && wants.salaryMin <= job.salaryMaxMonth && wants.salaryMax >= job.salaryMinMonth,
    '薪资期望在范围内',
  ]);
  const degreeRank = Math.max(-1, ...resume.educations.map((entry) => EDUCATION_LEVELS.indexOf(entry.degree)));
  checks.push([15, job.education === 'any' || degreeRank >= EDUCATION_LEVELS.indexOf(job.education), '学历符合要求']);
  const years = workMonths(resume, now) / 12;
  const fresh = resume.basic?.status === 'graduate';
  checks.push([
    10,
    job.experience === 'any' ||
      (job.experience === 'fresh' ? fresh || years < 1 : years >= EXPERIENCE_YEARS[job.experience]),
    '工作经验符合要求',
  ]);
  const text = `${job.title} ${job.tags.join(' ')}`.toLowerCase();
  checks.push([10, resume.skills.some((skill) => text.includes(skill.toLowerCase())), '技能与职位相关']);
  const hits = checks.filter(([, hit]) => hit);
  return { score: hits.reduce((sum, [weight]) => sum + weight, 0), reasons: hits.map(([, , reason]) => reason) };
}

interface MatchJobRow {
  category: string;
  title: string;
  city_code: string;
  job_type: JobType;
  salary_min_month: number;
  salary_max_month: number;
  education: EducationLevel;
  experience: ExperienceLevel;
  tags: string;
}

export function readMatchJob(db: Database, jobId: number): MatchJob | undefined {
  const row = db
    .prepare(
      `SELECT category, title, city_code, job_type, salary_min_month, salary_max_month, education, experience, tags
       FROM jobs WHERE id = ?`,
    )
    .get(jobId) as MatchJobRow | undefined;
  return (
    row && {
      category: row.category,
      title: row.title,
      cityCode: row.city_code,
      jobType: row.job_type,
      salaryMinMonth: row.salary_min_month,
      salaryMaxMonth: row.salary_max_month,
      education: row.education,
      experience: row.experience,
      tags: JSON.parse(row.tags) as string[],
    }
  );
}
