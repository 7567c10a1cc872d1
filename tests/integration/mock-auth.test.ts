import type { TokenPair, UserProfile } from '../../services/contracts/auth';
import type { ApiErrorBody } from '../../services/contracts/errors';
import { QA_USER_ID, userForAuthCode, userIdForKey } from '../../mock/auth/alipay-users';
import { freshAuthCode, startTestBackend, type TestBackend } from './mock-fixture';

describe('mock backend auth (alipay.system.oauth.token)', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ seed: { jobs: 50 } });
  });
  afterAll(() => backend.close());

  it('maps u_<key>.<nonce> codes to a stable Alipay user id and any other code to the QA account', async () => {
    const first = await backend.request<TokenPair>('POST', '/auth/login', {
      body: { authCode: freshAuthCode('alice') },
    });
    const second = await backend.request<TokenPair>('POST', '/auth/login', {
      body: { authCode: freshAuthCode('alice') },
    });
    const bob = await backend.request<TokenPair>('POST', '/auth/login', { body: { authCode: freshAuthCode('bob') } });
    const ide = await backend.request<TokenPair>('POST', '/auth/login', { body: { authCode: 'ide-code-0001' } });

    expect(first.status).toBe(200);
    expect(first.body.userId).toMatch(/^2088\d{12}$/);
    expect(second.body.userId).toBe(first.body.userId);
    expect(first.body.userId).toBe(userIdForKey('alice'));
    expect(bob.body.userId).not.toBe(first.body.userId);
    expect(ide.body.userId).toBe(QA_USER_ID);
    expect(userForAuthCode('u_malformed-without-dot').userId).toBe(QA_USER_ID);
    expect(first.body).toMatchObject({ expiresIn: 7200, reExpiresIn: 30 * 24 * 3600 });
  });

  it('refuses a reused code with 400 invalid_grant', async () => {
    const authCode = freshAuthCode('carol');
    expect((await backend.request('POST', '/auth/login', { body: { authCode } })).status).toBe(200);
    const reused = await backend.request<ApiErrorBody>('POST', '/auth/login', { body: { authCode } });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('invalid_grant');
  });

  it('validates the code with the contract rule and names the field', async () => {
    const short = await backend.request<ApiErrorBody>('POST', '/auth/login', { body: { authCode: 'abc' } });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: 'invalid_input', fields: [{ path: 'authCode' }] });
    expect(short.body.error.fields?.[0].message).toMatch(/授权码/);

    const missing = await backend.request<ApiErrorBody>('POST', '/auth/login', { body: {} });
    expect(missing.body.error.fields?.map((f) => f.path)).toEqual(['authCode']);

    const wrongType = await backend.request<ApiErrorBody>('POST', '/auth/login', {
      body: { authCode: 12345678, hasOwnProperty: 1 },
    });
    expect(wrongType.status).toBe(400);
  });

  it('answers malformed or empty JSON with 400, not 500', async () => {
    const malformed = await backend.request<ApiErrorBody>('POST', '/auth/login', { rawBody: '{"authCode": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'invalid_input', fields: [{ path: 'body' }] });

    const empty = await backend.request<ApiErrorBody>('POST', '/auth/login', { rawBody: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields?.[0].path).toBe('body');

    const array = await backend.request<ApiErrorBody>('POST', '/auth/login', { body: [1, 2] });
    expect(array.status).toBe(400);

    const plainText = await backend.request<ApiErrorBody>('POST', '/auth/login', {
      rawBody: 'authCode=abcdefgh',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plainText.status).toBe(400);
    expect(plainText.body.error.fields?.[0].path).toBe('body');

    const xml = await backend.request<ApiErrorBody>('POST', '/auth/login', {
      rawBody: '<authCode>abcdefgh</authCode>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.status).toBe(415);
    expect(xml.body.error).toMatchObject({ code: 'invalid_input', fields: [{ path: 'body' }] });
  });

  it('serves /me for a bearer token and 401 unauthorized without one', async () => {
    const tokens = await backend.login('dave');
    const me = await backend.request<UserProfile>('GET', '/me', { token: tokens.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: tokens.userId, nickname: expect.any(String) });

    const anonymous = await backend.request<ApiErrorBody>('GET', '/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
    const forged = await backend.request<ApiErrorBody>('GET', '/me', { token: 'at_forged-token-value' });
    expect(forged.body.error.code).toBe('unauthorized');
  });

  it('rotates refresh tokens: the new pair works, the old refresh token does not', async () => {
    const tokens = await backend.login('erin');
    const refreshed = await backend.request<TokenPair>('POST', '/auth/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.userId).toBe(tokens.userId);
    expect(refreshed.body.accessToken).not.toBe(tokens.accessToken);
    expect((await backend.request('GET', '/me', { token: refreshed.body.accessToken })).status).toBe(200);

    const again = await backend.request<ApiErrorBody>('POST', '/auth/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_grant');
  });
});

describe('mock backend token expiry', () => {
  let backend: TestBackend;
  let now = Date.now();

  beforeAll(async () => {
    backend = await startTestBackend({
      seed: { jobs: 20 },
      accessTokenTtlSeconds: 1,
      refreshTokenTtlSeconds: 60,
      tokenClock: () => now,
    });
  });
  afterAll(() => backend.close());

  it('answers 401 token_expired after the access token lifetime, and refresh brings it back', async () => {
    const tokens = await backend.login('frank');
    expect((await backend.request('GET', '/me', { token: tokens.accessToken })).status).toBe(200);
    now += 1000;

    const expired = await backend.request<ApiErrorBody>('GET', '/me', { token: tokens.accessToken });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('token_expired');

    const refreshed = await backend.request<TokenPair>('POST', '/auth/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect((await backend.request('GET', '/me', { token: refreshed.body.accessToken })).status).toBe(200);
  });
});
