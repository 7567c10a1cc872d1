import './mobx-config';
import { makeAutoObservable, observable, runInAction } from 'mobx';
import {
  certifyInitializeRules,
  declineOfferRules,
  DOCUMENT_MAX_BYTES,
  type CertifyResult,
  type DocumentKind,
  type MonthlyIncome,
  type Onboarding,
} from '../services/contracts/onboarding';
import { checkInput } from '../services/contracts/validation';
import { ApiError } from '../services/http';
import {
  acceptOffer,
  checkIn,
  clockIn,
  clockOut,
  declineOffer,
  downloadContract,
  getIncome,
  getOnboarding,
  initializeCertify,
  queryCertify,
  signContract,
  uploadDocument,
  viewContract,
} from '../services/onboarding';
import { startCertify } from '../services/platform/certify';
import { openDocument } from '../services/platform/document';
import { getLocation } from '../services/platform/location';
import { chooseImage } from '../services/platform/media';
import { LateAnswers } from './late-answers';
import { loadFailure, type LoadStatus } from './load-status';
import { messageOf, type SubmitOutcome } from './outcome';

/** What the seeker is doing right now on one application (one action at a time). */
export type OnboardingAction =
  'accept' | 'decline' | 'certify' | 'sign' | 'open-contract' | 'check-in' | 'clock-in' | 'clock-out';

export interface OnboardingEntry {
  status: LoadStatus;
  onboarding: Onboarding | null;
  errorMessage: string;
  acting: OnboardingAction | null;
}

/** A document on its way up: progress 0..100, or why it failed (kept until the next try). */
export interface DocumentUpload {
  progress: number;
  state: 'uploading' | 'failed';
  errorMessage: string;
}

export interface IncomeEntry {
  status: LoadStatus;
  income: MonthlyIncome | null;
  errorMessage: string;
}

const EMPTY: OnboardingEntry = { status: 'idle', onboarding: null, errorMessage: '', acting: null };
const EMPTY_INCOME: IncomeEntry = { status: 'idle', income: null, errorMessage: '' };
/** Progress in steps, so a fast upload does not flood the view with setData calls. */
const PROGRESS_STEP = 10;

/** A failure the seeker can act on, as one line. */
const failureOf = (error: unknown, fallback: string): SubmitOutcome => ({
  ok: false,
  message: messageOf(error, fallback),
  fields: error instanceof ApiError ? error.fields : [],
});

/**
 * After the offer, per application: the offer to answer, the real-name check and the signature, the
 * contract PDF, the checklist uploads, the first-day check-in and 日结 shifts; and the monthly income.
 */
export class OnboardingStore {
  entries = observable.map<string, OnboardingEntry>();
  /** Uploads by `${applicationId}:${kind}`. */
  uploads = observable.map<string, DocumentUpload>();
  incomes = observable.map<string, IncomeEntry>();
  /** The passed real-name check the next signature uses (per session: a new check for a new contract). */
  certification: CertifyResult | null = null;
  private readonly reads = new Map<string, LateAnswers>();

  constructor() {
    makeAutoObservable<OnboardingStore, 'reads'>(this, { reads: false, certification: observable.ref });
  }

  entry(applicationId: string): OnboardingEntry {
    return this.entries.get(applicationId) ?? EMPTY;
  }

  upload(applicationId: string, kind: DocumentKind): DocumentUpload | undefined {
    return this.uploads.get(`${applicationId}:${kind}`);
  }

  incomeOf(month: string): IncomeEntry {
    return this.incomes.get(month) ?? EMPTY_INCOME;
  }

  /** Loads, or reloads; a failed reload keeps what was shown. */
  async load(applicationId: string): Promise<void> {
    this.patch(applicationId, { status: 'loading', errorMessage: '' });
    const isFresh = this.readsOf(applicationId).observe();
    try {
      const onboarding = await getOnboarding(applicationId);
      if (isFresh()) this.patch(applicationId, { status: 'ready', onboarding });
      else this.patch(applicationId, { status: 'ready' });
    } catch (error) {
      this.patch(applicationId, loadFailure(error, '这条投递不存在，或已被删除', '入职信息加载失败，请稍后重试'));
    }
  }

  /** The state the server pushed (`onboarding.updated`): newer than any read still on its way. */
  receive(onboarding: Onboarding): void {
    this.readsOf(onboarding.applicationId).supersede();
    this.patch(onboarding.applicationId, { onboarding, status: 'ready', errorMessage: '' });
  }

  accept(applicationId: string): Promise<SubmitOutcome> {
    const offer = this.entry(applicationId).onboarding?.offer;
    if (!offer) return Promise.resolve({ ok: false, message: '录用通知还没有加载', fields: [] });
    return this.act(applicationId, 'accept', () => acceptOffer(offer.id), '接受失败，请稍后重试');
  }

  async decline(applicationId: string, reason: string): Promise<SubmitOutcome> {
    const offer = this.entry(applicationId).onboarding?.offer;
    if (!offer) return { ok: false, message: '录用通知还没有加载', fields: [] };
    const checked = await checkInput(declineOfferRules, { reason });
    if (!checked.ok) return { ok: false, message: checked.fields[0].message, fields: checked.fields };
    const why = checked.value.reason.trim();
    return this.act(applicationId, 'decline', () => declineOffer(offer.id, why), '提交失败，请稍后重试');
  }

  /**
   * The real-name check: the server initializes it, Alipay's face check runs in the client, then the
   * server's query decides. Answers what to tell the seeker.
   */
  async certify(applicationId: string, certName: string, certNo: string): Promise<SubmitOutcome> {
    const checked = await checkInput(certifyInitializeRules, {
      certName: certName.trim(),
      certNo: certNo.trim().toUpperCase(),
    });
    if (!checked.ok) return { ok: false, message: checked.fields[0].message, fields: checked.fields };
    const input = checked.value;
    if (this.entry(applicationId).acting) return { ok: false, message: '', fields: [] };
    this.patch(applicationId, { acting: 'certify' });
    try {
      const started = await initializeCertify(input.certName, input.certNo);
      const outcome = await startCertify(started.certifyId, started.certifyUrl);
      if (outcome === 'cancelled') return { ok: false, message: '你已退出刷脸认证', fields: [] };
      if (outcome === 'network') return { ok: false, message: '网络不给力，认证没有完成，请重试', fields: [] };
      const result = await queryCertify(started.certifyId);
      if (result.passed !== 'T') return { ok: false, message: '实名认证未通过，请确认是本人操作后重试', fields: [] };
      runInAction(() => {
        this.certification = result;
      });
      return { ok: true };
    } catch (error) {
      return failureOf(error, '实名认证失败，请稍后重试');
    } finally {
      this.patch(applicationId, { acting: null });
    }
  }

  /** Marks the contract as read by the seeker (on its record); the answer itself is already in the entry. */
  async markContractViewed(flowId: string): Promise<void> {
    try {
      await viewContract(flowId);
    } catch {
      // The view record is the server's; failing to write it does not stop the seeker reading.
    }
  }

  sign(applicationId: string, signaturePng: string): Promise<SubmitOutcome> {
    const contract = this.entry(applicationId).onboarding?.contract;
    const certification = this.certification;
    if (!contract) return Promise.resolve({ ok: false, message: '合同还没有加载', fields: [] });
    if (!certification) return Promise.resolve({ ok: false, message: '请先完成实名认证', fields: [] });
    return this.act(
      applicationId,
      'sign',
      () => signContract(contract.flowId, certification.certifyId, signaturePng),
      '签署失败，请稍后重试',
    );
  }

  /** Downloads the PDF and opens it in Alipay's viewer. */
  async openContract(applicationId: string): Promise<string | null> {
    const contract = this.entry(applicationId).onboarding?.contract;
    if (!contract || this.entry(applicationId).acting) return null;
    this.patch(applicationId, { acting: 'open-contract' });
    try {
      const path = await downloadContract(contract.flowId);
      await openDocument(path);
      return null;
    } catch {
      return '合同文件打开失败，请检查网络后重试';
    } finally {
      this.patch(applicationId, { acting: null });
    }
  }

  /** Picks a photo and uploads it for one checklist item, with progress; answers a failure to show, or null. */
  async uploadDocument(applicationId: string, kind: DocumentKind, baseName: string): Promise<string | null> {
    const key = `${applicationId}:${kind}`;
    if (this.uploads.get(key)?.state === 'uploading') return null;
    let file;
    try {
      file = await chooseImage(baseName);
    } catch {
      return '无法打开相册，请在支付宝设置中允许访问相册后重试';
    }
    if (!file) return null;
    if (file.sizeBytes > DOCUMENT_MAX_BYTES) {
      this.uploads.set(key, { progress: 0, state: 'failed', errorMessage: '文件不能超过5MB' });
      return null;
    }
    this.uploads.set(key, { progress: 0, state: 'uploading', errorMessage: '' });
    try {
      const onboarding = await uploadDocument(applicationId, kind, file, (percent) => this.setProgress(key, percent));
      runInAction(() => {
        this.uploads.delete(key);
        this.readsOf(applicationId).supersede();
        this.patch(applicationId, { onboarding });
      });
      return null;
    } catch (error) {
      const fileField = error instanceof ApiError ? error.fields.find((field) => field.path === 'file') : undefined;
      const message = fileField ? fileField.message : messageOf(error, '上传失败，请稍后重试');
      runInAction(() => this.uploads.set(key, { progress: 0, state: 'failed', errorMessage: message }));
      return null;
    }
  }

  /** Checks in on the first day where the seeker stands (my.getLocation). */
  checkIn(applicationId: string): Promise<SubmitOutcome> {
    return this.act(applicationId, 'check-in', async () => checkIn(applicationId, await this.position()), '签到失败');
  }

  clockIn(applicationId: string): Promise<SubmitOutcome> {
    return this.act(
      applicationId,
      'clock-in',
      async () => {
        await clockIn(applicationId, await this.position());
        return getOnboarding(applicationId);
      },
      '上班打卡失败',
    );
  }

  clockOut(applicationId: string, shiftId: string): Promise<SubmitOutcome> {
    return this.act(
      applicationId,
      'clock-out',
      async () => {
        await clockOut(shiftId, await this.position());
        return getOnboarding(applicationId);
      },
      '下班打卡失败',
    );
  }

  async loadIncome(month: string): Promise<void> {
    const current = this.incomeOf(month);
    this.incomes.set(month, { ...current, status: 'loading', errorMessage: '' });
    try {
      const income = await getIncome(month);
      runInAction(() => this.incomes.set(month, { status: 'ready', income, errorMessage: '' }));
    } catch (error) {
      runInAction(() =>
        this.incomes.set(month, {
          ...this.incomeOf(month),
          status: 'error',
          errorMessage: messageOf(error, '收入加载失败，请稍后重试'),
        }),
      );
    }
  }

  private async position() {
    try {
      return await getLocation();
    } catch {
      throw new ApiError('business', '无法获取你的位置，请在支付宝设置中允许定位后重试');
    }
  }

  /** One action at a time per application; its answer replaces the onboarding and outranks older reads. */
  private async act(
    applicationId: string,
    action: OnboardingAction,
    send: () => Promise<Onboarding>,
    fallback: string,
  ): Promise<SubmitOutcome> {
    if (this.entry(applicationId).acting) return { ok: false, message: '', fields: [] };
    this.patch(applicationId, { acting: action });
    this.readsOf(applicationId).supersede();
    try {
      const onboarding = await send();
      this.patch(applicationId, { onboarding, status: 'ready', errorMessage: '' });
      return { ok: true };
    } catch (error) {
      return failureOf(error, fallback);
    } finally {
      this.patch(applicationId, { acting: null });
    }
  }

  private setProgress(key: string, percent: number): void {
    const upload = this.uploads.get(key);
    if (!upload || upload.state !== 'uploading') return;
    const stepped = percent >= 100 ? 100 : Math.floor(percent / PROGRESS_STEP) * PROGRESS_STEP;
    if (stepped !== upload.progress) this.uploads.set(key, { ...upload, progress: stepped });
  }

  private patch(applicationId: string, changes: Partial<OnboardingEntry>): void {
    this.entries.set(applicationId, { ...this.entry(applicationId), ...changes });
  }

  private readsOf(applicationId: string): LateAnswers {
    let reads = this.reads.get(applicationId);
    if (!reads) {
      reads = new LateAnswers();
      this.reads.set(applicationId, reads);
    }
    return reads;
  }
}

export const onboardingStore = new OnboardingStore();
