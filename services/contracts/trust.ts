/**
 * Trust: real-name verification (实名认证), a Zhima-credit style trusted work ID (芝麻工作证) and student status
 * (学生认证). In the mock each check is a small state machine: none → pending → verified | failed; a failed
 * check may be submitted again. Only ES2017 built-ins here: this file ships inside the mini-program.
 */

export const TRUST_STATES = ['none', 'pending', 'verified', 'failed'] as const;
export type TrustState = (typeof TRUST_STATES)[number];
export const TRUST_STATE_LABELS: Record<TrustState, string> = {
  none: '未认证',
  pending: '审核中',
  verified: '已认证',
  failed: '认证失败',
};

export const TRUST_KINDS = ['realName', 'workId', 'student'] as const;
export type TrustKind = (typeof TRUST_KINDS)[number];
export const TRUST_KIND_LABELS: Record<TrustKind, string> = {
  realName: '实名认证',
  workId: '芝麻工作证',
  student: '学生认证',
};

export interface TrustCheck {
  state: TrustState;
  /** Why it failed, in Chinese; present only when `failed`. */
  reason?: string;
  /** ISO 8601; present only when `verified`. */
  verifiedAt?: string;
}

/** GET /trust, and the answer of every POST /trust/… */
export interface TrustStatus {
  realName: TrustCheck;
  workId: TrustCheck;
  student: TrustCheck;
}

/** Badges: true when that check is verified. On the resume, and on applications (seeker and employer view). */
export interface TrustBadges {
  realName: boolean;
  workId: boolean;
  student: boolean;
}

export const NO_TRUST_BADGES: TrustBadges = { realName: false, workId: false, student: false };

/**
 * Simulated minutes a submitted check stays pending before the mock decides it (the autopilot clock moves
 * simulated time; POST /__admin/trust/resolve decides at once).
 */
export const TRUST_REVIEW_MINUTES = 10;

/** POST /trust/real-name. The name must match the resume's name for the check to pass. */
export interface RealNameRequest {
  name: string;
  /** 18 characters: 17 digits and a check digit (0-9 or X). */
  idNumber: string;
}

/** POST /trust/work-id takes no body: Alipay issues the work ID from the verified identity. */
export type WorkIdRequest = Record<string, never>;

/** POST /trust/student */
export interface StudentRequest {
  school: string;
  enrollmentYear: number;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';
const ID_PATTERN = /^[1-9]\d{16}[\dX]$/;

/** The check character (GB 11643) the first 17 digits call for. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * ID_WEIGHTS[i];
  return ID_CHECK_CHARACTERS.charAt(sum % 11);
}

/** Birth date encoded in an ID number as UTC midnight ms, or undefined when it is not a real date. */
export function idNumberBirthDate(idNumber: string): number | undefined {
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 ? time : undefined;
}

/** An 18-character mainland ID number with a real, past birth date and the right check character. */
export function isValidIdNumber(idNumber: string, now: number = Date.now()): boolean {
  const id = idNumber.toUpperCase();
  if (!ID_PATTERN.test(id)) return false;
  const born = idNumberBirthDate(id);
  if (born === undefined || born > now) return false;
  return idNumberCheckCharacter(id.slice(0, 17)) === id.charAt(17);
}

/** 110101199003071234 → 1101**********1234 */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length < 8
    ? '****'
    : `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

export const ID_NUMBER_MESSAGE = '身份证号不正确，请核对后重新输入';

export const ENROLLMENT_YEAR_MIN = 1950;
