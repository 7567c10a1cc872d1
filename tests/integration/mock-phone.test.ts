import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { ApiErrorBody } from '../../services/contracts/errors';
import type { AlipayEncryptedPayload } from '../../services/contracts/phone';
import type { Resume } from '../../services/contracts/resume';
import {
  aesDecrypt,
  buildAlipayResponse,
  readPhoneNumber,
  rsa2Verify,
  signContentOf,
} from '../../mock/phone/alipay-phone';
import {
  ALIPAY_TEST_AES_KEY,
  ALIPAY_TEST_PRIVATE_KEY,
  ALIPAY_TEST_PUBLIC_KEY,
  encryptAlipayContent,
  encryptPhonePayload,
  MOCK_PHONE_KEYS,
} from '../../mock/phone/test-keys';
import { startTestBackend, type TestBackend } from './mock-fixture';

const otherKeyPair = () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
};

describe('phone number through Alipay (getPhoneNumber payloads)', () => {
  it('round-trips: the payload is AES-128-CBC ciphertext with an RSA2 signature over the quoted ciphertext', () => {
    const response = encryptPhonePayload('13812345678');
    const payload = JSON.parse(response) as AlipayEncryptedPayload;
    expect(Object.keys(payload).sort()).toEqual(['charset', 'encrypt_type', 'response', 'sign', 'sign_type']);
    expect(payload).toMatchObject({ sign_type: 'RSA2', encrypt_type: 'AES', charset: 'UTF-8' });
    expect(rsa2Verify(signContentOf(payload.response), payload.sign as string, ALIPAY_TEST_PUBLIC_KEY)).toBe(true);
    expect(JSON.parse(aesDecrypt(payload.response, ALIPAY_TEST_AES_KEY))).toEqual({
      code: '10000',
      msg: 'Success',
      mobile: '13812345678',
    });
    expect(readPhoneNumber(response, MOCK_PHONE_KEYS)).toBe('13812345678');
  });

  it('uses a zero IV: the same content encrypts to the same ciphertext', () => {
    const a = JSON.parse(encryptPhonePayload('13812345678')) as AlipayEncryptedPayload;
    const b = JSON.parse(encryptPhonePayload('13812345678')) as AlipayEncryptedPayload;
    expect(a.response).toBe(b.response);
  });

  it('refuses payloads signed by another key, encrypted with another key, or tampered with', () => {
    const signedByStranger = buildAlipayResponse(
      { code: '10000', msg: 'Success', mobile: '13812345678' },
      { alipayPrivateKey: otherKeyPair(), aesKey: ALIPAY_TEST_AES_KEY },
    );
    expect(() => readPhoneNumber(signedByStranger, MOCK_PHONE_KEYS)).toThrow('验签失败');

    const wrongAesKey = buildAlipayResponse(
      { code: '10000', msg: 'Success', mobile: '13812345678' },
      { alipayPrivateKey: ALIPAY_TEST_PRIVATE_KEY, aesKey: randomBytes(16).toString('base64') },
    );
    expect(() => readPhoneNumber(wrongAesKey, MOCK_PHONE_KEYS)).toThrow('解密失败');

    const payload = JSON.parse(encryptPhonePayload('13812345678')) as AlipayEncryptedPayload;
    const swappedSign = {
      ...payload,
      sign: (JSON.parse(encryptPhonePayload('13900000000')) as AlipayEncryptedPayload).sign,
    };
    expect(() => readPhoneNumber(JSON.stringify(swappedSign), MOCK_PHONE_KEYS)).toThrow('验签失败');
    const unsigned = JSON.stringify({ ...payload, sign: undefined });
    expect(() => readPhoneNumber(unsigned, MOCK_PHONE_KEYS)).toThrow('缺少签名');
    expect(() => readPhoneNumber(JSON.stringify({ ...payload, sign_type: 'RSA' }), MOCK_PHONE_KEYS)).toThrow('RSA2');
    expect(() => readPhoneNumber(JSON.stringify({ ...payload, sign: '%%%' }), MOCK_PHONE_KEYS)).toThrow('验签失败');
  });

  describe('POST /resume/phone', () => {
    let backend: TestBackend;
    let token: string;

    beforeAll(async () => {
      backend = await startTestBackend();
      token = (await backend.login('phone')).accessToken;
    });
    afterAll(() => backend.close());

    it('stores the decrypted number as verified and shows it in full to its owner only', async () => {
      const response = await backend.request<Resume>('POST', '/resume/phone', {
        token,
        body: { response: encryptPhonePayload('13812345678') },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ phone: '13812345678', phoneVerified: true });
      expect(response.body.completeness.missing).not.toContain('phone');
    });

    it('answers Alipay’s own errors and non-mainland numbers with 400 naming `response`', async () => {
      const before = (await backend.request<Resume>('GET', '/resume', { token })).body;
      const cases: [string, string][] = [
        [
          encryptAlipayContent({
            code: '40003',
            msg: 'Insufficient Conditions',
            subCode: 'isv.invalid-auth-relations',
            subMsg: '无效的授权关系',
          }),
          '无效的授权关系',
        ],
        [encryptAlipayContent({ code: '10000', msg: 'Success', mobile: '85291234567' }), '中国大陆手机号'],
        [encryptAlipayContent({ code: '10000', msg: 'Success' }), '中国大陆手机号'],
        ['{"response":""}', '格式不正确'],
        ['x'.repeat(5000), '手机号授权信息无效'],
      ];
      for (const [payload, message] of cases) {
        const response = await backend.request<ApiErrorBody>('POST', '/resume/phone', {
          token,
          body: { response: payload },
        });
        expect(response.status).toBe(400);
        expect(response.body.error.fields).toEqual([{ path: 'response', message: expect.stringContaining(message) }]);
      }
      expect((await backend.request<Resume>('GET', '/resume', { token })).body).toEqual(before);
    });

    it('hands the browser simulator a payload over the loopback admin API', async () => {
      const made = await backend.request<{ response: string }>('POST', '/__admin/phone-payload', {
        body: { mobile: '13700001234' },
      });
      expect(made.status).toBe(200);
      const stored = await backend.request<Resume>('POST', '/resume/phone', { token, body: made.body });
      expect(stored.body.phone).toBe('13700001234');
      const bad = await backend.request<ApiErrorBody>('POST', '/__admin/phone-payload', { body: { mobile: '123' } });
      expect(bad.body.error.fields?.[0].path).toBe('mobile');
    });
  });
});
