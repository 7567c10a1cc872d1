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
import type { RuleItem } from 'async-validator';
import type { EmployerApplicationView } from './employer';
import { EDUCATION_LABELS, JOB_TYPES, type JobType } from './jobs';
import { checkRule, isBlank, textCheck, textRule, type FieldCheck } from './text';
import type { TrustBadges } from './trust';
import type { Rules } from './validation';

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

/** 'YYYY-MM', China time. */
export type Month = string;

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
// Attachments (POST /resume/attachments, multipart as my.uploadFile sends it)

/** The multipart field the file travels in: `my.uploadFile({ name: ATTACHMENT_FIELD_NAME, ... })`. */
export const ATTACHMENT_FIELD_NAME = 'file';
/**
 * Optional multipart text field with the name to show: files from my.chooseImage arrive with a temporary
 * name, so the app may send the original one here (`formData: { fileName: '张三-简历.pdf' }`).
 */
export const ATTACHMENT_NAME_FIELD = 'fileName';
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_MAX = 5;
export const ATTACHMENT_FILE_NAME_MAX = 100;
/** Extensions accepted, with the type each one is stored and served as. */
export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;
export type AttachmentMimeType = (typeof ATTACHMENT_TYPES)[AttachmentExtension];
export const ATTACHMENT_TYPE_TEXT = 'PDF、Word（doc/docx）、JPG或PNG';

export interface ResumeAttachment {
  id: string;
  fileName: string;
  sizeBytes: number;
  mimeType: AttachmentMimeType;
  /** ISO 8601 */
  uploadedAt: string;
}

/** GET /resume/attachments */
export interface ResumeAttachmentList {
  items: ResumeAttachment[];
}

/** The lower-case extension of a file name, or '' when it has none. */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function isAttachmentExtension(extension: string): extension is AttachmentExtension {
  return Object.prototype.hasOwnProperty.call(ATTACHMENT_TYPES, extension);
}

/**
 * Checks a file before upload (the app) and on arrival (the server): type by extension, size. The server
 * also checks the content's magic bytes. Returns the Chinese message for the `file` field, or undefined.
 */
export function checkAttachmentFile(file: { fileName: string; sizeBytes: number }): string | undefined {
  if (!isAttachmentExtension(fileExtension(file.fileName))) return `仅支持${ATTACHMENT_TYPE_TEXT}格式的附件简历`;
  if (file.sizeBytes <= 0) return '附件简历是空文件，请重新选择';
  if (file.sizeBytes > ATTACHMENT_MAX_BYTES) return `附件简历不能超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Privacy (GET/PUT /privacy)

/** PUT /privacy: companies that never see this seeker's resume (their employer view is redacted). */
export interface PrivacySettingsInput {
  hiddenCompanyIds: string[];
}

export interface PrivacySettings {
  hiddenCompanyIds: string[];
  /** Same order as `hiddenCompanyIds`, for display. */
  hiddenCompanies: { id: string; name: string }[];
}

export const HIDDEN_COMPANIES_MAX = 50;

// ---------------------------------------------------------------------------------------------------------
// What an employer sees (employer API: GET /employer/applications[/:id] as `applicantResume`)

export interface EmployerResumeFull {
  redacted: false;
  name: string | null;
  gender: Gender | null;
  birthYear: number | null;
  cityName: string | null;
  status: WorkStatus | null;
  /** Masked (138****5678) until the seeker shares it for this application. */
  phone: string | null;
  /** Masked (z***@example.com) until the seeker shares contact details. */
  email: string | null;
  contactShared: boolean;
  expectations: ResumeExpectations | null;
  workExperiences: WorkExperience[];
  educations: Education[];
  skills: string[];
  selfIntro: string;
  /** The attachment chosen for this application, when one was. */
  attachment: ResumeAttachment | null;
  trust: TrustBadges;
}

/** The seeker hid their resume from this company: nothing about them is shown. */
export interface EmployerResumeRedacted {
  redacted: true;
  message: string;
}

export type EmployerResumeView = EmployerResumeFull | EmployerResumeRedacted;

/** An application as its HR sees it (employer API), with the applicant's resume. */
export interface EmployerApplicationWithResume extends EmployerApplicationView {
  applicantResume: EmployerResumeView;
}

// ---------------------------------------------------------------------------------------------------------
// Pure helpers shared by app and server

/** 13812345678 → 138****5678; shorter or odd input keeps only its last 4 characters visible. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  if (phone.length > 4) return `****${phone.slice(-4)}`;
  return '****';
}

/** zhangsan@example.com → z***@example.com */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The 'YYYY-MM' month of `time` (ms) in China time. */
export function chinaMonthOf(time: number): Month {
  const date = new Date(time + CHINA_UTC_OFFSET_MS);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function chinaYearOf(time: number): number {
  return new Date(time + CHINA_UTC_OFFSET_MS).getUTCFullYear();
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

/** 'YYYY-MM' plus whole months; 'YYYY-MM' strings compare correctly as strings. */
export function addMonths(month: Month, months: number): Month {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

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

/** The sections still missing before the seeker may apply ([] = may apply). */
export function missingForApply(resume: {
  basic: object | null;
  phone: string | null;
  phoneVerified: boolean;
}): SectionKey[] {
  return APPLY_REQUIRED_SECTIONS.filter((section) =>
    section === 'basic' ? resume.basic === null : !(resume.phone && resume.phoneVerified),
  );
}

/** "投递前请先完善简历：基本信息、用支付宝验证手机号" */
export function applyBlockedMessage(missing: readonly SectionKey[]): string {
  const asked = missing.map((section) => APPLY_REQUIREMENT_LABELS[section] ?? SECTION_LABELS[section]);
  return `投递前请先完善简历：${asked.join('、')}`;
}

// ---------------------------------------------------------------------------------------------------------
// Rule building blocks. One rule per field, with a validator that returns the exact Chinese message, so a
// field shows one clear error (async-validator would otherwise stack "required" and "type" messages).

function enumCheck(values: readonly string[], requiredMessage: string, required = true): FieldCheck {
  return (value) => {
    if (value === undefined || value === null || value === '') return required ? requiredMessage : undefined;
    return typeof value === 'string' && values.indexOf(value) >= 0 ? undefined : requiredMessage;
  };
}

export const MAINLAND_MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const PHONE_MESSAGE = '请输入11位中国大陆手机号';
/** Deliberately simple: one @, a dot in the domain, no spaces. Real checking is a mail that arrives. */
export const EMAIL_PATTERN = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
export const CITY_CODE_PATTERN = /^\d{6}$/;

export function phoneCheck(required: boolean): FieldCheck {
  return (value) => {
    if (isBlank(value)) return required ? '请填写手机号' : undefined;
    return typeof value === 'string' && MAINLAND_MOBILE_PATTERN.test(value) ? undefined : PHONE_MESSAGE;
  };
}

const emailCheck: FieldCheck = (value) => {
  if (isBlank(value)) return undefined;
  if (typeof value !== 'string') return '邮箱格式不正确';
  if (value.length > RESUME_LIMITS.emailMax) return `邮箱不能超过${RESUME_LIMITS.emailMax}个字符`;
  return EMAIL_PATTERN.test(value) ? undefined : '邮箱格式不正确';
};

function integerIn(label: string, requiredMessage: string, min: number, max: number, unit = ''): FieldCheck {
  return (value) => {
    if (value === undefined || value === null || value === '') return requiredMessage;
    if (typeof value !== 'number' || !Number.isInteger(value)) return `${label}应为整数`;
    if (value < min || value > max) return `${label}应在${min}${unit}到${max}${unit}之间`;
    return undefined;
  };
}

export interface MonthOptions {
  /** "开始时间" */
  label: string;
  required: boolean;
  now: () => number;
  /** Months this far after the current one are still allowed (expected graduation). Default 0. */
  monthsAhead?: number;
  /** The field this month may not be before, and its label: end ≥ start. */
  notBefore?: { field: string; label: string };
}

/** A 'YYYY-MM' month: well formed, not before 1950, not in the future (compared when validating). */
export function monthCheck(options: MonthOptions): FieldCheck {
  const { label } = options;
  return (value, source) => {
    if (value === undefined || value === null || value === '') return options.required ? `请选择${label}` : undefined;
    if (!isMonth(value)) return `${label}格式应为“年-月”，如2024-03`;
    if (value < RESUME_LIMITS.earliestMonth) return `${label}不能早于1950年`;
    const ahead = options.monthsAhead ?? 0;
    const latest = addMonths(chinaMonthOf(options.now()), ahead);
    if (value > latest) {
      return ahead === 0 ? `${label}不能晚于当前月份` : `${label}不能晚于${latest.replace('-', '年')}月`;
    }
    const other = options.notBefore && source[options.notBefore.field];
    if (options.notBefore && isMonth(other) && value < other) return `${label}不能早于${options.notBefore.label}`;
    return undefined;
  };
}

function stringListCheck(options: {
  label: string;
  requiredMessage?: string;
  maxItems: number;
  itemCheck: (item: string) => string | undefined;
  /** Items must differ (case-insensitively). */
  unique?: string;
}): FieldCheck {
  return (value) => {
    if (value === undefined || value === null) return options.requiredMessage ?? `${options.label}格式不正确`;
    if (!Array.isArray(value)) return `${options.label}格式不正确`;
    if (value.length === 0 && options.requiredMessage) return options.requiredMessage;
    if (value.length > options.maxItems) return `${options.label}最多${options.maxItems}个`;
    const seen: string[] = [];
    for (const item of value) {
      if (typeof item !== 'string') return `${options.label}格式不正确`;
      const message = options.itemCheck(item);
      if (message) return message;
      const key = item.trim().toLowerCase();
      if (options.unique && seen.indexOf(key) >= 0) return options.unique;
      seen.push(key);
    }
    return undefined;
  };
}

const defaultNow = (): number => Date.now();

// ---------------------------------------------------------------------------------------------------------
// Rules per section. `create…Rules(now)` takes the clock (the server passes its simulated one); the plain
// exports compare with the device clock at validation time.

export function createResumeBasicRules(now: () => number = defaultNow): Rules {
  const birthYear: FieldCheck = (value) => {
    const year = chinaYearOf(now());
    return integerIn('出生年份', '请选择出生年份', year - RESUME_LIMITS.ageMax, year - RESUME_LIMITS.ageMin)(value, {});
  };
  return {
    name: textRule('姓名', { required: true, max: RESUME_LIMITS.nameMax }),
    gender: checkRule(enumCheck(GENDERS, '请选择性别'), true),
    birthYear: checkRule(birthYear, true),
    phone: checkRule(phoneCheck(false)),
    email: checkRule(emailCheck),
    cityCode: checkRule(
      (value) => (typeof value === 'string' && CITY_CODE_PATTERN.test(value) ? undefined : '请选择所在城市'),
      true,
    ),
    status: checkRule(enumCheck(WORK_STATUSES, '请选择求职状态'), true),
  };
}
export const resumeBasicRules: Rules = createResumeBasicRules();

const salaryCheck = (label: string): FieldCheck =>
  integerIn(label, `请填写${label}`, RESUME_LIMITS.salaryMin, RESUME_LIMITS.salaryMax, '元');

export const resumeExpectationsRules: Rules = {
  categories: checkRule(
    stringListCheck({
      label: '期望职位类别',
      requiredMessage: '请选择期望职位类别',
      maxItems: RESUME_LIMITS.categoriesMax,
      itemCheck: (item) => textCheck('职位类别', { required: true, max: RESUME_LIMITS.categoryMax })(item, {}),
      unique: '期望职位类别不能重复',
    }),
    true,
  ),
  cityCodes: checkRule(
    stringListCheck({
      label: '期望城市',
      requiredMessage: '请选择期望城市',
      maxItems: RESUME_LIMITS.cityCodesMax,
      itemCheck: (item) => (CITY_CODE_PATTERN.test(item) ? undefined : '期望城市不正确，请重新选择'),
      unique: '期望城市不能重复',
    }),
    true,
  ),
  salaryMin: checkRule(salaryCheck('最低期望月薪'), true),
  salaryMax: checkRule((value, source) => {
    const message = salaryCheck('最高期望月薪')(value, source);
    if (message) return message;
    const min = source.salaryMin;
    return typeof min === 'number' && (value as number) < min ? '最高期望月薪不能低于最低期望月薪' : undefined;
  }, true),
  jobTypes: checkRule(
    stringListCheck({
      label: '工作类型',
      requiredMessage: '请选择工作类型',
      maxItems: JOB_TYPES.length,
      itemCheck: (item) => ((JOB_TYPES as readonly string[]).indexOf(item) >= 0 ? undefined : '工作类型不正确'),
      unique: '工作类型不能重复',
    }),
    true,
  ),
};

export function createWorkExperienceRules(now: () => number = defaultNow): Rules {
  return {
    company: textRule('公司名称', { required: true, max: RESUME_LIMITS.companyMax }),
    title: textRule('职位名称', { required: true, max: RESUME_LIMITS.jobTitleMax }),
    startMonth: checkRule(monthCheck({ label: '开始时间', required: true, now }), true),
    endMonth: checkRule(
      monthCheck({ label: '结束时间', required: false, now, notBefore: { field: 'startMonth', label: '开始时间' } }),
    ),
    description: textRule('工作内容', { max: RESUME_LIMITS.descriptionMax, multiline: true }),
  };
}
export const workExperienceRules: Rules = createWorkExperienceRules();

export function createEducationRules(now: () => number = defaultNow): Rules {
  return {
    school: textRule('学校名称', { required: true, max: RESUME_LIMITS.schoolMax }),
    degree: checkRule(enumCheck(DEGREES, '请选择学历'), true),
    major: textRule('专业', { max: RESUME_LIMITS.majorMax }),
    startMonth: checkRule(monthCheck({ label: '入学时间', required: true, now }), true),
    endMonth: checkRule(
      monthCheck({
        label: '毕业时间',
        required: false,
        now,
        monthsAhead: RESUME_LIMITS.graduationYearsAhead * 12,
        notBefore: { field: 'startMonth', label: '入学时间' },
      }),
    ),
  };
}
export const educationRules: Rules = createEducationRules();

export const resumeSkillsRules: Rules = {
  skills: checkRule(
    stringListCheck({
      label: '技能标签',
      maxItems: RESUME_LIMITS.skillsMax,
      itemCheck: (item) => textCheck('技能标签', { required: true, max: RESUME_LIMITS.skillMax })(item, {}),
      unique: '技能标签不能重复',
    }),
  ),
};

export const resumeSelfIntroRules: Rules = {
  selfIntro: checkRule((value, source) => {
    if (typeof value !== 'string') return value === undefined ? '请填写自我介绍' : '自我介绍格式不正确';
    return textCheck('自我介绍', { max: RESUME_LIMITS.selfIntroMax, multiline: true })(value, source);
  }),
};

export const privacyRules: Rules = {
  hiddenCompanyIds: checkRule(
    stringListCheck({
      label: '屏蔽的公司',
      maxItems: HIDDEN_COMPANIES_MAX,
      itemCheck: (item) => (/^\d{1,12}$/.test(item) ? undefined : '屏蔽的公司不正确，请重新选择'),
      unique: '屏蔽的公司不能重复',
    }),
  ),
};

// ---------------------------------------------------------------------------------------------------------
// antd-mini Form adapter

/** The part of antd-mini's Form the adapter reads. */
export interface FormValuesSource {
  getFieldsValue(): Record<string, unknown>;
}
export type FormFieldValidator = ((rule: unknown, value: unknown) => Promise<void>) & { required?: boolean };
export type FormRule = (form: FormValuesSource) => { validator: FormFieldValidator };

/**
 * The same rules for antd-mini's `new Form({ rules: formRules(workExperienceRules) })`. antd-mini validates one
 * field at a time with only that field as the source, so cross-field checks (end month not before start
 * month, max salary not below min) read the other values from the form here.
 */
export function formRules(rules: Rules): Record<string, FormRule[]> {
  const result: Record<string, FormRule[]> = {};
  Object.keys(rules).forEach((name) => {
    const items = rules[name];
    result[name] = (Array.isArray(items) ? items : [items]).map((item): FormRule => {
      const rule = item as RuleItem;
      return (form) => {
        const validator: FormFieldValidator = (_rule, value) => {
          const source = { ...form.getFieldsValue(), [name]: value };
          const outcome =
            typeof rule.validator === 'function' ? rule.validator(rule, value, () => undefined, source, {}) : true;
          return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve();
        };
        validator.required = rule.required;
        return { validator };
      };
    });
  });
  return result;
}
