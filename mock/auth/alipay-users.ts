import { createHash } from 'node:crypto';

/** The one account the Alipay IDE simulator is logged in as. */
export const QA_USER_ID = '2088000000000001';

/** `u_<key>.<nonce>`: a code for the Alipay user named by key; the nonce keeps each code single use. */
const NAMED_USER_CODE = /^u_([A-Za-z0-9_-]{1,64})\.(.+)$/;

export interface AlipayUser {
  userId: string;
  nickname: string;
}

/** Alipay user ids are 16 digits starting with 2088; the other 12 come from a hash of the key. */
export function userIdForKey(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  const twelveDigits = (digest.readBigUInt64BE(0) % 10n ** 12n).toString().padStart(12, '0');
  return `2088${twelveDigits}`;
}

/**
 * Who an auth code logs in. Like Alipay's IDE, every ordinary code belongs to the one logged-in QA
 * account; `u_<key>.<nonce>` codes name distinct users so tests and QA can act as several people.
 */
export function userForAuthCode(authCode: string): AlipayUser {
  const named = NAMED_USER_CODE.exec(authCode);
  const userId = named ? userIdForKey(named[1]) : QA_USER_ID;
  return { userId, nickname: named ? `支付宝用户${userId.slice(-4)}` : '测试账号' };
}
