import type { Database } from 'better-sqlite3';
import { canonicalCityCode } from '../../services/contracts/cities';
import type { JobType } from '../../services/contracts/jobs';
import { maskEmail } from './mask-email';
import { maskPhone } from '../../services/contracts/masking';
import {
  RESUME_LIMITS,
  resumeCompleteness,
  type Degree,
  type Education,
  type EducationInput,
  type Gender,
  type Resume,
  type ResumeBasic,
  type ResumeBasicInput,
  type ResumeExpectations,
  type ResumeExpectationsInput,
  type WorkExperience,
  type WorkExperienceInput,
  type WorkStatus,
} from '../../services/contracts/resume';
import type { EmployerResumeView } from '../../services/contracts/employer';
import { iso } from '../clock';
import { conflict, invalidInput, notFound } from '../http/api-error';
import { PrivacyStore } from '../privacy/privacy-store';
import { readTrustBadges } from '../trust/trust-badges';
import { AttachmentStore } from './attachment-store';

interface ResumeRow {
  user_id: string;
  name: string | null;
  gender: Gender | null;
  birth_year: number | null;
  email: string | null;
  city_code: string | null;
  city_name: string | null;
  work_status: WorkStatus | null;
  phone: string | null;
  phone_verified: number;
  expectations: string | null;
  skills: string;
  self_intro: string;
  updated_at: number;
}

interface WorkExperienceRow {
  id: number;
  company: string;
  title: string;
  start_month: string;
  end_month: string | null;
  description: string;
}

interface EducationRow {
  id: number;
  school: string;
  degree: Degree;
  major: string;
  start_month: string;
  end_month: string | null;
}

/** Trimmed text, or null when nothing is left. */
function optionalText(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

function toWorkExperience(row: WorkExperienceRow): WorkExperience {
  return {
    id: String(row.id),
    company: row.company,
    title: row.title,
    startMonth: row.start_month,
    endMonth: row.end_month,
    description: row.description,
  };
}

function toEducation(row: EducationRow): Education {
  return {
    id: String(row.id),
    school: row.school,
    degree: row.degree,
    major: row.major,
    startMonth: row.start_month,
    endMonth: row.end_month,
  };
}

/** What the employer side may see of one application's resume. */
export interface EmployerViewOptions {
  companyId: number;
  contactShared: boolean;
  attachmentId: number | null;
}

/**
 * The online resume: one row per seeker plus work and education entries. Callers validate with the shared
 * rules first; the store trims, checks what only the database knows (cities exist, limits), then writes.
 */
export class ResumeStore {
  private readonly attachments: AttachmentStore;
  private readonly privacy: PrivacyStore;

  constructor(private readonly db: Database) {
    this.attachments = AttachmentStore.forDatabase(db);
    this.privacy = new PrivacyStore(db);
  }

  /** The owner's full resume, created empty on first read. */
  resume(userId: string, now: number): Resume {
    this.ensure(userId, now);
    const row = this.row(userId) as ResumeRow;
    const body = {
      basic: this.basicOf(row),
      phone: row.phone,
      phoneVerified: row.phone_verified === 1,
      expectations: this.expectationsOf(row),
      workExperiences: this.workExperiences(userId),
      educations: this.educations(userId),
      skills: JSON.parse(row.skills) as string[],
      selfIntro: row.self_intro,
    };
    return {
      ...body,
      attachments: this.attachments.list(userId),
      trust: readTrustBadges(this.db, userId),
      completeness: resumeCompleteness(body),
      updatedAt: iso(row.updated_at),
    };
  }

  /** Name and phone, for apply checks and trust decisions; empty when there is no resume yet. */
  essentials(userId: string): { name: string | null; phone: string | null; phoneVerified: boolean; hasBasic: boolean } {
    const row = this.row(userId);
    return {
      name: row?.name ?? null,
      phone: row?.phone ?? null,
      phoneVerified: row?.phone_verified === 1,
      hasBasic: !!row?.name,
    };
  }

  educationSchools(userId: string): { school: string; endMonth: string | null }[] {
    return this.educations(userId).map((education) => ({ school: education.school, endMonth: education.endMonth }));
  }

  updateBasic(userId: string, input: ResumeBasicInput, now: number): void {
    this.ensure(userId, now);
    const cityCode = canonicalCityCode(input.cityCode);
    if (!this.cityName(cityCode)) throw invalidInput([{ path: 'cityCode', message: '所在城市不存在，请重新选择' }]);
    const current = this.row(userId) as ResumeRow;
    const phone = input.phone === undefined || input.phone === '' ? current.phone : input.phone;
    const verified = phone === current.phone ? current.phone_verified : 0;
    this.db
      .prepare(
        `UPDATE resumes SET name = ?, gender = ?, birth_year = ?, email = ?, city_code = ?, work_status = ?,
           phone = ?, phone_verified = ?, updated_at = ?
         WHERE user_id = ?`,
      )
      .run(
        input.name.trim(),
        input.gender,
        input.birthYear,
        optionalText(input.email),
        cityCode,
        input.status,
        phone,
        verified,
        now,
        userId,
      );
  }

  /** The number Alipay vouched for (getPhoneNumber). */
  setVerifiedPhone(userId: string, phone: string, now: number): void {
    this.ensure(userId, now);
    this.db
      .prepare('UPDATE resumes SET phone = ?, phone_verified = 1, updated_at = ? WHERE user_id = ?')
      .run(phone, now, userId);
  }

  updateExpectations(userId: string, input: ResumeExpectationsInput, now: number): void {
    this.ensure(userId, now);
    const cityCodes = input.cityCodes.map(canonicalCityCode);
    const unknown = cityCodes.findIndex((code) => !this.cityName(code));
    if (unknown >= 0) {
      throw invalidInput([{ path: `cityCodes.${unknown}`, message: '期望城市不存在，请重新选择' }]);
    }
    const repeated = cityCodes.findIndex((code, i) => cityCodes.indexOf(code) !== i);
    if (repeated >= 0) throw invalidInput([{ path: `cityCodes.${repeated}`, message: '期望城市不能重复' }]);
    const stored: ResumeExpectationsInput = {
      categories: input.categories.map((category) => category.trim()),
      cityCodes,
      salaryMin: input.salaryMin,
      salaryMax: input.salaryMax,
      jobTypes: input.jobTypes as JobType[],
    };
    this.db
      .prepare('UPDATE resumes SET expectations = ?, updated_at = ? WHERE user_id = ?')
      .run(JSON.stringify(stored), now, userId);
  }

  addWorkExperience(userId: string, input: WorkExperienceInput, now: number): void {
    this.ensure(userId, now);
    const count = this.count('resume_work_experiences', userId);
    if (count >= RESUME_LIMITS.workExperiencesMax) {
      throw conflict(`工作经历最多${RESUME_LIMITS.workExperiencesMax}段，请先删除不需要的`);
    }
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO resume_work_experiences (user_id, company, title, start_month, end_month, description, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(userId, ...this.workValues(input), now);
      this.touch(userId, now);
    })();
  }

  updateWorkExperience(userId: string, id: number, input: WorkExperienceInput, now: number): void {
    this.db.transaction(() => {
      const result = this.db
        .prepare(
          `UPDATE resume_work_experiences SET company = ?, title = ?, start_month = ?, end_month = ?, description = ?
           WHERE id = ? AND user_id = ?`,
        )
        .run(...this.workValues(input), id, userId);
      if (result.changes === 0) throw notFound('工作经历不存在');
      this.touch(userId, now);
    })();
  }

  deleteWorkExperience(userId: string, id: number, now: number): void {
    this.db.transaction(() => {
      const result = this.db
        .prepare('DELETE FROM resume_work_experiences WHERE id = ? AND user_id = ?')
        .run(id, userId);
      if (result.changes === 0) throw notFound('工作经历不存在');
      this.touch(userId, now);
    })();
  }

  addEducation(userId: string, input: EducationInput, now: number): void {
    this.ensure(userId, now);
    if (this.count('resume_educations', userId) >= RESUME_LIMITS.educationsMax) {
      throw conflict(`教育经历最多${RESUME_LIMITS.educationsMax}段，请先删除不需要的`);
    }
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO resume_educations (user_id, school, degree, major, start_month, end_month, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(userId, ...this.educationValues(input), now);
      this.touch(userId, now);
    })();
  }

  updateEducation(userId: string, id: number, input: EducationInput, now: number): void {
    this.db.transaction(() => {
      const result = this.db
        .prepare(
          `UPDATE resume_educations SET school = ?, degree = ?, major = ?, start_month = ?, end_month = ?
           WHERE id = ? AND user_id = ?`,
        )
        .run(...this.educationValues(input), id, userId);
      if (result.changes === 0) throw notFound('教育经历不存在');
      this.touch(userId, now);
    })();
  }

  deleteEducation(userId: string, id: number, now: number): void {
    this.db.transaction(() => {
      const result = this.db.prepare('DELETE FROM resume_educations WHERE id = ? AND user_id = ?').run(id, userId);
      if (result.changes === 0) throw notFound('教育经历不存在');
      this.touch(userId, now);
    })();
  }

  setSkills(userId: string, skills: string[], now: number): void {
    this.ensure(userId, now);
    this.db
      .prepare('UPDATE resumes SET skills = ?, updated_at = ? WHERE user_id = ?')
      .run(JSON.stringify(skills.map((skill) => skill.trim())), now, userId);
  }

  setSelfIntro(userId: string, selfIntro: string, now: number): void {
    this.ensure(userId, now);
    this.db
      .prepare('UPDATE resumes SET self_intro = ?, updated_at = ? WHERE user_id = ?')
      .run(selfIntro.trim(), now, userId);
  }

  /**
   * The resume as an employer of `companyId` sees it: redacted when the seeker hid it from that company;
   * phone and email masked until the seeker shares them for this application.
   */
  employerView(userId: string, options: EmployerViewOptions): EmployerResumeView {
    if (this.privacy.isHiddenFrom(userId, options.companyId)) {
      return { redacted: true, message: '求职者已对贵公司隐藏简历' };
    }
    const row = this.row(userId);
    const basic = row ? this.basicOf(row) : null;
    const attachment = options.attachmentId === null ? undefined : this.attachments.byId(options.attachmentId);
    const phone = row?.phone ?? null;
    const email = basic?.email ?? null;
    return {
      redacted: false,
      name: basic?.name ?? null,
      gender: basic?.gender ?? null,
      birthYear: basic?.birthYear ?? null,
      cityName: basic?.cityName ?? null,
      status: basic?.status ?? null,
      phone: phone && !options.contactShared ? maskPhone(phone) : phone,
      email: email && !options.contactShared ? maskEmail(email) : email,
      contactShared: options.contactShared,
      expectations: row ? this.expectationsOf(row) : null,
      workExperiences: this.workExperiences(userId),
      educations: this.educations(userId),
      skills: row ? (JSON.parse(row.skills) as string[]) : [],
      selfIntro: row?.self_intro ?? '',
      attachment: attachment && !attachment.deleted ? attachment.attachment : null,
      trust: readTrustBadges(this.db, userId),
    };
  }

  cityName(code: string): string | undefined {
    const row = this.db.prepare('SELECT name FROM cities WHERE code = ?').get(code) as { name: string } | undefined;
    return row?.name;
  }

  private ensure(userId: string, now: number): void {
    this.db
      .prepare('INSERT INTO resumes (user_id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(userId, now, now);
  }

  private touch(userId: string, now: number): void {
    this.db.prepare('UPDATE resumes SET updated_at = ? WHERE user_id = ?').run(now, userId);
  }

  private row(userId: string): ResumeRow | undefined {
    return this.db
      .prepare(
        `SELECT r.*, ci.name AS city_name FROM resumes r LEFT JOIN cities ci ON ci.code = r.city_code
         WHERE r.user_id = ?`,
      )
      .get(userId) as ResumeRow | undefined;
  }

  private basicOf(row: ResumeRow): ResumeBasic | null {
    if (row.name === null) return null;
    return {
      name: row.name,
      gender: row.gender as Gender,
      birthYear: row.birth_year as number,
      email: row.email,
      cityCode: row.city_code as string,
      cityName: row.city_name ?? '',
      status: row.work_status as WorkStatus,
    };
  }

  private expectationsOf(row: ResumeRow): ResumeExpectations | null {
    if (row.expectations === null) return null;
    const stored = JSON.parse(row.expectations) as ResumeExpectationsInput;
    return { ...stored, cityNames: stored.cityCodes.map((code) => this.cityName(code) ?? '') };
  }

  /** Current job first, then by end and start month, newest first. */
  private workExperiences(userId: string): WorkExperience[] {
    const rows = this.db
      .prepare(
        `SELECT id, company, title, start_month, end_month, description FROM resume_work_experiences
         WHERE user_id = ? ORDER BY end_month IS NOT NULL, end_month DESC, start_month DESC, id DESC`,
      )
      .all(userId) as WorkExperienceRow[];
    return rows.map(toWorkExperience);
  }

  private educations(userId: string): Education[] {
    const rows = this.db
      .prepare(
        `SELECT id, school, degree, major, start_month, end_month FROM resume_educations
         WHERE user_id = ? ORDER BY start_month DESC, id DESC`,
      )
      .all(userId) as EducationRow[];
    return rows.map(toEducation);
  }

  private count(table: 'resume_work_experiences' | 'resume_educations', userId: string): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`).get(userId) as { n: number }).n;
  }

  private workValues(input: WorkExperienceInput): [string, string, string, string | null, string] {
    return [
      input.company.trim(),
      input.title.trim(),
      input.startMonth,
      input.endMonth || null,
      input.description?.trim() ?? '',
    ];
  }

  private educationValues(input: EducationInput): [string, Degree, string, string, string | null] {
    return [input.school.trim(), input.degree, input.major?.trim() ?? '', input.startMonth, input.endMonth || null];
  }
}
