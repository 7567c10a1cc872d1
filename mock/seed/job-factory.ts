import type { CityTier } from '../../services/contracts/cities';
import {
  EDUCATION_LABELS,
  EXPERIENCE_LABELS,
  type CompanySize,
  type EducationLevel,
  type ExperienceLevel,
  type HiringMode,
  type JobType,
  type Salary,
} from '../../services/contracts/jobs';
import type { CityRecord } from './cities';
import { SALARY_FACTOR_BY_TIER } from './city-tiers';
import {
  ALL_INDUSTRIES,
  FLEXIBLE_BENEFITS,
  FRONTLINE_BENEFITS,
  OFFICE_BENEFITS,
  WORK_HOURS,
  type Industry,
  type JobTemplate,
} from './job-catalog';
import { streetAddress, type Workplace } from './people';
import type { Random } from './prng';

/** The company side of a job: who publishes it. */
export interface Employer {
  companyId: number;
  companyName: string;
  industry: string;
  isAgency: boolean;
  size: CompanySize;
  cityCode: string;
  hrIds: readonly number[];
}

/** A row of the jobs table, named like its columns. */
export interface JobRow {
  title: string;
  company_id: number;
  hr_id: number;
  city_code: string;
  district: string;
  address: string;
  lat: number | null;
  lng: number | null;
  job_type: JobType;
  hiring_mode: HiringMode;
  salary_min: number;
  salary_max: number;
  salary_unit: Salary['unit'];
  salary_months: number | null;
  experience: ExperienceLevel;
  education: EducationLevel;
  tags: string;
  benefits: string;
  description: string;
  requirements: string;
  published_at: number;
}

const industryByName = new Map(ALL_INDUSTRIES.map((industry) => [industry.name, industry]));

export function industryNamed(name: string): Industry {
  const industry = industryByName.get(name);
  if (!industry) throw new Error(`Unknown industry ${name}`);
  return industry;
}

/** Draws one job of `employer` in `city`, published at `publishedAt`. */
export function draftJob(random: Random, employer: Employer, city: CityRecord, publishedAt: number): JobRow {
  const industry = industryNamed(employer.industry);
  const template = random.pick(industry.templates);
  const jobType = random.weighted(template.jobTypes);
  const salary = draftSalary(random, template, jobType, city.tier);
  const flexible = jobType === 'part_time' || jobType === 'daily_gig';
  const experience: ExperienceLevel = flexible || jobType === 'intern' ? 'any' : random.pick(template.experience);
  const education = random.pick(template.education);
  const district = random.weighted(
    city.districts.map((d) => [d.name, d.name.endsWith('区') || d.name.endsWith('街道') ? 3 : 1] as const),
  );
  const workplace = workplaceOf(industry, template);
  return {
    title: titleFor(template.title, jobType),
    company_id: employer.companyId,
    hr_id: random.pick(employer.hrIds),
    city_code: city.code,
    district,
    address: streetAddress(random, district, workplace),
    lat: null,
    lng: null,
    job_type: jobType,
    hiring_mode: employer.isAgency ? 'agency' : 'direct',
    salary_min: salary.min,
    salary_max: salary.max,
    salary_unit: salary.unit,
    salary_months: salary.months ?? null,
    experience,
    education,
    tags: JSON.stringify(draftTags(random, template, jobType, experience)),
    benefits: JSON.stringify(draftBenefits(random, template, jobType)),
    description: draftDescription(random, template, jobType, employer, city, district),
    requirements: JSON.stringify([qualificationLine(education, experience), ...template.requirements]),
    published_at: publishedAt,
  };
}

/** Part-time jobs read 兼职服务员, gigs 装卸工（日结）, internships 前端开发实习生, as on job boards. */
export function titleFor(title: string, jobType: JobType): string {
  if (jobType === 'part_time') return `兼职${title}`;
  if (jobType === 'daily_gig') return `${title}（日结）`;
  if (jobType === 'intern') return title.endsWith('工程师') ? title.replace(/工程师$/, '实习生') : `${title}实习生`;
  return title;
}

function workplaceOf(industry: Industry, template: JobTemplate): Workplace {
  if (template.office) return 'office';
  if (industry.name === '制造业' || ['分拣员', '装卸工', '叉车司机', '仓库管理员', '普工'].includes(template.title)) {
    return 'industrial';
  }
  return 'frontline';
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

/** Floors near the lowest legal minimum wages, so small-city pay never drops below what is lawful. */
const PAY_FLOOR: Record<Salary['unit'], number> = { hour: 16, day: 80, month: 2200 };

function draftSalary(random: Random, template: JobTemplate, jobType: JobType, tier: CityTier): Salary {
  const factor = SALARY_FACTOR_BY_TIER[tier] * (0.9 + random.next() * 0.2);
  const range = (low: number, high: number, step: number, unit: Salary['unit']) => {
    const min = Math.max(PAY_FLOOR[unit], roundTo(low * factor * (0.95 + random.next() * 0.1), step));
    const max = Math.max(min + step, roundTo(high * factor * (0.95 + random.next() * 0.1), step));
    return { min, max };
  };
  if (jobType === 'part_time') {
    const [low, high] = template.hourly ?? [18, 30];
    return { ...range(low, high, 1, 'hour'), unit: 'hour' };
  }
  if (jobType === 'daily_gig') {
    const [low, high] = template.daily ?? [150, 260];
    return { ...range(low, high, 10, 'day'), unit: 'day' };
  }
  if (jobType === 'intern') {
    const [low, high] = template.office ? [150, 300] : [100, 180];
    return { ...range(low, high, 10, 'day'), unit: 'day' };
  }
  const [low, high] = template.monthly;
  const months = template.office
    ? random.weighted([
        [12, 45],
        [13, 30],
        [14, 15],
        [15, 6],
        [16, 4],
      ] as const)
    : random.weighted([
        [12, 85],
        [13, 15],
      ] as const);
  return { ...range(low, high, low * factor >= 5000 ? 500 : 100, 'month'), unit: 'month', months };
}

function draftTags(random: Random, template: JobTemplate, jobType: JobType, experience: ExperienceLevel): string[] {
  const tags = random.sample(template.tags, random.int(2, 3));
  if (jobType === 'daily_gig') tags.unshift('日结');
  if (jobType === 'part_time') tags.unshift('兼职');
  if (jobType === 'intern' && random.chance(0.4)) tags.push('可转正');
  if (experience === 'fresh') tags.push('应届生可投');
  if (random.chance(0.12)) tags.unshift('急招');
  return [...new Set(tags)].slice(0, 5);
}

function draftBenefits(random: Random, template: JobTemplate, jobType: JobType): string[] {
  if (jobType === 'part_time' || jobType === 'daily_gig') return random.sample(FLEXIBLE_BENEFITS, random.int(1, 2));
  if (jobType === 'intern') return random.sample(['实习证明', '餐补', '导师带教', '弹性工作'], random.int(1, 3));
  if (!template.office) return random.sample(FRONTLINE_BENEFITS, random.int(2, 4));
  const rest = random.sample(
    OFFICE_BENEFITS.filter((b) => b !== '五险一金'),
    random.int(2, 4),
  );
  return random.chance(0.85) ? ['五险一金', ...rest] : rest;
}

function draftDescription(
  random: Random,
  template: JobTemplate,
  jobType: JobType,
  employer: Employer,
  city: CityRecord,
  district: string,
): string {
  const hours = jobType === 'full_time' ? WORK_HOURS[template.office ? 'office' : 'frontline'] : WORK_HOURS[jobType];
  const lines = [
    '岗位职责：',
    ...template.duties.map((duty, i) => `${i + 1}. ${duty}`),
    '',
    `工作时间：${random.pick(hours)}`,
    `工作地点：${city.name}${district}`,
  ];
  if (employer.isAgency) lines.push(`本岗位由${employer.companyName}代为招聘，入职后派遣至合作企业工作。`);
  return lines.join('\n');
}

function qualificationLine(education: EducationLevel, experience: ExperienceLevel): string {
  const school =
    education === 'any'
      ? '学历不限'
      : `${EDUCATION_LABELS[education]}${education === 'junior_high' ? '' : '及以上学历'}`;
  const work =
    experience === 'any'
      ? '经验不限'
      : experience === 'fresh'
        ? '欢迎应届毕业生'
        : `${EXPERIENCE_LABELS[experience]}相关工作经验`;
  return `${school}，${work}`;
}
