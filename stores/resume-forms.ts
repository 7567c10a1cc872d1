import './mobx-config';
import { makeAutoObservable, runInAction } from 'mobx';
import type { FieldError } from '../services/contracts/errors';
import type { JobType } from '../services/contracts/jobs';
import {
  educationRules,
  resumeBasicRules,
  resumeExpectationsRules,
  resumeSelfIntroRules,
  resumeSkillsRules,
  workExperienceRules,
} from '../services/contracts/resume-rules';
import type {
  Degree,
  EducationInput,
  Gender,
  Resume,
  ResumeBasicInput,
  ResumeExpectationsInput,
  WorkExperienceInput,
  WorkStatus,
} from '../services/contracts/resume';
import type { Month } from '../services/contracts/months';
import { checkInput, type InputRules } from '../services/contracts/validation';
import { ApiError } from '../services/http';
import {
  authorizePhone,
  saveBasic,
  saveEducation,
  saveExpectations,
  saveSelfIntro,
  saveSkills,
  saveWorkExperience,
} from '../services/resume';
import { formDraftsStore, type DraftValues, type FormDraft } from './form-drafts';
import type { LoadStatus } from './load-status';
import { messageOf, type SubmitOutcome } from './outcome';
import { resumeStore } from './resume';

/** What one resume form is: where its draft lives, its shared rules, and how it maps to the resume. */
export interface ResumeFormSpec<V extends DraftValues, I> {
  /** Draft name: the device keeps it under `drafts.<form>`. */
  form: string;
  /** The contract's rules: the same the server validates with. */
  rules: InputRules<I>;
  /** The saved values in the resume; null when the entry no longer exists. */
  baseline(resume: Resume): V | null;
  /** Shown when `baseline` is null. */
  missingMessage?: string;
  /** The request body for the form's values, before the rules have checked it. */
  toInput(values: V, baseline: V): unknown;
  save(input: I): Promise<Resume>;
  /** Deletes the entry (work and education entries). */
  remove?(): Promise<string | null>;
  /** Server field paths that belong to a differently named form field (e.g. `response` → `phone`). */
  fieldAliases?: Record<string, string>;
}

/** Text fields may arrive as anything from the form; the rules decide what is wrong with it. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * One visit of a resume edit page: loads the resume, opens the device draft, saves with the shared rules
 * checked first, maps the server's field errors, and keeps the draft (and everything typed) when saving fails.
 */
export class ResumeFormSession<V extends DraftValues, I = unknown> {
  status: LoadStatus = 'idle';
  errorMessage = '';
  saving = false;
  /** Saved in this visit: the page is about to close. */
  saved = false;
  deleting = false;
  /** Why the last save failed when no field is to blame (network, server): shown above the form. */
  submitError = '';
  /** A server-side change to some fields is under way (see `applyServerUpdate`). */
  updating = false;
  readonly draft: FormDraft<V>;

  constructor(readonly spec: ResumeFormSpec<V, I>) {
    this.draft = formDraftsStore.draft<V>(spec.form);
    makeAutoObservable(this, { spec: false, draft: false });
  }

  async open(): Promise<void> {
    this.status = 'loading';
    this.errorMessage = '';
    const resume = await resumeStore.ensureLoaded();
    runInAction(() => {
      if (!resume) {
        this.status = 'error';
        this.errorMessage = resumeStore.errorMessage || '简历加载失败，请稍后重试';
        return;
      }
      const baseline = this.spec.baseline(resume);
      if (!baseline) {
        this.status = 'error';
        this.errorMessage = this.spec.missingMessage ?? '内容不存在或已删除';
        // The entry is gone: an unsaved edit of it has nothing left to restore into.
        this.draft.discard();
        return;
      }
      this.draft.open(baseline);
      this.status = 'ready';
    });
  }

  /** What the seeker changed in the form; kept on the device at once. */
  change(changed: Partial<V>): void {
    if (this.status !== 'ready') return;
    this.draft.change(changed);
    this.submitError = '';
  }

  discardDraft(): void {
    this.draft.discard();
  }

  /** Server paths as form field names. */
  fieldErrors(fields: FieldError[]): FieldError[] {
    const aliases = this.spec.fieldAliases ?? {};
    return fields.map((field) => ({ path: aliases[field.path] ?? field.path, message: field.message }));
  }

  /** Checks with the shared rules, then saves; nothing is sent while a field is wrong. */
  async submit(): Promise<SubmitOutcome> {
    if (this.saving || this.saved || this.deleting || this.status !== 'ready')
      return { ok: false, message: '', fields: [] };
    this.submitError = '';
    this.saving = true;
    const sent = this.draft.values;
    const checked = await checkInput(this.spec.rules, this.spec.toInput(sent, this.draft.baseline));
    if (!checked.ok) {
      runInAction(() => {
        this.saving = false;
      });
      return { ok: false, message: checked.fields[0].message, fields: this.fieldErrors(checked.fields) };
    }
    try {
      const resume = await this.spec.save(checked.value);
      runInAction(() => {
        resumeStore.receive(resume);
        this.draft.committed(sent);
        this.saving = false;
        // Once saved, a new entry must not be posted again by a second tap before the page closes.
        this.saved = true;
      });
      return { ok: true };
    } catch (error) {
      const fields = error instanceof ApiError ? this.fieldErrors(error.fields) : [];
      const message = messageOf(error, '保存失败，请稍后重试');
      runInAction(() => {
        this.saving = false;
        if (fields.length === 0) this.submitError = message;
      });
      return { ok: false, message, fields };
    }
  }

  /**
   * A change the server makes to some fields of this form (a phone number verified through Alipay): they are
   * taken into the form and its baseline, the rest of the edit stays.
   */
  async applyServerUpdate(
    run: () => Promise<Resume>,
    pick: (resume: Resume) => Partial<V>,
    fallback: string,
  ): Promise<SubmitOutcome> {
    if (this.updating || this.status !== 'ready') return { ok: false, message: '', fields: [] };
    this.updating = true;
    try {
      const resume = await run();
      runInAction(() => {
        resumeStore.receive(resume);
        this.draft.rebase(pick(resume));
        this.updating = false;
      });
      return { ok: true };
    } catch (error) {
      runInAction(() => {
        this.updating = false;
      });
      const fields = error instanceof ApiError ? this.fieldErrors(error.fields) : [];
      return { ok: false, message: messageOf(error, fallback), fields };
    }
  }

  /** Deletes the entry being edited; its draft goes with it. */
  async remove(): Promise<string | null> {
    if (!this.spec.remove || this.deleting || this.saving) return null;
    this.deleting = true;
    const failure = await this.spec.remove();
    runInAction(() => {
      this.deleting = false;
      if (!failure) this.draft.discard();
    });
    return failure;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Basic info

export interface BasicFormValues extends DraftValues {
  name: string;
  gender: Gender | null;
  birthYear: number | null;
  /** In full: this is the owner's own edit page. */
  phone: string;
  email: string;
  cityCode: string;
  /** Shown for the city field; not sent. */
  cityName: string;
  status: WorkStatus | null;
}

export const basicFormSpec: ResumeFormSpec<BasicFormValues, ResumeBasicInput> = {
  form: 'resume.basic',
  rules: resumeBasicRules,
  baseline: (resume) => ({
    name: resume.basic?.name ?? '',
    gender: resume.basic?.gender ?? null,
    birthYear: resume.basic?.birthYear ?? null,
    phone: resume.phone ?? '',
    email: resume.basic?.email ?? '',
    cityCode: resume.basic?.cityCode ?? '',
    cityName: resume.basic?.cityName ?? '',
    status: resume.basic?.status ?? null,
  }),
  toInput: (values, baseline) => {
    const input: Record<string, unknown> = {
      name: text(values.name),
      gender: values.gender ?? undefined,
      birthYear: values.birthYear ?? undefined,
      email: text(values.email).trim() === '' ? null : values.email,
      cityCode: text(values.cityCode),
      status: values.status ?? undefined,
    };
    // Unchanged (or cleared) keeps the stored number, and with it its Alipay verification.
    const phone = text(values.phone).trim();
    if (phone !== '' && phone !== baseline.phone) input.phone = phone;
    return input;
  },
  save: saveBasic,
  fieldAliases: { response: 'phone' },
};

/** `my.getPhoneNumber()`'s response → the verified number, put into the basic form; errors name the phone field. */
export function authorizePhoneInto(
  session: ResumeFormSession<BasicFormValues>,
  response: string,
): Promise<SubmitOutcome> {
  return session.applyServerUpdate(
    () => authorizePhone(response),
    (resume) => ({ phone: resume.phone ?? '' }),
    '手机号获取失败，请稍后重试',
  );
}

// ---------------------------------------------------------------------------------------------------------
// Expectations

export interface ExpectationsFormValues extends DraftValues {
  categories: string[];
  cityCodes: string[];
  /** Names of the chosen cities by code, for display; not sent. */
  cityNames: Record<string, string>;
  salaryMin: number | string | null;
  salaryMax: number | string | null;
  jobTypes: JobType[];
}

export const expectationsFormSpec: ResumeFormSpec<ExpectationsFormValues, ResumeExpectationsInput> = {
  form: 'resume.expectations',
  rules: resumeExpectationsRules,
  baseline: (resume) => {
    const saved = resume.expectations;
    const cityNames: Record<string, string> = {};
    saved?.cityCodes.forEach((code, i) => {
      cityNames[code] = saved.cityNames[i] ?? code;
    });
    return {
      categories: saved?.categories ?? [],
      cityCodes: saved?.cityCodes ?? [],
      cityNames,
      salaryMin: saved?.salaryMin ?? null,
      salaryMax: saved?.salaryMax ?? null,
      jobTypes: saved?.jobTypes ?? [],
    };
  },
  toInput: (values) => ({
    categories: values.categories,
    cityCodes: values.cityCodes,
    salaryMin: values.salaryMin ?? undefined,
    salaryMax: values.salaryMax ?? undefined,
    jobTypes: values.jobTypes,
  }),
  save: saveExpectations,
};

// ---------------------------------------------------------------------------------------------------------
// Work experience and education: one form per entry, `new` for an entry being added

export interface WorkFormValues extends DraftValues {
  company: string;
  title: string;
  startMonth: Month;
  /** null = 至今 */
  endMonth: Month | null;
  description: string;
}

export function workFormSpec(id: string | null): ResumeFormSpec<WorkFormValues, WorkExperienceInput> {
  return {
    form: `resume.work.${id ?? 'new'}`,
    rules: workExperienceRules,
    baseline: (resume) => {
      if (id === null) return { company: '', title: '', startMonth: '', endMonth: null, description: '' };
      const entry = resume.workExperiences.find((w) => w.id === id);
      return entry
        ? {
            company: entry.company,
            title: entry.title,
            startMonth: entry.startMonth,
            endMonth: entry.endMonth,
            description: entry.description,
          }
        : null;
    },
    missingMessage: '这段工作经历已删除',
    toInput: (values) => ({
      company: text(values.company),
      title: text(values.title),
      startMonth: text(values.startMonth),
      endMonth: values.endMonth || null,
      description: text(values.description),
    }),
    save: (input) => saveWorkExperience(id, input),
    remove: id === null ? undefined : () => resumeStore.deleteWorkExperience(id),
  };
}

export interface EducationFormValues extends DraftValues {
  school: string;
  degree: Degree | null;
  major: string;
  startMonth: Month;
  /** null = 在读 */
  endMonth: Month | null;
}

export function educationFormSpec(id: string | null): ResumeFormSpec<EducationFormValues, EducationInput> {
  return {
    form: `resume.education.${id ?? 'new'}`,
    rules: educationRules,
    baseline: (resume) => {
      if (id === null) return { school: '', degree: null, major: '', startMonth: '', endMonth: null };
      const entry = resume.educations.find((e) => e.id === id);
      return entry
        ? {
            school: entry.school,
            degree: entry.degree,
            major: entry.major,
            startMonth: entry.startMonth,
            endMonth: entry.endMonth,
          }
        : null;
    },
    missingMessage: '这段教育经历已删除',
    toInput: (values) => ({
      school: text(values.school),
      degree: values.degree ?? undefined,
      major: text(values.major),
      startMonth: text(values.startMonth),
      endMonth: values.endMonth || null,
    }),
    save: (input) => saveEducation(id, input),
    remove: id === null ? undefined : () => resumeStore.deleteEducation(id),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Skills and self-introduction

export interface SkillsFormValues extends DraftValues {
  skills: string[];
}

export const skillsFormSpec: ResumeFormSpec<SkillsFormValues, { skills: string[] }> = {
  form: 'resume.skills',
  rules: resumeSkillsRules,
  baseline: (resume) => ({ skills: resume.skills }),
  toInput: (values) => ({ skills: values.skills }),
  save: (input) => saveSkills(input.skills),
};

export interface SelfIntroFormValues extends DraftValues {
  selfIntro: string;
}

export const selfIntroFormSpec: ResumeFormSpec<SelfIntroFormValues, { selfIntro: string }> = {
  form: 'resume.selfIntro',
  rules: resumeSelfIntroRules,
  baseline: (resume) => ({ selfIntro: resume.selfIntro }),
  toInput: (values) => ({ selfIntro: text(values.selfIntro) }),
  save: (input) => saveSelfIntro(input.selfIntro),
};

/** The overview's edit entries with edits kept on the device but not saved: they say 继续编辑 / 继续添加. */
export function unsavedResumeSections() {
  const unsaved = (spec: { form: string }) => formDraftsStore.hasUnsavedEdits(spec.form);
  return {
    basic: unsaved(basicFormSpec),
    expectations: unsaved(expectationsFormSpec),
    newWork: unsaved(workFormSpec(null)),
    newEducation: unsaved(educationFormSpec(null)),
    skills: unsaved(skillsFormSpec),
    selfIntro: unsaved(selfIntroFormSpec),
  };
}
