/**
 * The online resume: types, limits and validation rules shared by the app's forms (antd-mini Form) and the
 * mock backend. Each error message names its field in Chinese so it can be shown right next to it.
 *
 * Text policy: resume text is data, never markup. `<script>`, HTML tags, quotes and SQL characters are kept
 * as literal text: the app binds text with `{{ }}` (never `rich-text`), the backend answers JSON and binds SQL
 * parameters, so nothing is ever interpreted, and refusing them would reject real text such as "C++ <T>" or
 * "R&D". What is refused: control characters (they break display), line breaks in one-line fields,
 * over-long text, wrong types.
 *
 * Only ES2017 built-ins here: this file ships inside the mini-program.
 */
import { EDUCATION_LABELS, type JobType } from './jobs';
import type { Month } from './months';
import type { ResumeAttachment } from './resume-attachments';
import type { TrustBadges } from './trust';

// ---------------------------------------------------------------------------------------------------------
// Enumerations

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

/** 在职 / 离职 / 应届: where the seeker stands now. */
export const WORK_STATUSES = ['employed', 'unemployed', 'graduate'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
export const WORK_STATUS_LABELS: Record<WorkStatus, string> = {
  employed: '在职',
  unemployed: '离职',
  graduate: '应届',
};

/** Highest degree of one education entry; the same ids as a job's `education` requirement. */
export const DEGREES = ['junior_high', 'high_school', 'associate', 'bachelor', 'master', 'doctor'] as const;
export type Degree = (typeof DEGREES)[number];
export const DEGREE_LABELS: Record<Degree, string> = {
  junior_high: EDUCATION_LABELS.junior_high,
  high_school: EDUCATION_LABELS.high_school,
  associate: EDUCATION_LABELS.associate,
  bachelor: EDUCATION_LABELS.bachelor,
  master: EDUCATION_LABELS.master,
  doctor: EDUCATION_LABELS.doctor,
};

// ---------------------------------------------------------------------------------------------------------
// Limits (the app's inputs use them as maxLength / counts; the server enforces the same numbers)

export const RESUME_LIMITS = {
  nameMax: 20,
  emailMax: 50,
  companyMax: 50,
  jobTitleMax: 30,
  schoolMax: 50,
  majorMax: 30,
  descriptionMax: 1000,
  selfIntroMax: 500,
  skillsMax: 20,
  skillMax: 20,
  categoriesMax: 5,
  categoryMax: 20,
  cityCodesMax: 5,
  /** Monthly pay in yuan. */
  salaryMin: 500,
  salaryMax: 500000,
  workExperiencesMax: 20,
  educationsMax: 10,
  /** Age range a seeker may be, from the birth year. */
  ageMin: 16,
  ageMax: 70,
  /** Earliest month a work or education entry may start. */
  earliestMonth: '1950-01',
  /** How far ahead an expected graduation (education end month) may be. */
  graduationYearsAhead: 8,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Types: requests (what the forms send) and the resume answer

/** PUT /resume/basic. `phone` omitted keeps the stored number; a typed number replaces it (unverified). */
export interface ResumeBasicInput {
  name: string;
  gender: Gender;
  birthYear: number;
  phone?: string;
  email?: string | null;
  /** GB/T 2260 code of the city the seeker lives in. */
  cityCode: string;
  status: WorkStatus;
}

export interface ResumeBasic {
  name: string;
  gender: Gender;
  birthYear: number;
  email: string | null;
  cityCode: string;
  cityName: string;
  status: WorkStatus;
}

/** PUT /resume/expectations */
export interface ResumeExpectationsInput {
  /** Job categories as GET /job-filters lists them, e.g. "餐饮服务". */
  categories: string[];
  cityCodes: string[];
  /** Monthly pay in yuan. */
  salaryMin: number;
  salaryMax: number;
  jobTypes: JobType[];
}

export interface ResumeExpectations extends ResumeExpectationsInput {
  /** Same order as `cityCodes`. */
  cityNames: string[];
}

/** POST /resume/work-experiences, PUT /resume/work-experiences/:id */
export interface WorkExperienceInput {
  company: string;
  title: string;
  startMonth: Month;
  /** null (or omitted) = 至今, the current job. */
  endMonth?: Month | null;
  description?: string;
}

export interface WorkExperience {
  id: string;
  company: string;
  title: string;
  startMonth: Month;
  endMonth: Month | null;
  description: string;
}

/** POST /resume/educations, PUT /resume/educations/:id */
export interface EducationInput {
  school: string;
  degree: Degree;
  major?: string;
  startMonth: Month;
  /** null (or omitted) = 在读. May lie ahead: the expected graduation month. */
  endMonth?: Month | null;
}

export interface Education {
  id: string;
  school: string;
  degree: Degree;
  major: string;
  startMonth: Month;
  endMonth: Month | null;
}

/** PUT /resume/skills: replaces the whole list; [] clears it. */
export interface ResumeSkillsInput {
  skills: string[];
}

/** PUT /resume/self-intro: '' clears it. */
export interface ResumeSelfIntroInput {
  selfIntro: string;
}

/** The sections the completeness score counts, in the order the app lists them. */
export const SECTION_KEYS = [
  'basic',
  'phone',
  'expectations',
  'workExperiences',
  'educations',
  'skills',
  'selfIntro',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const SECTION_LABELS: Record<SectionKey, string> = {
  basic: '基本信息',
  phone: '手机号',
  expectations: '求职期望',
  workExperiences: '工作经历',
  educations: '教育经历',
  skills: '技能标签',
  selfIntro: '自我介绍',
};
/** Why filling the section helps, for the "next step" prompt. */
export const SECTION_HINTS: Record<SectionKey, string> = {
  basic: '填写姓名、性别等基本信息，HR才能认识你',
  phone: '用支付宝验证手机号，投递需要它，HR才能联系到你',
  expectations: '填写求职期望，为你推荐更合适的职位',
  workExperiences: '补充工作经历，HR更愿意约你面试',
  educations: '补充教育经历，让简历更完整',
  skills: '添加技能标签，让HR一眼看到你的长处',
  selfIntro: '写几句自我介绍，展示你的优势',
};
/** Points each filled section is worth; they add up to 100. */
export const SECTION_WEIGHTS: Record<SectionKey, number> = {
  basic: 25,
  phone: 15,
  expectations: 15,
  workExperiences: 15,
  educations: 10,
  skills: 10,
  selfIntro: 10,
};

export interface ResumeCompleteness {
  /** 0..100 */
  score: number;
  /** The most useful section to fill next; null when everything is filled. */
  nextSection: SectionKey | null;
  /** Every unfilled section, most useful first. */
  missing: SectionKey[];
}

/** GET /resume and the answer of every resume write: the owner's full resume. */
export interface Resume {
  /** null until PUT /resume/basic. */
  basic: ResumeBasic | null;
  /** In full here only (the owner's answer); everywhere else it is masked, see `maskPhone`. */
  phone: string | null;
  /** True when the number came from Alipay (POST /resume/phone), false when typed. */
  phoneVerified: boolean;
  expectations: ResumeExpectations | null;
  /** Current job first, then newest first. */
  workExperiences: WorkExperience[];
  /** Newest first. */
  educations: Education[];
  skills: string[];
  /** '' when not written. */
  selfIntro: string;
  attachments: ResumeAttachment[];
  /** Verified trust badges (details: GET /trust). */
  trust: TrustBadges;
  completeness: ResumeCompleteness;
  /** ISO 8601 */
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------------------
// Completeness and what applying needs

export type CompletenessInput = Pick<
  Resume,
  'basic' | 'phone' | 'phoneVerified' | 'expectations' | 'workExperiences' | 'educations' | 'skills' | 'selfIntro'
>;

function isSectionFilled(resume: CompletenessInput, section: SectionKey): boolean {
  switch (section) {
    case 'basic':
      return resume.basic !== null;
    case 'phone':
      // The employer relies on the number: only one Alipay verified counts (and lets the seeker apply).
      return !!resume.phone && resume.phoneVerified;
    case 'expectations':
      return resume.expectations !== null;
    case 'workExperiences':
      return resume.workExperiences.length > 0;
    case 'educations':
      return resume.educations.length > 0;
    case 'skills':
      return resume.skills.length > 0;
    case 'selfIntro':
      return resume.selfIntro.trim() !== '';
  }
}

/**
 * How complete the resume is and what to fill next. Sections are ranked by how much they help an
 * application: who you are and how to reach you first, then what you want, then your record; a fresh
 * graduate's education counts before work experience.
 */
export function resumeCompleteness(resume: CompletenessInput): ResumeCompleteness {
  const graduate = resume.basic !== null && resume.basic.status === 'graduate';
  const order: SectionKey[] = graduate
    ? ['basic', 'phone', 'expectations', 'educations', 'workExperiences', 'skills', 'selfIntro']
    : ['basic', 'phone', 'expectations', 'workExperiences', 'educations', 'skills', 'selfIntro'];
  const missing = order.filter((section) => !isSectionFilled(resume, section));
  const score = order
    .filter((section) => missing.indexOf(section) < 0)
    .reduce((sum, section) => sum + SECTION_WEIGHTS[section], 0);
  return { score, nextSection: missing.length ? missing[0] : null, missing };
}

/**
 * Sections an application needs: the HR must know who applies and how to reach them, on a phone number
 * Alipay verified (a typed one does not count).
 */
export const APPLY_REQUIRED_SECTIONS: readonly SectionKey[] = ['basic', 'phone'];
/** What each required section asks of the seeker, in the message that blocks an application. */
const APPLY_REQUIREMENT_LABELS: Partial<Record<SectionKey, string>> = {
  basic: '基本信息',
  phone: '用支付宝验证手机号',
};

/** "投递前请先完善简历：基本信息、用支付宝验证手机号" */
export function applyBlockedMessage(missing: readonly SectionKey[]): string {
  const asked = missing.map((section) => APPLY_REQUIREMENT_LABELS[section] ?? SECTION_LABELS[section]);
  return `投递前请先完善简历：${asked.join('、')}`;
}
