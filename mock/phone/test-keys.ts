/**
 * TEST KEYS FOR THE MOCK BACKEND ONLY. They were generated for this repository, are public, and must never
 * be configured in a real Alipay app or backend.
 *
 * They stand in for what the Alipay open platform console gives a mini-program (开发设置): the "Alipay public
 * key" (支付宝公钥, RSA2) the backend checks signatures with, and the AES key (接口内容加密方式) it decrypts
 * with. Alipay holds the matching private key; here the mock holds it too, so tests and the browser
 * simulator can produce `my.getPhoneNumber()` payloads the mock accepts (see `encryptPhonePayload`).
 */
import type { AlipayPhoneContent } from '../../services/contracts/phone';
import { buildAlipayResponse, type AlipayPhoneKeys } from './alipay-phone';

/** Alipay's RSA2 public key as the console shows it: base64 of the SPKI DER, no PEM armour. */
export const ALIPAY_TEST_PUBLIC_KEY = [
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxD1lxC9M0fdfO4jKJiomrOTHOP4H+o/6',
  'F8qs4/JNjRlErY8xKO0EZmX4Kj9DbzUsRy2laU/JbMM4Q3KIIAUz5UJBnQICQztf6N+UYrzJhXJC',
  'sx891G88lTBLsjO7kmh7xqAAEWEOhTPCYQgzUL4byN92rk9caXaC//LLm2iePBLRpAial5sqfxTr',
  'hMFNaydh9OyKFNJvU/Ccn9+5pihuEOfgwtiU8oo3ALOOPhaWhwezyguJA0C6bF9UduZ9anP19EDT',
  'f7tjplAR0fPLFKHgl0fMc9kegicdvlODhuTHdM7sqInkRVGWdlNpy4rqCCtck5SRDUYospAHKxtg',
  'mP1EmQIDAQAB',
].join('');

/** The private half, which only Alipay has in reality: signs the test payloads. PKCS#8 DER, base64. */
export const ALIPAY_TEST_PRIVATE_KEY = [
  'MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDEPWXEL0zR9187iMomKias5Mc4',
  '/gf6j/oXyqzj8k2NGUStjzEo7QRmZfgqP0NvNSxHLaVpT8lswzhDcoggBTPlQkGdAgJDO1/o35Ri',
  'vMmFckKzHz3UbzyVMEuyM7uSaHvGoAARYQ6FM8JhCDNQvhvI33auT1xpdoL/8subaJ48EtGkCJqX',
  'myp/FOuEwU1rJ2H07IoU0m9T8Jyf37mmKG4Q5+DC2JTyijcAs44+FpaHB7PKC4kDQLpsX1R25n1q',
  'c/X0QNN/u2OmUBHR88sUoeCXR8xz2R6CJx2+U4OG5Md0zuyoieRFUZZ2U2nLiuoIK1yTlJENRiiy',
  'kAcrG2CY/USZAgMBAAECggEAL4tIip2DGSO7uOrNPy3bLOxIsDArsrMLPpRmCtv7mgHTN9GHcYjr',
  'FfwCggnNxrW1QpF2j+s6u9UYXo7zF/7qsdK5ntaLwcoy1HLGup1OnbwvGMKq8jr5DJQk4snR2gji',
  'ZB8DpTJEmFUP9P5NoHROuv4Y/OZRV2PVHTmvxrk0DQ19eNorH33jaDyWkwc1ion1UPfAdYo/ZlFd',
  'PthBzI5EiN3t+fN4vplA1o73fnV2uP3TYkYD35FBkYkRo8mKsSi5kHwdk/VWIK9KPAWWkBVisUPq',
  'vAIo3ElM5pAbELWj25byNNCz95VvoVMWVJPAGZ5zLGsECCSTeCwr+WVBdYJM4QKBgQDo+gvwh0vs',
  'niBrzlZq6oMjfjIfVxgqcU4NLQDTrgcZUGFJyzxUVPHb6uA2fpQN7WQ19eQeI6NBzzhNApu2axaG',
  'ZMCzGyTUBUSNM2y/OOugRENXjtODggWbC5bkUuK+3VSeC6gc4RHqVjgLM0M2N534M/++hbBvDcMa',
  'NAYXTqLmDQKBgQDXofaqvxDdG1o4tp1O4oxR5KMcyDI1Ze2J/uwsWVF04gWPdLN1TeIkuMRhPNWM',
  'NFAxwlTp/lPFYOgpt8N/h4Q3RaFe+yEexKdhOXCHfoWtLQWeEuSzXwclgoNTs9G4WBoGMUNHHOXx',
  '3GlH9rHYS385LqEJS/PTK6BTxaFhfqjhvQKBgQDm/VPtLRfYCIe4m6IO62kOPcbQT/gDzMdIRQB2',
  '4CrlrE5pbfno2zfZhay8GxAMJvyei6ebQlZRn3UA1b8xREfXA/oTGqyPEpH/NadyiKsGAeiK3W9V',
  'CgsoyHrY8l0iRCvrbz9FMtoib02tvSu8i7QyLMw6SC7ATPLN/hqz7SGR2QKBgAXhMbOoMBKHW2du',
  'e02aWc8l19jCELRqChcYL2JqMRFp1FL8EKSjMgZkT16DZSNEjec9cElNGQWpxcrVauxASrejG2pW',
  'mKmZHSNGiK35IjX9o0iTJU9KyQwZyfDvV0mahWMj1rzKqe51Xx2KOYE3Vcm+Xr+9JXHdn6qJGgRp',
  'irtVAoGBAMs71nrnkz7IPaOKRnHBhEQ+dtB+s9ROgU1xaOAKT17Mvl4sHzBg6+zYXxE4qd3/S3yZ',
  'WnQMQETCmyeZjzzfNPQpW2tJnLq/ZsuhvEP+QSpGIXy1homSNspbKNVpieE021YEZXpOmbrtR3yp',
  'E8/7l6cwMI8ak739JFZHlQex7Xbr',
].join('');

/** The app's AES-128 content key as the console shows it: base64 of 16 bytes. */
export const ALIPAY_TEST_AES_KEY = 'qndT85i/TQKPxnzwpaOJYQ==';

/** The keys the mock checks `POST /resume/phone` payloads with. */
export const MOCK_PHONE_KEYS: AlipayPhoneKeys = {
  alipayPublicKey: ALIPAY_TEST_PUBLIC_KEY,
  aesKey: ALIPAY_TEST_AES_KEY,
};

/**
 * A `my.getPhoneNumber()` `res.response` for `mobile`, as Alipay would produce it with the test keys: send it
 * as `POST /resume/phone { response }`. For tests and the browser simulator (which may also ask the mock
 * with `POST /__admin/phone-payload { mobile }`).
 */
export function encryptPhonePayload(mobile: string): string {
  return encryptAlipayContent({ code: '10000', msg: 'Success', mobile });
}

/** Any decrypted content, e.g. Alipay's error answers (`{ code: '40003', subMsg: '无效的授权关系' }`). */
export function encryptAlipayContent(content: AlipayPhoneContent): string {
  return buildAlipayResponse(content, { alipayPrivateKey: ALIPAY_TEST_PRIVATE_KEY, aesKey: ALIPAY_TEST_AES_KEY });
}
