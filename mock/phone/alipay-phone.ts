import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { AlipayEncryptedPayload, AlipayPhoneContent } from '../../services/contracts/phone';
import { MAINLAND_MOBILE_PATTERN } from '../../services/contracts/resume-rules';

/** The keys a backend configures from Alipay's console: the Alipay public key and the app's AES key. */
export interface AlipayPhoneKeys {
  /** base64 of the SPKI DER, as the console shows it. */
  alipayPublicKey: string;
  /** base64 of 16 bytes. */
  aesKey: string;
}

/** Why a payload was refused; the message is shown next to the phone field. */
export class PhonePayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhonePayloadError';
  }
}

// Alipay's content encryption: AES-128-CBC, an IV of 16 zero bytes, PKCS#5 padding (Node's default).
const AES_ALGORITHM = 'aes-128-cbc';
const ZERO_IV = Buffer.alloc(16);

function aesKeyBytes(aesKey: string): Buffer {
  const key = Buffer.from(aesKey, 'base64');
  if (key.length !== 16) throw new Error('the AES key must be 16 bytes (base64)');
  return key;
}

export function aesEncrypt(plain: string, aesKey: string): string {
  const cipher = createCipheriv(AES_ALGORITHM, aesKeyBytes(aesKey), ZERO_IV);
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

export function aesDecrypt(base64: string, aesKey: string): string {
  const decipher = createDecipheriv(AES_ALGORITHM, aesKeyBytes(aesKey), ZERO_IV);
  return Buffer.concat([decipher.update(Buffer.from(base64, 'base64')), decipher.final()]).toString('utf8');
}

/**
 * What Alipay signs for an encrypted response: the ciphertext as the JSON string value it is, quotes
 * included (Alipay's SDK samples build the same content before `rsaCheck`).
 */
export function signContentOf(ciphertext: string): string {
  return `"${ciphertext}"`;
}

/** SHA256withRSA (RSA2) over UTF-8 content, base64. */
export function rsa2Sign(content: string, privateKeyBase64: string): string {
  const key = createPrivateKey({ key: Buffer.from(privateKeyBase64, 'base64'), format: 'der', type: 'pkcs8' });
  return sign('sha256', Buffer.from(content, 'utf8'), key).toString('base64');
}

export function rsa2Verify(content: string, signature: string, publicKeyBase64: string): boolean {
  const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
  return verify('sha256', Buffer.from(content, 'utf8'), key, Buffer.from(signature, 'base64'));
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parsePayload(response: string): AlipayEncryptedPayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response);
  } catch {
    throw new PhonePayloadError('手机号授权信息格式不正确，请重新授权');
  }
  const payload = parsed as Partial<AlipayEncryptedPayload> | null;
  if (!payload || typeof payload !== 'object' || typeof payload.response !== 'string' || !payload.response) {
    throw new PhonePayloadError('手机号授权信息格式不正确，请重新授权');
  }
  return payload as AlipayEncryptedPayload;
}

/**
 * The mobile number in a `my.getPhoneNumber()` response: checks the RSA2 signature with the Alipay public
 * key first (a tampered payload never reaches decryption), then decrypts and reads `mobile`.
 */
export function readPhoneNumber(response: string, keys: AlipayPhoneKeys): string {
  const payload = parsePayload(response);
  if (!payload.sign) throw new PhonePayloadError('手机号授权信息缺少签名，请重新授权');
  if (payload.sign_type !== undefined && payload.sign_type !== 'RSA2') {
    throw new PhonePayloadError('手机号授权信息的签名方式应为RSA2');
  }
  if (payload.encrypt_type !== undefined && payload.encrypt_type !== 'AES') {
    throw new PhonePayloadError('手机号授权信息的加密方式应为AES');
  }
  let signed = false;
  try {
    signed =
      BASE64.test(payload.sign) && rsa2Verify(signContentOf(payload.response), payload.sign, keys.alipayPublicKey);
  } catch {
    signed = false;
  }
  if (!signed) throw new PhonePayloadError('手机号授权信息验签失败，请重新授权');

  let content: AlipayPhoneContent;
  try {
    content = JSON.parse(aesDecrypt(payload.response, keys.aesKey)) as AlipayPhoneContent;
  } catch {
    throw new PhonePayloadError('手机号授权信息解密失败，请重新授权');
  }
  if (content.code !== '10000') {
    throw new PhonePayloadError(`获取支付宝手机号失败：${content.subMsg ?? content.msg ?? '未知原因'}`);
  }
  if (typeof content.mobile !== 'string' || !MAINLAND_MOBILE_PATTERN.test(content.mobile)) {
    throw new PhonePayloadError('支付宝账号绑定的不是中国大陆手机号，请手动填写');
  }
  return content.mobile;
}

/** Builds the `res.response` string Alipay would hand the app for `content`, signed with `privateKey`. */
export function buildAlipayResponse(
  content: AlipayPhoneContent,
  keys: { alipayPrivateKey: string; aesKey: string },
): string {
  const ciphertext = aesEncrypt(JSON.stringify(content), keys.aesKey);
  const payload: AlipayEncryptedPayload = {
    response: ciphertext,
    sign: rsa2Sign(signContentOf(ciphertext), keys.alipayPrivateKey),
    sign_type: 'RSA2',
    encrypt_type: 'AES',
    charset: 'UTF-8',
  };
  return JSON.stringify(payload);
}
