/**
 * The seeker's phone number through Alipay: `<button open-type="getAuthorize" scope="phoneNumber">`, then
 * `my.getPhoneNumber()`, whose `res.response` goes to the backend untouched. Only ES2017 built-ins here.
 */
import type { InputRules } from './validation';

/**
 * POST /resume/phone. `response` is `res.response` of `my.getPhoneNumber()` as is: a JSON string
 * `{"response":"<base64 AES ciphertext>","sign":"<base64 RSA2 signature>","sign_type":"RSA2",
 * "encrypt_type":"AES","charset":"UTF-8"}`. The backend checks the signature with the Alipay public key,
 * decrypts with the app's AES key and reads `mobile`. Answers the full Resume (`phoneVerified: true`).
 */
export interface PhoneAuthorizationRequest {
  response: string;
}

/** What `response` holds once parsed (Alipay's field names). */
export interface AlipayEncryptedPayload {
  response: string;
  sign?: string;
  sign_type?: string;
  encrypt_type?: string;
  charset?: string;
}

/** The decrypted content (Alipay's names): code "10000" and the bound mobile on success. */
export interface AlipayPhoneContent {
  code: string;
  msg: string;
  mobile?: string;
  subCode?: string;
  subMsg?: string;
}

export const PHONE_PAYLOAD_MAX = 4096;
export const PHONE_PAYLOAD_MESSAGE = '手机号授权信息无效，请重新授权';

export const phoneAuthorizationRules: InputRules<PhoneAuthorizationRequest> = {
  response: [
    { type: 'string', required: true, whitespace: true, message: '请先授权获取支付宝手机号' },
    { type: 'string', max: PHONE_PAYLOAD_MAX, message: PHONE_PAYLOAD_MESSAGE },
  ],
};
