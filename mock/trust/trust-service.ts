import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { chinaMonthOf, chinaYearOf } from '../../services/contracts/months';
import {
  idNumberBirthDate,
  maskIdNumber,
  TRUST_KIND_LABELS,
  TRUST_KINDS,
  TRUST_REVIEW_MINUTES,
  type RealNameRequest,
  type StudentRequest,
  type TrustCheck,
  type TrustKind,
  type TrustStatus,
} from '../../services/contracts/trust';
import type { SimulatedClock } from '../clock';
import { iso } from '../clock';
import { conflict } from '../http/api-error';
import { ResumeStore } from '../resume/resume-store';

interface CheckRow {
  user_id: string;
  kind: TrustKind;
  state: 'pending' | 'verified' | 'failed';
  reason: string | null;
  detail: string;
  resolve_at: number;
  verified_at: number | null;
}

interface RealNameDetail {
  name: string;
  idNumberMasked: string;
  idNumberHash: string;
  birthDate: number;
}

interface StudentDetail {
  school: string;
  enrollmentYear: number;
}

type Decision = { state: 'verified' } | { state: 'failed'; reason: string };

const MINUTE_MS = 60 * 1000;
/** A bachelor's course: enrolled within this many years counts as still studying. */
const STUDY_YEARS = 4;
const ADULT_YEARS = 16;

function hashIdNumber(idNumber: string): string {
  return createHash('sha256').update(idNumber.toUpperCase()).digest('hex');
}

/**
 * Mock trust checks. Submitting makes a check pending; it is decided once simulated time passes its review
 * time (`settleDue`, run before every request) or at once by the admin API (`resolveNow`). Decisions depend
 * only on stored data, so the same inputs always end the same way.
 */
export class TrustService {
  private readonly resumes: ResumeStore;

  constructor(
    private readonly db: Database,
    private readonly clock: SimulatedClock,
  ) {
    this.resumes = new ResumeStore(db);
  }

  status(userId: string): TrustStatus {
    const rows = this.db.prepare('SELECT * FROM trust_checks WHERE user_id = ?').all(userId) as CheckRow[];
    const status = {} as TrustStatus;
    for (const kind of TRUST_KINDS) {
      const row = rows.find((candidate) => candidate.kind === kind);
      status[kind] = row ? toCheck(row) : { state: 'none' };
    }
    return status;
  }

  submitRealName(userId: string, input: RealNameRequest): TrustStatus {
    const idNumber = input.idNumber.trim().toUpperCase();
    const detail: RealNameDetail = {
      name: input.name.trim(),
      idNumberMasked: maskIdNumber(idNumber),
      idNumberHash: hashIdNumber(idNumber),
      birthDate: idNumberBirthDate(idNumber) as number,
    };
    this.submit(userId, 'realName', detail);
    return this.status(userId);
  }

  /** Alipay issues the work ID from a verified identity, so it can only be asked for after real-name. */
  submitWorkId(userId: string): TrustStatus {
    const realName = this.status(userId).realName;
    if (realName.state !== 'verified') {
      throw conflict(
        realName.state === 'pending' ? '实名认证审核中，通过后再申请芝麻工作证' : '请先完成实名认证，再申请芝麻工作证',
      );
    }
    this.submit(userId, 'workId', {});
    return this.status(userId);
  }

  submitStudent(userId: string, input: StudentRequest): TrustStatus {
    const detail: StudentDetail = { school: input.school.trim(), enrollmentYear: input.enrollmentYear };
    this.submit(userId, 'student', detail);
    return this.status(userId);
  }

  /** Decides every pending check whose review time has come; returns how many it decided. */
  settleDue(): number {
    const now = this.clock.now();
    const rows = this.db
      .prepare("SELECT * FROM trust_checks WHERE state = 'pending' AND resolve_at <= ? ORDER BY resolve_at")
      .all(now) as CheckRow[];
    return this.decideAll(rows, (row) => row.resolve_at);
  }

  /** Decides pending checks now (all, or one seeker's), for QA and tests. */
  resolveNow(userId?: string): number {
    const now = this.clock.now();
    const rows = this.db
      .prepare("SELECT * FROM trust_checks WHERE state = 'pending' AND (? IS NULL OR user_id = ?) ORDER BY resolve_at")
      .all(userId ?? null, userId ?? null) as CheckRow[];
    return this.decideAll(rows, () => now);
  }

  private submit(userId: string, kind: TrustKind, detail: object): void {
    const now = this.clock.now();
    const existing = this.db
      .prepare('SELECT state FROM trust_checks WHERE user_id = ? AND kind = ?')
      .get(userId, kind) as { state: CheckRow['state'] } | undefined;
    if (existing?.state === 'pending') throw conflict(`${TRUST_KIND_LABELS[kind]}审核中，请耐心等待结果`);
    if (existing?.state === 'verified') throw conflict(`你已完成${TRUST_KIND_LABELS[kind]}`);
    this.db
      .prepare(
        `INSERT INTO trust_checks (user_id, kind, state, reason, detail, submitted_at, resolve_at, verified_at)
         VALUES (?, ?, 'pending', NULL, ?, ?, ?, NULL)
         ON CONFLICT (user_id, kind) DO UPDATE SET state = 'pending', reason = NULL, detail = excluded.detail,
           submitted_at = excluded.submitted_at, resolve_at = excluded.resolve_at, verified_at = NULL`,
      )
      .run(userId, kind, JSON.stringify(detail), now, now + TRUST_REVIEW_MINUTES * MINUTE_MS);
  }

  /** Real-name first, so a work ID submitted with it sees the decided identity. */
  private decideAll(rows: CheckRow[], decidedAt: (row: CheckRow) => number): number {
    const order: TrustKind[] = ['realName', 'student', 'workId'];
    const sorted = [...rows].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    const update = this.db.prepare(
      `UPDATE trust_checks SET state = ?, reason = ?, verified_at = ?
       WHERE user_id = ? AND kind = ? AND state = 'pending'`,
    );
    this.db.transaction(() => {
      for (const row of sorted) {
        const at = decidedAt(row);
        const decision = this.decide(row, at);
        update.run(
          decision.state,
          decision.state === 'failed' ? decision.reason : null,
          decision.state === 'verified' ? at : null,
          row.user_id,
          row.kind,
        );
      }
    })();
    return sorted.length;
  }

  private decide(row: CheckRow, at: number): Decision {
    switch (row.kind) {
      case 'realName':
        return this.decideRealName(row.user_id, JSON.parse(row.detail) as RealNameDetail, at);
      case 'workId':
        return this.status(row.user_id).realName.state === 'verified'
          ? { state: 'verified' }
          : { state: 'failed', reason: '请先完成实名认证，再申请芝麻工作证' };
      case 'student':
        return this.decideStudent(row.user_id, JSON.parse(row.detail) as StudentDetail, at);
    }
  }

  private decideRealName(userId: string, detail: RealNameDetail, at: number): Decision {
    const reused = this.db
      .prepare(
        `SELECT 1 FROM trust_checks WHERE kind = 'realName' AND state = 'verified' AND user_id != ?
           AND json_extract(detail, '$.idNumberHash') = ?`,
      )
      .get(userId, detail.idNumberHash);
    if (reused) return { state: 'failed', reason: '该身份证已用于其他账号的实名认证' };
    const born = new Date(detail.birthDate);
    const adultAt = Date.UTC(born.getUTCFullYear() + ADULT_YEARS, born.getUTCMonth(), born.getUTCDate());
    if (adultAt > at) return { state: 'failed', reason: `未满${ADULT_YEARS}周岁，暂不能完成实名认证` };
    const resumeName = this.resumes.essentials(userId).name;
    if (!resumeName) return { state: 'failed', reason: '请先在简历中填写姓名，再重新认证' };
    if (resumeName !== detail.name) return { state: 'failed', reason: '身份证姓名与简历中的姓名不一致' };
    return { state: 'verified' };
  }

  /**
   * Enrolled within the last four years, or an education at that school on the resume still running
   * (在读, or graduating this month or later): verified. Otherwise the mock's 学信网 finds no current study.
   */
  private decideStudent(userId: string, detail: StudentDetail, at: number): Decision {
    if (detail.enrollmentYear >= chinaYearOf(at) - STUDY_YEARS) return { state: 'verified' };
    const currentMonth = chinaMonthOf(at);
    const studying = this.resumes
      .educationSchools(userId)
      .some((entry) => entry.school === detail.school && (entry.endMonth === null || entry.endMonth >= currentMonth));
    if (studying) return { state: 'verified' };
    return {
      state: 'failed',
      reason: `入学已超过${STUDY_YEARS}年，且简历中没有该校在读的教育经历，未查询到在读学籍`,
    };
  }
}

function toCheck(row: CheckRow): TrustCheck {
  if (row.state === 'verified') return { state: 'verified', verifiedAt: iso(row.verified_at as number) };
  if (row.state === 'failed') return { state: 'failed', reason: row.reason ?? '认证未通过' };
  return { state: 'pending' };
}
