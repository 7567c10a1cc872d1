/**
 * Validation rules of the online resume, shared by the app's forms and the mock backend. Each error message
 * names its field in Chinese so it can be shown right next to it. Only ES2017 built-ins here.
 */
import { JOB_TYPES } from './jobs';
import { addMonths, chinaMonthOf, chinaYearOf, isMonth } from './months';
import {
  DEGREES,
  GENDERS,
  RESUME_LIMITS,
  WORK_STATUSES,
  type EducationInput,
  type ResumeBasicInput,
  type ResumeExpectationsInput,
  type ResumeSelfIntroInput,
  type ResumeSkillsInput,
  type WorkExperienceInput,
} from './resume';
import { checkRule, isBlank, textCheck, textRule, type FieldCheck } from './text';
import type { InputRules } from './validation';

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

/** A list of strings: how many, each item's own check, and whether they must differ. */
export function stringListCheck(options: {
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

export function createResumeBasicRules(now: () => number = defaultNow): InputRules<ResumeBasicInput> {
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
export const resumeBasicRules: InputRules<ResumeBasicInput> = createResumeBasicRules();

const salaryCheck = (label: string): FieldCheck =>
  integerIn(label, `请填写${label}`, RESUME_LIMITS.salaryMin, RESUME_LIMITS.salaryMax, '元');

export const resumeExpectationsRules: InputRules<ResumeExpectationsInput> = {
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

export function createWorkExperienceRules(now: () => number = defaultNow): InputRules<WorkExperienceInput> {
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
export const workExperienceRules: InputRules<WorkExperienceInput> = createWorkExperienceRules();

export function createEducationRules(now: () => number = defaultNow): InputRules<EducationInput> {
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
export const educationRules: InputRules<EducationInput> = createEducationRules();

export const resumeSkillsRules: InputRules<ResumeSkillsInput> = {
  skills: checkRule(
    stringListCheck({
      label: '技能标签',
      maxItems: RESUME_LIMITS.skillsMax,
      itemCheck: (item) => textCheck('技能标签', { required: true, max: RESUME_LIMITS.skillMax })(item, {}),
      unique: '技能标签不能重复',
    }),
  ),
};

export const resumeSelfIntroRules: InputRules<ResumeSelfIntroInput> = {
  selfIntro: checkRule((value, source) => {
    if (typeof value !== 'string') return value === undefined ? '请填写自我介绍' : '自我介绍格式不正确';
    return textCheck('自我介绍', { max: RESUME_LIMITS.selfIntroMax, multiline: true })(value, source);
  }),
};
