import { JOB_TYPE_LABELS, JOB_TYPES, type CategoryGroup } from '../services/contracts/jobs';
import {
  DEGREE_LABELS,
  DEGREES,
  GENDER_LABELS,
  GENDERS,
  RESUME_LIMITS,
  SECTION_HINTS,
  SECTION_LABELS,
  WORK_STATUS_LABELS,
  WORK_STATUSES,
  type Education,
  type Resume,
  type SectionKey,
  type WorkExperience,
} from '../services/contracts/resume';
import { maskPhone } from '../services/contracts/masking';
import { addMonths, chinaMonthOf, chinaYearOf, isMonth, type Month } from '../services/contracts/months';
import type { ResumeAttachment } from '../services/contracts/resume-attachments';
import {
  ENROLLMENT_YEAR_MIN,
  TRUST_KIND_LABELS,
  TRUST_KINDS,
  TRUST_STATE_LABELS,
  type TrustCheck,
  type TrustKind,
  type TrustState,
  type TrustStatus,
} from '../services/contracts/trust';
import {
  formatBirthYear,
  formatCompleteness,
  formatExpectedSalary,
  formatFileSize,
  formatMonthRange,
  formatUploadedAt,
  formatUploadProgress,
  formatVerifiedAt,
  formatYear,
} from '../format';

/** The resume subpackage's pages. */
export const RESUME_PAGES = {
  overview: 'subpackages/resume/pages/index/index',
  basic: 'subpackages/resume/pages/basic/index',
  expectations: 'subpackages/resume/pages/expectations/index',
  work: 'subpackages/resume/pages/work/index',
  education: 'subpackages/resume/pages/education/index',
  skills: 'subpackages/resume/pages/skills/index',
  selfIntro: 'subpackages/resume/pages/intro/index',
  realName: 'subpackages/resume/pages/real-name/index',
  student: 'subpackages/resume/pages/student/index',
  privacy: 'subpackages/resume/pages/privacy/index',
} as const;

/** Where each completeness section is filled in (the phone is part of basic info). */
export const SECTION_PAGES: Record<SectionKey, string> = {
  basic: RESUME_PAGES.basic,
  phone: RESUME_PAGES.basic,
  expectations: RESUME_PAGES.expectations,
  workExperiences: RESUME_PAGES.work,
  educations: RESUME_PAGES.education,
  skills: RESUME_PAGES.skills,
  selfIntro: RESUME_PAGES.selfIntro,
};

export interface NextSectionView {
  key: SectionKey;
  label: string;
  hint: string;
  route: string;
}

export interface EntryView {
  id: string;
  title: string;
  subtitle: string;
  periodText: string;
}

export interface TrustBadgeView {
  kind: TrustKind;
  label: string;
  state: TrustState;
  stateText: string;
  /** Why it failed, when it was verified, or what happens next. */
  detail: string;
  /** "去认证", "重新认证", or '' when nothing can be started. */
  actionText: string;
}

export interface AttachmentRowView {
  /** Unique among rows: the attachment id, or the local id of an upload. */
  key: string;
  /** The server id; '' while uploading or after a failed upload. */
  id: string;
  fileName: string;
  metaText: string;
  state: 'uploaded' | 'uploading' | 'failed';
  progress: number;
  progressText: string;
  errorMessage: string;
}

/** What the upload store holds for one upload (structurally: utils does not import stores). */
export interface AttachmentUploadLike {
  localId: string;
  fileName: string;
  sizeBytes: number;
  progress: number;
  state: 'uploading' | 'failed';
  errorMessage: string;
}

export interface ResumeOverviewView {
  score: number;
  scoreText: string;
  /** The most useful section to fill next; null when the resume is complete. */
  next: NextSectionView | null;
  basic: {
    filled: boolean;
    name: string;
    metaText: string;
    emailText: string;
    /** Masked everywhere but the owner's edit page: 138****5678. */
    phoneText: string;
    phoneVerified: boolean;
  };
  expectations: { filled: boolean; lines: string[] };
  workExperiences: EntryView[];
  educations: EntryView[];
  skills: string[];
  selfIntro: string;
  workExperiencesFull: boolean;
  educationsFull: boolean;
}

function basicView(resume: Resume): ResumeOverviewView['basic'] {
  const basic = resume.basic;
  const phone = resume.phone;
  return {
    filled: basic !== null,
    name: basic?.name ?? '',
    metaText: basic
      ? [
          GENDER_LABELS[basic.gender],
          formatBirthYear(basic.birthYear),
          basic.cityName,
          WORK_STATUS_LABELS[basic.status],
        ]
          .filter(Boolean)
          .join(' · ')
      : '',
    emailText: basic?.email ?? '',
    phoneText: phone ? maskPhone(phone) : '',
    phoneVerified: !!phone && resume.phoneVerified,
  };
}

function expectationLines(resume: Resume): string[] {
  const saved = resume.expectations;
  if (!saved) return [];
  return [
    saved.categories.join('、'),
    [saved.cityNames.join('、'), saved.jobTypes.map((type) => JOB_TYPE_LABELS[type]).join('/')]
      .filter(Boolean)
      .join(' · '),
    formatExpectedSalary(saved.salaryMin, saved.salaryMax),
  ].filter(Boolean);
}

export function toWorkEntryView(entry: WorkExperience): EntryView {
  return {
    id: entry.id,
    title: entry.title,
    subtitle: entry.company,
    periodText: formatMonthRange(entry.startMonth, entry.endMonth, '至今'),
  };
}

export function toEducationEntryView(entry: Education): EntryView {
  return {
    id: entry.id,
    title: entry.school,
    subtitle: [DEGREE_LABELS[entry.degree], entry.major].filter(Boolean).join(' · '),
    periodText: formatMonthRange(entry.startMonth, entry.endMonth, '在读'),
  };
}

/** The resume overview: completeness with the next step, and a summary of every section. */
export function toResumeOverviewView(resume: Resume): ResumeOverviewView {
  const { score, nextSection } = resume.completeness;
  return {
    score,
    scoreText: formatCompleteness(score),
    next: nextSection
      ? {
          key: nextSection,
          label: SECTION_LABELS[nextSection],
          hint: SECTION_HINTS[nextSection],
          route: SECTION_PAGES[nextSection],
        }
      : null,
    basic: basicView(resume),
    expectations: { filled: resume.expectations !== null, lines: expectationLines(resume) },
    workExperiences: resume.workExperiences.map(toWorkEntryView),
    educations: resume.educations.map(toEducationEntryView),
    skills: resume.skills,
    selfIntro: resume.selfIntro,
    workExperiencesFull: resume.workExperiences.length >= RESUME_LIMITS.workExperiencesMax,
    educationsFull: resume.educations.length >= RESUME_LIMITS.educationsMax,
  };
}

const TRUST_ACTIONS: Record<TrustState, string> = { none: '去认证', pending: '', verified: '', failed: '重新认证' };
const TRUST_PENDING_DETAIL = '资料已提交，审核通过后自动点亮';

/**
 * The three trust badges with their states. `status` (GET /trust) has states and reasons; before it arrives
 * the resume's verified badges stand in.
 */
export function toTrustBadgeViews(status: TrustStatus | null, badges: Resume['trust'] | null): TrustBadgeView[] {
  return TRUST_KINDS.map((kind) => {
    const check: TrustCheck = status ? status[kind] : { state: badges && badges[kind] ? 'verified' : 'none' };
    let detail = '';
    if (check.state === 'failed') detail = check.reason ?? '';
    else if (check.state === 'verified' && check.verifiedAt) detail = formatVerifiedAt(check.verifiedAt);
    else if (check.state === 'pending') detail = TRUST_PENDING_DETAIL;
    return {
      kind,
      label: TRUST_KIND_LABELS[kind],
      state: check.state,
      stateText: TRUST_STATE_LABELS[check.state],
      detail,
      actionText: TRUST_ACTIONS[check.state],
    };
  });
}

/** Uploads under way or failed first (newest first), then the uploaded attachments. */
export function toAttachmentRows(
  attachments: ResumeAttachment[],
  uploads: AttachmentUploadLike[],
): AttachmentRowView[] {
  return [
    ...uploads.map((upload): AttachmentRowView => ({
      key: upload.localId,
      id: '',
      fileName: upload.fileName,
      metaText: formatFileSize(upload.sizeBytes),
      state: upload.state,
      progress: upload.progress,
      progressText: upload.state === 'uploading' ? formatUploadProgress(upload.progress) : '',
      errorMessage: upload.errorMessage,
    })),
    ...attachments.map((attachment): AttachmentRowView => ({
      key: attachment.id,
      id: attachment.id,
      fileName: attachment.fileName,
      metaText: `${formatFileSize(attachment.sizeBytes)} · ${formatUploadedAt(attachment.uploadedAt)}`,
      state: 'uploaded',
      progress: 100,
      progressText: '',
      errorMessage: '',
    })),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Options and values of the edit forms

/** A typed whole number as the rules expect it: '8000' → 8000; '' → null (not filled); anything else stays text. */
export function wholeNumberValue(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export interface SelectorOption {
  text: string;
  value: string;
}

export interface PickerOption {
  label: string;
  value: number | string;
}

export const GENDER_OPTIONS: SelectorOption[] = GENDERS.map((value) => ({ text: GENDER_LABELS[value], value }));
export const WORK_STATUS_OPTIONS: SelectorOption[] = WORK_STATUSES.map((value) => ({
  text: WORK_STATUS_LABELS[value],
  value,
}));
export const JOB_TYPE_OPTIONS: SelectorOption[] = JOB_TYPES.map((value) => ({ text: JOB_TYPE_LABELS[value], value }));
export const DEGREE_OPTIONS: PickerOption[] = DEGREES.map((value) => ({ label: DEGREE_LABELS[value], value }));

/** A category the expectations form offers: its name, its industry, whether it is chosen. */
export interface CategoryChoice {
  name: string;
  industry: string;
  chosen: boolean;
}

/**
 * The categories to offer: those of one industry, or, while searching, every category whose name holds
 * the query (any industry, letters in any case).
 */
export function categoryChoices(
  groups: readonly CategoryGroup[],
  chosen: readonly string[],
  show: { industryIndex: number } | { query: string },
): CategoryChoice[] {
  const choice = (industry: string) => (name: string) => ({ name, industry, chosen: chosen.indexOf(name) >= 0 });
  if ('query' in show) {
    const query = show.query.trim().toLowerCase();
    const found: CategoryChoice[] = [];
    for (const group of groups) {
      for (const name of group.categories)
        if (name.toLowerCase().indexOf(query) >= 0) found.push(choice(group.industry)(name));
    }
    return found;
  }
  const group = groups[show.industryIndex] ?? groups[0];
  return group ? group.categories.map(choice(group.industry)) : [];
}

/** Birth years a seeker may have (16 to 70 years old), youngest first. */
export function birthYearOptions(now: number = Date.now()): PickerOption[] {
  const year = chinaYearOf(now);
  const options: PickerOption[] = [];
  for (let y = year - RESUME_LIMITS.ageMin; y >= year - RESUME_LIMITS.ageMax; y--) {
    options.push({ label: formatYear(y), value: y });
  }
  return options;
}

/** Age around which most job seekers are: the birth-year wheel opens there while no year is chosen. */
const TYPICAL_SEEKER_AGE = 30;

/** The birth year the wheel starts on while the seeker has not chosen one. */
export function typicalBirthYear(now: number = Date.now()): number {
  return chinaYearOf(now) - TYPICAL_SEEKER_AGE;
}

/** Enrollment years for the student check, this year first. */
export function enrollmentYearOptions(now: number = Date.now()): PickerOption[] {
  const options: PickerOption[] = [];
  for (let y = chinaYearOf(now); y >= Math.max(ENROLLMENT_YEAR_MIN, chinaYearOf(now) - 12); y--) {
    options.push({ label: formatYear(y), value: y });
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------
// The month field's wheel: plain numbers, so nothing in it depends on a Date surviving setData

/** A month as the wheel holds it: [year, month 1–12]. */
export type MonthWheelValue = [number, number];

/** '2023-06' → [2023, 6]; anything else (no month yet) → null. */
export function monthWheelValue(month: unknown): MonthWheelValue | null {
  return isMonth(month) ? [Number(month.slice(0, 4)), Number(month.slice(5, 7))] : null;
}

/** [2023, 6] → '2023-06'. */
export function monthOfWheel([year, month]: MonthWheelValue): Month {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The wheel's columns between `earliest` and `latest` ('YYYY-MM'): every year, and the months of `year`
 * that lie inside the range (the first and last years are partial).
 */
export function monthWheelColumns(earliest: Month, latest: Month, year: number): PickerOption[][] {
  const [firstYear, firstMonth] = monthWheelValue(earliest) as MonthWheelValue;
  const [lastYear, lastMonth] = monthWheelValue(latest) as MonthWheelValue;
  const years: PickerOption[] = [];
  for (let y = firstYear; y <= lastYear; y++) years.push({ label: formatYear(y), value: y });
  const months: PickerOption[] = [];
  const from = year <= firstYear ? firstMonth : 1;
  const to = year >= lastYear ? lastMonth : 12;
  for (let m = from; m <= to; m++) months.push({ label: `${m}月`, value: m });
  return [years, months];
}

/** The latest month a month field offers: this month in China time, plus `monthsAhead`. */
export function latestPickableMonth(monthsAhead: number, now: number = Date.now()): Month {
  return addMonths(chinaMonthOf(now), monthsAhead);
}

/** Why `tag` cannot join `tags`: the same word in any letter case is there already ('' when it can). */
export function duplicateTagMessage(tags: string[], tag: string): string {
  const same = tags.find((existing) => existing.toLowerCase() === tag.toLowerCase());
  return same ? `“${same}”已经添加过了，不能重复添加` : '';
}
