import { MAINLAND_MOBILE_PATTERN } from './resume-rules';
import { realNameRules } from './trust-rules';
import type { FieldError } from './errors';
import { checkRule, textRule } from './text';
import type { InputRules } from './validation';

/**
 * The last steps of an application: the offer, the e-contract (an e-sign provider's shape: flow id,
 * signers, status), the real-name check (alipay.user.certify.open.*), the onboarding checklist, the first-day
 * check-in and, for day-paid gigs, shifts paid with an alipay.fund.trans.uni.transfer-shaped call.
 * Amounts are whole fen (integers), never floating point.
 */

// ---------------------------------------------------------------------------------------------------------
// Money

/** ¥1,234.50 from 123450 fen: integer arithmetic only. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** '1234.50' from 123450 fen: the `trans_amount` of a transfer (yuan, two decimals). */
export function fenToYuanString(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** 123450 from '1234.5' or '1234.50'; undefined for anything that is not yuan with at most two decimals. */
export function yuanStringToFen(text: string): number | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * A shift's pay: the day rate for a full day's minutes, in proportion below it, never above it; rounded
 * half up to a whole fen with integer arithmetic.
 */
export function shiftPayFen(dayRateFen: number, approvedMinutes: number, dayMinutes: number): number {
  if (approvedMinutes >= dayMinutes) return dayRateFen;
  return Math.floor((2 * dayRateFen * approvedMinutes + dayMinutes) / (2 * dayMinutes));
}

const CHINESE_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * A day of work as the calendar has it ('2026-12-08', China time, with a report time '09:00'):
 * "12月8日 周二 09:00" (the year too when it is not this year's). The weekday is the calendar's, whatever
 * the phone's time zone.
 */
export function formatWorkDay(day: string, time = '', now: number = Date.now()): string {
  const date = new Date(`${day}T00:00:00Z`);
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  const thisYear = new Date(now + 8 * 3600 * 1000).getUTCFullYear();
  const text = `${year === thisYear ? '' : `${year}年`}${month}月${dayOfMonth}日 ${CHINESE_WEEKDAYS[date.getUTCDay()]}`;
  return time ? `${text} ${time}` : text;
}

/** "4小时30分", "45分钟": worked and approved time of a shift. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return `${rest}分钟`;
  return rest ? `${hours}小时${rest}分` : `${hours}小时`;
}

// ---------------------------------------------------------------------------------------------------------
// Places and distance

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** Checking in on the first day, and clocking in, must be within this many metres of the place. */
export const CHECK_IN_RADIUS_M = 500;

/** Great-circle distance in whole metres (haversine). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371000 * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** "320米", "1.5公里". */
export function formatMetres(metres: number): string {
  return metres < 1000 ? `${metres}米` : `${(Math.round(metres / 100) / 10).toFixed(1)}公里`;
}

export const geoPointRules: InputRules<GeoPoint> = {
  latitude: { type: 'number', required: true, min: -90, max: 90, message: '定位纬度不正确，请重新定位' },
  longitude: { type: 'number', required: true, min: -180, max: 180, message: '定位经度不正确，请重新定位' },
};

// ---------------------------------------------------------------------------------------------------------
// Offer

export const PAY_KINDS = ['monthly', 'daily'] as const;
/** monthly: a salary a month; daily: 日结, paid per shift. */
export type PayKind = (typeof PAY_KINDS)[number];
export const PAY_KIND_LABELS: Record<PayKind, string> = { monthly: '月薪', daily: '日结' };

export const DOCUMENT_KINDS = ['idCardFront', 'idCardBack', 'health', 'education', 'payAccount', 'photo'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  idCardFront: '身份证人像面',
  idCardBack: '身份证国徽面',
  health: '健康证',
  education: '学历证书',
  payAccount: '收款支付宝账户',
  photo: '个人证件照',
};
/** Pictures of the ID card: masked in every view, never logged. */
export const ID_CARD_KINDS: readonly DocumentKind[] = ['idCardFront', 'idCardBack'];

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = {
  pending: '待确认',
  accepted: '已接受',
  declined: '已拒绝',
  expired: '已过期',
};

/** What the HR fills in to send an offer. */
export interface OfferInput {
  position: string;
  payKind: PayKind;
  /** Yuan as typed, with at most two decimals ('6500', '220.50'): a month's pay, or a day's for 日结. */
  payYuan: string;
  /** 'YYYY-MM-DD' */
  startDate: string;
  /** 'HH:mm' on the start date: when to report. */
  reportTime: string;
  address: string;
  latitude: number;
  longitude: number;
  /** 0 for none (日结 gigs). */
  probationMonths: number;
  /** '09:00-18:00，周末双休' */
  workingHours: string;
  /** Hours of a full day, for pro-rating a short 日结 shift. */
  dayHours: number;
  bring: string;
  documents: DocumentKind[];
  contactName: string;
  contactPhone: string;
  /** ISO 8601: after it the offer cannot be accepted. */
  expiresAt: string;
  note?: string;
}

const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A 'YYYY-MM-DD' that exists on the calendar (no 2月30日). */
function isCalendarDay(day: string): boolean {
  return DAY_PATTERN.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

/** Above these an amount is a typo (an extra zero or two), not a wage. */
const PAY_LIMIT_FEN = {
  daily: { fen: 10_000 * 100, message: '日薪不能超过10000元，请核对金额' },
  monthly: { fen: 1_000_000 * 100, message: '月薪不能超过100万元，请核对金额' },
} as const;

/** The instant a China day ('YYYY-MM-DD') begins. */
export function chinaDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/**
 * What the offer's dates need beyond their format: the start date after today in China, and the offer
 * answered by the start of the first day. An offer still open on the day the seeker should report leaves
 * neither side knowing whether they come; the night before also leaves the HR time to fill the place.
 * Run after the rules, on the server with its clock and in the console with the device's (as slotErrors).
 */
export function offerDateErrors(input: Pick<OfferInput, 'startDate' | 'expiresAt'>, now: number): FieldError[] {
  const today = new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
  if (input.startDate < today) return [{ path: 'startDate', message: '入职日期不能早于今天' }];
  if (input.startDate === today) {
    return [{ path: 'startDate', message: '入职日期最早为明天：求职者需要在入职前确认录用通知' }];
  }
  const expiresAt = Date.parse(input.expiresAt);
  if (expiresAt > chinaDayStart(input.startDate)) {
    return [{ path: 'expiresAt', message: '有效期不能晚于入职日期当天0点，请缩短有效期或推后入职日期' }];
  }
  return [];
}
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export const offerRules: InputRules<OfferInput> = {
  position: textRule('岗位', { required: true, max: 40 }),
  payKind: { type: 'enum', required: true, enum: [...PAY_KINDS], message: '请选择薪资方式' },
  payYuan: checkRule((value, source) => {
    if (typeof value === 'string' && value.trim().startsWith('-')) return '薪资金额必须大于0';
    const fen = typeof value === 'string' ? yuanStringToFen(value) : undefined;
    if (fen === undefined) return '请填写薪资金额（元，最多两位小数）';
    if (fen <= 0) return '薪资金额必须大于0';
    const limit = PAY_LIMIT_FEN[source.payKind === 'daily' ? 'daily' : 'monthly'];
    return fen > limit.fen ? limit.message : undefined;
  }, true),
  startDate: checkRule(
    (value) => (typeof value === 'string' && isCalendarDay(value) ? undefined : '请填写入职日期（YYYY-MM-DD）'),
    true,
  ),
  reportTime: { type: 'string', required: true, pattern: TIME_PATTERN, message: '请填写报到时间（HH:mm）' },
  address: textRule('报到地点', { required: true, max: 100 }),
  latitude: { type: 'number', required: true, min: -90, max: 90, message: '报到地点的纬度不正确' },
  longitude: { type: 'number', required: true, min: -180, max: 180, message: '报到地点的经度不正确' },
  probationMonths: { type: 'integer', required: true, min: 0, max: 6, message: '试用期为0到6个月' },
  workingHours: textRule('工作时间', { required: true, max: 60 }),
  dayHours: { type: 'integer', required: true, min: 1, max: 12, message: '每日工时为1到12小时' },
  bring: textRule('报到需携带', { required: true, max: 200, multiline: true }),
  documents: {
    type: 'array',
    required: true,
    min: 1,
    defaultField: { type: 'enum', enum: [...DOCUMENT_KINDS], message: '入职材料类型不正确' },
    message: '请至少选择一项入职材料',
  },
  contactName: textRule('联系人', { required: true, max: 20 }),
  contactPhone: { type: 'string', required: true, pattern: MAINLAND_MOBILE_PATTERN, message: '请填写11位联系人手机号' },
  expiresAt: checkRule((value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return '请填写录用通知的有效期';
    return undefined;
  }, true),
  note: textRule('录用说明', { max: 500, multiline: true }),
};

/** An offer as both sides see it. */
export interface Offer {
  id: string;
  applicationId: string;
  position: string;
  company: string;
  payKind: PayKind;
  payFen: number;
  startDate: string;
  reportTime: string;
  place: { address: string } & GeoPoint;
  probationMonths: number;
  workingHours: string;
  dayHours: number;
  bring: string;
  documents: DocumentKind[];
  contact: { name: string; phone: string };
  note: string | null;
  /** ISO 8601 */
  expiresAt: string;
  status: OfferStatus;
  declineReason: string | null;
  /** ISO 8601 */
  createdAt: string;
  respondedAt: string | null;
}

/** POST /offers/:id/decline */
export interface DeclineOfferRequest {
  reason: string;
}

export const declineOfferRules: InputRules<DeclineOfferRequest> = {
  reason: textRule('拒绝原因', { required: true, requiredMessage: '请告诉HR拒绝的原因', max: 200, multiline: true }),
};

// ---------------------------------------------------------------------------------------------------------
// Real-name check: alipay.user.certify.open.initialize → certify → query

/** POST /certify/initialize: the seeker's name and ID number, checked by Alipay's face verification. */
export interface CertifyInitializeRequest {
  certName: string;
  certNo: string;
}

/** The same name and ID number rules as the resume's real-name badge (check digit, real birth date). */
export const certifyInitializeRules: InputRules<CertifyInitializeRequest> = {
  certName: realNameRules.name,
  certNo: realNameRules.idNumber,
};

/** alipay.user.certify.open.certify gives a URL the Alipay client opens (`startBizService` 'open-certify'). */
export interface CertifyStart {
  certifyId: string;
  certifyUrl: string;
}

/** alipay.user.certify.open.query's `passed`: 'T' passed, 'F' failed or not finished. */
export interface CertifyResult {
  certifyId: string;
  passed: 'T' | 'F';
  /** The verified name and the ID number masked. */
  certName: string;
  certNoMasked: string;
}

// ---------------------------------------------------------------------------------------------------------
// E-contract (an e-sign provider's shape)

export const CONTRACT_STATUSES = ['signing', 'signed', 'revoked'] as const;
/** signing: waiting for a signer; signed: every signer signed; revoked. */
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  signing: '签署中',
  signed: '已签署',
  revoked: '已撤销',
};

export type SignerRole = 'seeker' | 'employer';

export interface ContractSigner {
  role: SignerRole;
  name: string;
  status: 'waiting' | 'signed';
  /** ISO 8601 */
  signedAt: string | null;
}

/** One key term set out plainly ("日薪", "¥220.00"). */
export interface ContractTerm {
  label: string;
  value: string;
}

export interface Contract {
  flowId: string;
  applicationId: string;
  title: string;
  terms: ContractTerm[];
  signers: ContractSigner[];
  status: ContractStatus;
  /** Path of the PDF (signed once every signer signed); GET with the same token. */
  fileUrl: string;
  /** ISO 8601 */
  createdAt: string;
}

/** POST /contracts/:flowId/sign: the handwritten signature drawn on `<canvas>`, a PNG as base64. */
export interface SignContractRequest {
  signaturePng: string;
  certifyId: string;
}

export const SIGNATURE_MAX_BYTES = 200 * 1024;

export const signContractRules: InputRules<SignContractRequest> = {
  signaturePng: checkRule((value) => {
    if (typeof value !== 'string' || value.length < 80) return '请先在签名区手写签名';
    if (value.length > (SIGNATURE_MAX_BYTES * 4) / 3) return '签名图片过大，请清除后重签';
    return /^[A-Za-z0-9+/]+=*$/.test(value) ? undefined : '签名图片格式不正确，请重签';
  }, true),
  certifyId: { type: 'string', required: true, pattern: /^[\w-]{8,64}$/, message: '请先完成实名认证' },
};

/** POST /employer/contracts/:flowId/revoke: a flow not yet signed by both; a new one replaces it. */
export interface RevokeContractRequest {
  reason: string;
}

export const revokeContractRules: InputRules<RevokeContractRequest> = {
  reason: textRule('撤销原因', { required: true, requiredMessage: '请写明撤销原因，求职者会看到', max: 200 }),
};

export const CONTRACT_EVENT_TYPES = ['created', 'viewed', 'signed', 'countersigned', 'revoked'] as const;
export type ContractEventType = (typeof CONTRACT_EVENT_TYPES)[number];

/** One link of a contract's hash chain: `hash` = SHA-256 of `prevHash` and this event's canonical JSON. */
export interface ContractEvent {
  seq: number;
  type: ContractEventType;
  actor: string;
  /** ISO 8601 */
  at: string;
  /** What the event fixes: the document's SHA-256 when created or signed, the signer's name. */
  detail: Record<string, string>;
  prevHash: string;
  hash: string;
}

/** GET /contracts/:flowId/proof */
export interface ContractProof {
  flowId: string;
  /** The chain's first `prevHash`. */
  genesis: string;
  events: ContractEvent[];
  /** The last event's hash. */
  head: string;
}

export const PROOF_GENESIS = '0'.repeat(64);

/** The bytes hashed for an event: its fields in a fixed order, so the same event always hashes the same. */
export function contractEventPayload(event: Omit<ContractEvent, 'hash'>): string {
  const detail = Object.keys(event.detail)
    .sort()
    .map((key) => [key, event.detail[key]]);
  return JSON.stringify([event.seq, event.type, event.actor, event.at, detail, event.prevHash]);
}

export type ProofVerdict = { valid: true } | { valid: false; seq: number; problem: string };

/**
 * Checks a proof as a third party would: every link's hash recomputed from its content and the previous
 * hash, the sequence unbroken, the head the last hash, the flow id the one the chain began with. A byte
 * changed anywhere breaks one of these. `sha256Hex` is the platform's (Node's crypto, WebCrypto).
 */
export async function verifyContractProof(
  proof: ContractProof,
  sha256Hex: (text: string) => Promise<string>,
): Promise<ProofVerdict> {
  try {
    return await verifyLinks(proof, sha256Hex);
  } catch {
    // A renamed or missing member (a changed byte in a key) leaves no chain to check.
    return { valid: false, seq: 0, problem: 'malformed proof' };
  }
}

async function verifyLinks(proof: ContractProof, sha256Hex: (text: string) => Promise<string>): Promise<ProofVerdict> {
  if (proof.genesis !== PROOF_GENESIS) return { valid: false, seq: 0, problem: 'genesis changed' };
  let previous = proof.genesis;
  for (let index = 0; index < proof.events.length; index += 1) {
    const event = proof.events[index];
    if (event.seq !== index + 1) return { valid: false, seq: event.seq, problem: 'sequence broken' };
    if (event.prevHash !== previous) return { valid: false, seq: event.seq, problem: 'link broken' };
    const { hash, ...content } = event;
    if ((await sha256Hex(contractEventPayload(content))) !== hash) {
      return { valid: false, seq: event.seq, problem: 'content changed' };
    }
    previous = hash;
  }
  if (proof.head !== previous) return { valid: false, seq: proof.events.length, problem: 'head changed' };
  if (proof.events[0]?.detail.flowId !== proof.flowId) return { valid: false, seq: 1, problem: 'flow id changed' };
  return { valid: true };
}

// ---------------------------------------------------------------------------------------------------------
// Onboarding checklist

export const DOCUMENT_STATUSES = ['missing', 'uploaded', 'accepted', 'rejected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  missing: '待上传',
  uploaded: '待审核',
  accepted: '已通过',
  rejected: '需重传',
};

export interface OnboardingDocument {
  kind: DocumentKind;
  status: DocumentStatus;
  /** Set once uploaded: the file the latest upload kept (ID card pictures are only ever shown masked). */
  id: string | null;
  fileName: string | null;
  size: number | null;
  rejectReason: string | null;
  /** ISO 8601 */
  uploadedAt: string | null;
}

export const DOCUMENT_FIELD = 'file';
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** POST /employer/documents/:id/review */
export interface DocumentReviewRequest {
  decision: 'accepted' | 'rejected';
  reason?: string;
}

export const documentReviewRules: InputRules<DocumentReviewRequest> = {
  decision: { type: 'enum', required: true, enum: ['accepted', 'rejected'], message: '请选择通过或退回' },
  reason: checkRule((value, source) => {
    if (source.decision !== 'rejected') return undefined;
    return typeof value === 'string' && value.trim() ? undefined : '请写明退回原因，方便求职者重新上传';
  }),
};

/** The first day, and whether the seeker checked in. */
export interface CheckIn {
  /** ISO 8601 */
  at: string;
  distanceM: number;
}

/** GET /applications/:id/onboarding (and the employer's): everything after the offer, in one answer. */
export interface Onboarding {
  applicationId: string;
  /** Where the job is (the offer form starts from it); null when the job has no position. */
  jobPlace: ({ address: string } & GeoPoint) | null;
  offer: Offer | null;
  contract: Contract | null;
  documents: OnboardingDocument[];
  checkIn: CheckIn | null;
  /** 日结 shifts, newest first (the latest 60). */
  shifts: Shift[];
  /** What still stands between the seeker and 已入职, in words; empty once hired. */
  remaining: string[];
}

// ---------------------------------------------------------------------------------------------------------
// 日结 shifts and pay

export const SHIFT_STATUSES = ['working', 'submitted', 'approved', 'rejected', 'paid'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];
export const SHIFT_STATUS_LABELS: Record<ShiftStatus, string> = {
  working: '上班中',
  submitted: '待审核',
  approved: '待发薪',
  rejected: '未通过',
  paid: '已发薪',
};

export interface Shift {
  id: string;
  applicationId: string;
  position: string;
  company: string;
  /** 'YYYY-MM-DD', China time */
  day: string;
  clockInAt: string;
  clockOutAt: string | null;
  workedMinutes: number | null;
  approvedMinutes: number | null;
  status: ShiftStatus;
  rejectReason: string | null;
  /** Set once approved: what the shift pays. */
  payFen: number | null;
  /** The transfer's idempotency key: one per shift. */
  outBizNo: string;
  /** alipay order id, once paid. */
  orderId: string | null;
  paidAt: string | null;
}

/** POST /employer/shifts/:id/review: approving fixes the pay; POST /employer/shifts/:id/pay pays it. */
export interface ShiftReviewRequest {
  decision: 'approved' | 'rejected';
  /** Approved minutes when fewer than worked; default all worked minutes. */
  minutes?: number;
  reason?: string;
}

export const shiftReviewRules: InputRules<ShiftReviewRequest> = {
  decision: { type: 'enum', required: true, enum: ['approved', 'rejected'], message: '请选择通过或驳回' },
  minutes: { type: 'integer', min: 1, max: 24 * 60, message: '核定工时为1到1440分钟' },
  reason: checkRule((value, source) => {
    if (source.decision !== 'rejected') return undefined;
    return typeof value === 'string' && value.trim() ? undefined : '请写明驳回原因';
  }),
};

/** A pay slip: one shift's pay. */
export interface PaySlip {
  shiftId: string;
  company: string;
  position: string;
  day: string;
  approvedMinutes: number;
  dayRateFen: number;
  payFen: number;
  orderId: string;
  outBizNo: string;
  paidAt: string;
}

/** GET /income?month=YYYY-MM */
export interface MonthlyIncome {
  month: string;
  totalFen: number;
  slips: PaySlip[];
}

export const incomeQueryRules: InputRules<{ month: string }> = {
  month: { type: 'string', required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '月份格式应为YYYY-MM' },
};

/** alipay.fund.trans.uni.transfer request, as the mock's payout gateway takes it. */
export interface UniTransferRequest {
  out_biz_no: string;
  /** Yuan with two decimals. */
  trans_amount: string;
  product_code: 'TRANS_ACCOUNT_NO_PWD';
  biz_scene: 'DIRECT_TRANSFER';
  order_title: string;
  payee_info: { identity: string; identity_type: 'ALIPAY_USER_ID' };
}

export interface UniTransferResponse {
  out_biz_no: string;
  order_id: string;
  status: 'SUCCESS';
  trans_date: string;
}
