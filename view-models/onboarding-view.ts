import {
  CONTRACT_STATUS_LABELS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  OFFER_STATUS_LABELS,
  SHIFT_STATUS_LABELS,
  type DocumentKind,
  type MonthlyIncome,
  type Onboarding,
  type OnboardingDocument,
  type Shift,
} from '../services/contracts/onboarding';
import {
  formatDateTime,
  formatFen,
  formatMetres,
  formatMinutes,
  formatOfferPay,
  formatUploadProgress,
  formatWorkDay,
} from '../format';
import { chinaDayOf } from '../services/contracts/months';

export interface OfferView {
  id: string;
  company: string;
  position: string;
  payText: string;
  startText: string;
  address: string;
  probationText: string;
  workingHours: string;
  bring: string;
  documentsText: string;
  contactText: string;
  note: string;
  expiresText: string;
  statusText: string;
  tone: 'waiting' | 'good' | 'ended';
  pending: boolean;
  declineReason: string;
}

/** One step on the way to 已入职, with where to go for it. */
export interface OnboardingStepView {
  key: 'sign' | 'documents' | 'first-day' | 'shifts';
  title: string;
  detail: string;
  done: boolean;
}

export interface ContractView {
  flowId: string;
  title: string;
  statusText: string;
  terms: { label: string; value: string }[];
  signers: { role: string; text: string }[];
  seekerSigned: boolean;
}

export interface DocumentItemView {
  kind: DocumentKind;
  label: string;
  statusText: string;
  status: OnboardingDocument['status'] | 'uploading';
  detail: string;
  /** The seeker may (re)upload it now. */
  canUpload: boolean;
  buttonText: string;
}

export interface ShiftView {
  id: string;
  day: string;
  timeText: string;
  hoursText: string;
  payText: string;
  statusText: string;
  status: Shift['status'];
  note: string;
}

export function toOfferView(onboarding: Onboarding, now: number = Date.now()): OfferView | null {
  const offer = onboarding.offer;
  if (!offer) return null;
  return {
    id: offer.id,
    company: offer.company,
    position: offer.position,
    payText: formatOfferPay(offer.payKind, offer.payFen),
    startText: formatWorkDay(offer.startDate, offer.reportTime, now),
    address: offer.place.address,
    probationText: offer.probationMonths ? `${offer.probationMonths}个月` : '无试用期',
    workingHours: `${offer.workingHours}（每日${offer.dayHours}小时）`,
    bring: offer.bring,
    documentsText: offer.documents.map((kind) => DOCUMENT_KIND_LABELS[kind]).join('、'),
    contactText: `${offer.contact.name} ${offer.contact.phone}`,
    note: offer.note ?? '',
    expiresText: offer.status === 'pending' ? `请在${formatDateTime(offer.expiresAt, now)}前确认` : '',
    statusText: OFFER_STATUS_LABELS[offer.status],
    tone: offer.status === 'pending' ? 'waiting' : offer.status === 'accepted' ? 'good' : 'ended',
    pending: offer.status === 'pending',
    declineReason: offer.declineReason ?? '',
  };
}

/** The steps after an accepted offer, each done or not, in the order they happen. */
export function toOnboardingSteps(onboarding: Onboarding): OnboardingStepView[] {
  if (onboarding.offer?.status !== 'accepted') return [];
  const contract = onboarding.contract;
  const seekerSigned = contract?.signers[0].status === 'signed';
  const steps: OnboardingStepView[] = [
    {
      key: 'sign',
      title: '实名认证并签署电子合同',
      detail: !seekerSigned ? '刷脸核验身份后手写签名' : contract?.status === 'signed' ? '双方已签署' : '等待企业会签',
      done: contract?.status === 'signed',
    },
    {
      key: 'documents',
      title: '上传入职材料',
      detail: documentsProgressText(onboarding.documents),
      done: onboarding.documents.every((document) => document.status === 'accepted'),
    },
    {
      key: 'first-day',
      title: '报到签到',
      detail: onboarding.checkIn
        ? `已签到，距报到地点${formatMetres(onboarding.checkIn.distanceM)}`
        : '报到当天到达后签到',
      done: !!onboarding.checkIn,
    },
  ];
  if (onboarding.offer.payKind === 'daily') {
    steps.push({ key: 'shifts', title: '日结打卡与工资', detail: '上下班打卡，审核后当日到账', done: false });
  }
  return steps;
}

export function toContractView(onboarding: Onboarding): ContractView | null {
  const contract = onboarding.contract;
  if (!contract) return null;
  return {
    flowId: contract.flowId,
    title: contract.title,
    statusText: CONTRACT_STATUS_LABELS[contract.status],
    terms: contract.terms,
    signers: contract.signers.map((signer) => ({
      role: signer.role === 'seeker' ? '乙方（你）' : '甲方',
      text: `${signer.name} · ${signer.status === 'signed' && signer.signedAt ? `${formatDateTime(signer.signedAt)}签署` : '待签署'}`,
    })),
    seekerSigned: contract.signers[0].status === 'signed',
  };
}

export function toDocumentItems(
  onboarding: Onboarding,
  uploadOf: (
    kind: DocumentKind,
  ) => { progress: number; state: 'uploading' | 'failed'; errorMessage: string } | undefined,
): DocumentItemView[] {
  return onboarding.documents.map((document) => {
    const upload = uploadOf(document.kind);
    const uploading = upload?.state === 'uploading';
    let detail = '';
    if (uploading) detail = formatUploadProgress(upload.progress);
    else if (upload?.state === 'failed') detail = upload.errorMessage;
    else if (document.status === 'rejected') detail = `退回原因：${document.rejectReason ?? ''}`;
    else if (document.status === 'uploaded') detail = 'HR审核中';
    return {
      kind: document.kind,
      label: DOCUMENT_KIND_LABELS[document.kind],
      statusText: uploading ? '上传中' : DOCUMENT_STATUS_LABELS[document.status],
      status: uploading ? 'uploading' : document.status,
      detail,
      canUpload: !uploading && document.status !== 'accepted',
      buttonText: document.status === 'missing' ? '上传' : '重新上传',
    };
  });
}

export function toShiftViews(shifts: Shift[], now: number = Date.now()): ShiftView[] {
  return shifts.map((shift) => ({
    id: shift.id,
    day: formatWorkDay(shift.day, '', now),
    timeText: shift.clockOutAt
      ? `${formatDateTime(shift.clockInAt, now)} - ${formatDateTime(shift.clockOutAt, now)}`
      : `${formatDateTime(shift.clockInAt, now)} 上班`,
    hoursText: shift.workedMinutes === null ? '上班中' : formatMinutes(shift.approvedMinutes ?? shift.workedMinutes),
    payText: shift.payFen === null ? '' : formatFen(shift.payFen),
    statusText: SHIFT_STATUS_LABELS[shift.status],
    status: shift.status,
    note: shift.rejectReason
      ? `驳回原因：${shift.rejectReason}`
      : shift.orderId
        ? `支付宝转账单号 ${shift.orderId}`
        : '',
  }));
}

/**
 * Where the materials stand: what the seeker still has to upload (missing or refused) apart from what waits
 * for the HR's review. "还差1项材料，2项待HR审核", "3项材料待HR审核", "材料已全部审核通过".
 */
export function documentsProgressText(documents: readonly Pick<OnboardingDocument, 'status'>[]): string {
  const toUpload = documents.filter((document) => document.status === 'missing' || document.status === 'rejected');
  const inReview = documents.filter((document) => document.status === 'uploaded');
  if (toUpload.length && inReview.length) return `还差${toUpload.length}项材料，${inReview.length}项待HR审核`;
  if (toUpload.length) return `还差${toUpload.length}项材料`;
  if (inReview.length) return `${inReview.length}项材料待HR审核`;
  return '材料已全部审核通过';
}

export interface ClockStateView {
  /** "今日已下班 · 工作8小时" once the newest shift is clocked out; '' otherwise. */
  text: string;
  /** The clock-in button's label: a second shift the same day reads as one. */
  clockInLabel: string;
}

/** What the day looks like after the newest shift (the latest clock-in). */
export function toClockStateView(shifts: Shift[], now: number = Date.now()): ClockStateView {
  const newest = shifts.reduce<Shift | undefined>(
    (latest, shift) => (!latest || shift.clockInAt > latest.clockInAt ? shift : latest),
    undefined,
  );
  if (!newest || !newest.clockOutAt || newest.workedMinutes === null) return { text: '', clockInLabel: '上班打卡' };
  const today = newest.day === chinaDayOf(now);
  const day = today ? '今日' : formatWorkDay(newest.day, '', now);
  return {
    text: `${day}已下班 · 工作${formatMinutes(newest.workedMinutes)}`,
    clockInLabel: today ? '再次上班打卡' : '上班打卡',
  };
}

export interface IncomeView {
  totalText: string;
  slips: { shiftId: string; day: string; company: string; hoursText: string; payText: string }[];
}

export function toIncomeView(income: MonthlyIncome): IncomeView {
  return {
    totalText: formatFen(income.totalFen),
    slips: income.slips.map((slip) => ({
      shiftId: slip.shiftId,
      day: formatWorkDay(slip.day),
      company: `${slip.company} · ${slip.position}`,
      hoursText: formatMinutes(slip.approvedMinutes),
      payText: formatFen(slip.payFen),
    })),
  };
}
