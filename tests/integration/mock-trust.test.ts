import type { ApiErrorBody } from '../../services/contracts/errors';
import type { Resume } from '../../services/contracts/resume';
import { idNumberCheckCharacter, TRUST_REVIEW_MINUTES, type TrustStatus } from '../../services/contracts/trust';
import { startTestBackend, type TestBackend } from './mock-fixture';
import { BASIC } from './mock-resume-helpers';

/** A valid ID number for a birth date and serial: GB 11643 check character included. */
function idNumber(birth: string, serial = '123'): string {
  const first17 = `110105${birth}${serial}`;
  return first17 + idNumberCheckCharacter(first17);
}

describe('mock backend trust checks', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend.close());

  async function seeker(key: string, name = BASIC.name) {
    const { accessToken } = await backend.login(key);
    await backend.request('PUT', '/resume/basic', { token: accessToken, body: { ...BASIC, name } });
    return accessToken;
  }
  const trust = async (token: string) => (await backend.request<TrustStatus>('GET', '/trust', { token })).body;
  const tick = (minutes: number) => backend.request('POST', '/__admin/autopilot/tick', { body: { minutes } });

  it('starts with nothing verified', async () => {
    const { accessToken } = await backend.login('trust-new');
    expect(await trust(accessToken)).toEqual({
      realName: { state: 'none' },
      workId: { state: 'none' },
      student: { state: 'none' },
    });
  });

  it('real-name: none → pending → verified once the simulated review time passes; badge on the resume', async () => {
    const token = await seeker('trust-real');
    const submitted = await backend.request<TrustStatus>('POST', '/trust/real-name', {
      token,
      body: { name: '张三', idNumber: idNumber('19950307') },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.realName).toEqual({ state: 'pending' });
    const again = await backend.request<ApiErrorBody>('POST', '/trust/real-name', {
      token,
      body: { name: '张三', idNumber: idNumber('19950307') },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('审核中');

    await tick(TRUST_REVIEW_MINUTES - 1);
    expect((await trust(token)).realName.state).toBe('pending');
    await tick(2);
    const decided = await trust(token);
    expect(decided.realName).toEqual({ state: 'verified', verifiedAt: expect.any(String) });
    expect((await backend.request<Resume>('GET', '/resume', { token })).body.trust).toEqual({
      realName: true,
      workId: false,
      student: false,
    });
    const twice = await backend.request<ApiErrorBody>('POST', '/trust/real-name', {
      token,
      body: { name: '张三', idNumber: idNumber('19950307') },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('你已完成实名认证');
  });

  it('real-name fails with a reason when the name differs from the resume, and may be tried again', async () => {
    const token = await seeker('trust-mismatch', '李四');
    await backend.request('POST', '/trust/real-name', {
      token,
      body: { name: '李思', idNumber: idNumber('19900101') },
    });
    await backend.request('POST', '/__admin/trust/resolve', { body: {} });
    expect((await trust(token)).realName).toEqual({ state: 'failed', reason: '身份证姓名与简历中的姓名不一致' });

    await backend.request('POST', '/trust/real-name', {
      token,
      body: { name: '李四', idNumber: idNumber('19900101') },
    });
    expect((await trust(token)).realName.state).toBe('pending');
    await backend.request('POST', '/__admin/trust/resolve', { body: {} });
    expect((await trust(token)).realName.state).toBe('verified');
  });

  it('real-name fails without a resume name, for a minor, and for an ID another account verified', async () => {
    const { accessToken: noResume } = await backend.login('trust-no-resume');
    await backend.request('POST', '/trust/real-name', {
      token: noResume,
      body: { name: '王五', idNumber: idNumber('19920505') },
    });
    const year = new Date().getUTCFullYear();
    const minor = await seeker('trust-minor');
    await backend.request('POST', '/trust/real-name', {
      token: minor,
      body: { name: '张三', idNumber: idNumber(`${year - 10}0101`) },
    });
    const reuser = await seeker('trust-reuse');
    await backend.request('POST', '/trust/real-name', {
      token: reuser,
      body: { name: '张三', idNumber: idNumber('19950307') },
    });
    await backend.request('POST', '/__admin/trust/resolve', { body: {} });
    expect((await trust(noResume)).realName).toEqual({ state: 'failed', reason: '请先在简历中填写姓名，再重新认证' });
    expect((await trust(minor)).realName).toEqual({ state: 'failed', reason: '未满16周岁，暂不能完成实名认证' });
    expect((await trust(reuser)).realName).toEqual({ state: 'failed', reason: '该身份证已用于其他账号的实名认证' });
  });

  it('refuses an ID number with a wrong check digit, a bad date or a wrong length with 400 `idNumber`', async () => {
    const token = await seeker('trust-bad-id');
    const good = idNumber('19950307');
    const wrongCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    for (const bad of [wrongCheck, '110105199502301234', '11010519950307123', 12345, '']) {
      const response = await backend.request<ApiErrorBody>('POST', '/trust/real-name', {
        token,
        body: { name: '张三', idNumber: bad },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.fields?.map((f) => f.path)).toEqual(['idNumber']);
    }
    const noName = await backend.request<ApiErrorBody>('POST', '/trust/real-name', { token, body: { idNumber: good } });
    expect(noName.body.error.fields).toEqual([{ path: 'name', message: '请填写真实姓名' }]);
    expect((await trust(token)).realName.state).toBe('none');
  });

  it('work ID only after real-name is verified', async () => {
    const token = await seeker('trust-work');
    const early = await backend.request<ApiErrorBody>('POST', '/trust/work-id', { token });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('请先完成实名认证，再申请芝麻工作证');
    await backend.request('POST', '/trust/real-name', {
      token,
      body: { name: '张三', idNumber: idNumber('19880808', '456') },
    });
    const whilePending = await backend.request<ApiErrorBody>('POST', '/trust/work-id', { token });
    expect(whilePending.body.error.message).toContain('审核中');
    await backend.request('POST', '/__admin/trust/resolve', { body: {} });

    const submitted = await backend.request<TrustStatus>('POST', '/trust/work-id', { token });
    expect(submitted.body.workId).toEqual({ state: 'pending' });
    await tick(TRUST_REVIEW_MINUTES + 1);
    expect((await trust(token)).workId.state).toBe('verified');
  });

  it('student status: recent enrolment passes; an old one passes only with a current education there', async () => {
    const year = new Date().getUTCFullYear();
    const recent = await seeker('trust-student-recent');
    const response = await backend.request<TrustStatus>('POST', '/trust/student', {
      token: recent,
      body: { school: '浙江大学', enrollmentYear: year - 1 },
    });
    expect(response.body.student.state).toBe('pending');

    const old = await seeker('trust-student-old');
    await backend.request('POST', '/trust/student', {
      token: old,
      body: { school: '浙江大学', enrollmentYear: year - 8 },
    });

    const phd = await seeker('trust-student-phd');
    await backend.request('POST', '/resume/educations', {
      token: phd,
      body: { school: '浙江大学', degree: 'doctor', startMonth: `${year - 8}-09`, endMonth: null },
    });
    await backend.request('POST', '/trust/student', {
      token: phd,
      body: { school: '浙江大学', enrollmentYear: year - 8 },
    });

    await backend.request('POST', '/__admin/trust/resolve', { body: {} });
    expect((await trust(recent)).student.state).toBe('verified');
    expect((await trust(old)).student).toEqual({
      state: 'failed',
      reason: expect.stringContaining('未查询到在读学籍'),
    });
    expect((await trust(phd)).student.state).toBe('verified');

    const future = await backend.request<ApiErrorBody>('POST', '/trust/student', {
      token: old,
      body: { school: '浙江大学', enrollmentYear: year + 1 },
    });
    expect(future.body.error.fields).toEqual([{ path: 'enrollmentYear', message: '入学年份不能晚于今年' }]);
    const noSchool = await backend.request<ApiErrorBody>('POST', '/trust/student', {
      token: old,
      body: { enrollmentYear: '2020' },
    });
    expect(noSchool.body.error.fields?.map((f) => f.path)).toEqual(['school', 'enrollmentYear']);
  });

  it('one seeker never sees or resolves another’s checks; the admin resolve can target one seeker', async () => {
    const a = await seeker('trust-a');
    const b = await seeker('trust-b');
    await backend.request('POST', '/trust/real-name', {
      token: a,
      body: { name: '张三', idNumber: idNumber('19930303', '789') },
    });
    await backend.request('POST', '/trust/real-name', {
      token: b,
      body: { name: '张三', idNumber: idNumber('19940404', '789') },
    });
    const { userId: bId } = await backend.login('trust-b');
    const resolved = await backend.request<{ resolved: number }>('POST', '/__admin/trust/resolve', {
      body: { userId: bId },
    });
    expect(resolved.body.resolved).toBe(1);
    expect((await trust(a)).realName.state).toBe('pending');
    expect((await trust(b)).realName.state).toBe('verified');
  });
});
