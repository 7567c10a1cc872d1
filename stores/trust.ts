import './mobx-config';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import { realNameRules, studentRules } from '../services/contracts/trust-rules';
import type { RealNameRequest, StudentRequest, TrustKind, TrustStatus } from '../services/contracts/trust';
import { validate } from '../services/contracts/validation';
import { ApiError } from '../services/http';
import { getTrust, submitRealName, submitStudent, submitWorkId } from '../services/trust';
import type { LoadStatus } from './load-status';
import { LateAnswers } from './late-answers';
import { messageOf, type SubmitOutcome } from './outcome';
import { resumeStore } from './resume';

/** The seeker's trust checks (实名, 芝麻工作证, 学生), each none → pending → verified | failed. */
export class TrustStore {
  status: LoadStatus = 'idle';
  trust: TrustStatus | null = null;
  errorMessage = '';
  submitting: TrustKind | null = null;
  /** A reload that left before a submit cannot show the older state. */
  private readonly writes = new LateAnswers();

  constructor() {
    makeAutoObservable<TrustStore, 'writes'>(this, { trust: observable.ref, writes: false });
  }

  /** Loads, or reloads (a pending check may have been decided); a failed reload keeps what was shown. */
  async load(): Promise<void> {
    this.status = 'loading';
    this.errorMessage = '';
    const isFresh = this.writes.observe();
    try {
      const trust = await getTrust();
      runInAction(() => {
        if (isFresh()) this.trust = trust;
        this.status = 'ready';
      });
    } catch (error) {
      runInAction(() => {
        this.status = 'error';
        this.errorMessage = messageOf(error, '认证状态加载失败，请稍后重试');
      });
    }
  }

  /** Real name and ID number, checked with the shared rules (18 digits, real birth date, check digit). */
  submitRealName(input: RealNameRequest): Promise<SubmitOutcome> {
    const body = { name: input.name.trim(), idNumber: input.idNumber.trim().toUpperCase() };
    return this.submit(
      'realName',
      () => validate(realNameRules, body),
      () => submitRealName(body),
    );
  }

  submitStudent(input: StudentRequest): Promise<SubmitOutcome> {
    const body = { school: input.school, enrollmentYear: input.enrollmentYear };
    return this.submit(
      'student',
      () => validate(studentRules, body),
      () => submitStudent(body),
    );
  }

  /** No form: the work ID comes from the verified identity. */
  submitWorkId(): Promise<SubmitOutcome> {
    return this.submit('workId', () => Promise.resolve([]), submitWorkId);
  }

  private async submit(
    kind: TrustKind,
    check: () => ReturnType<typeof validate>,
    send: () => Promise<TrustStatus>,
  ): Promise<SubmitOutcome> {
    if (this.submitting) return { ok: false, message: '', fields: [] };
    const problems = await check();
    if (problems.length) return { ok: false, message: problems[0].message, fields: problems };
    runInAction(() => {
      this.submitting = kind;
    });
    try {
      const trust = await send();
      runInAction(() => {
        this.writes.supersede();
        this.trust = trust;
        this.status = 'ready';
        this.submitting = null;
      });
      // Badges on the resume follow the checks.
      void resumeStore.load();
      return { ok: true };
    } catch (error) {
      runInAction(() => {
        this.submitting = null;
      });
      return {
        ok: false,
        message: messageOf(error, '提交失败，请稍后重试'),
        fields: error instanceof ApiError ? error.fields : [],
      };
    }
  }
}

export const trustStore = new TrustStore();
