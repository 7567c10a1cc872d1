import type { ApiErrorBody } from '../../services/contracts/errors';
import type {
  EducationInput,
  Resume,
  ResumeExpectationsInput,
  WorkExperienceInput,
} from '../../services/contracts/resume';
import { encryptPhonePayload } from '../../mock/phone/test-keys';
import { startTestBackend, type TestBackend } from './mock-fixture';
import { BASIC, fillApplyEssentials } from './mock-resume-helpers';

const WORK: WorkExperienceInput = {
  company: '杭州某某科技有限公司',
  title: '前端工程师',
  startMonth: '2019-07',
  endMonth: '2022-03',
  description: '负责小程序开发',
};
const EDUCATION: EducationInput = {
  school: '浙江大学',
  degree: 'bachelor',
  major: '计算机科学与技术',
  startMonth: '2015-09',
  endMonth: '2019-06',
};
const EXPECTATIONS: ResumeExpectationsInput = {
  categories: ['前端开发'],
  cityCodes: ['330100', '310000'],
  salaryMin: 12000,
  salaryMax: 18000,
  jobTypes: ['full_time'],
};
const LONG = 'x'.repeat(10000);

describe('mock backend resume', () => {
  let backend: TestBackend;
  let token: string;
  let workId: string;
  let educationId: string;

  beforeAll(async () => {
    backend = await startTestBackend();
    token = (await backend.login('resume-owner')).accessToken;
  });
  afterAll(() => backend.close());

  const getResume = async (as = token) => (await backend.request<Resume>('GET', '/resume', { token: as })).body;

  it('creates an empty resume on first read, with completeness pointing at basic info', async () => {
    const resume = await getResume();
    expect(resume).toMatchObject({
      basic: null,
      phone: null,
      phoneVerified: false,
      expectations: null,
      workExperiences: [],
      educations: [],
      skills: [],
      selfIntro: '',
      attachments: [],
      trust: { realName: false, workId: false, student: false },
      completeness: { score: 0, nextSection: 'basic' },
    });
    expect((await backend.request('GET', '/resume')).status).toBe(401);
  });

  it('fills every section, answering the whole resume each time, completeness rising to 100', async () => {
    let resume = await fillApplyEssentials(backend, token);
    expect(resume.basic).toEqual({ ...BASIC, cityName: '杭州市' });
    expect(resume.phone).toBe('13812345678');
    expect(resume.phoneVerified).toBe(true);
    expect(resume.completeness).toMatchObject({ score: 40, nextSection: 'expectations' });

    resume = (await backend.request<Resume>('PUT', '/resume/expectations', { token, body: EXPECTATIONS })).body;
    expect(resume.expectations).toEqual({ ...EXPECTATIONS, cityNames: ['杭州市', '上海市'] });

    const created = await backend.request<Resume>('POST', '/resume/work-experiences', { token, body: WORK });
    expect(created.status).toBe(201);
    workId = created.body.workExperiences[0].id;
    expect(created.body.workExperiences).toEqual([{ id: workId, ...WORK }]);
    const current = await backend.request<Resume>('POST', '/resume/work-experiences', {
      token,
      body: { company: '上海某某网络', title: '高级前端', startMonth: '2022-04' },
    });
    // The current job (至今) comes first.
    expect(current.body.workExperiences.map((w) => w.endMonth)).toEqual([null, '2022-03']);

    const education = await backend.request<Resume>('POST', '/resume/educations', { token, body: EDUCATION });
    expect(education.status).toBe(201);
    educationId = education.body.educations[0].id;

    await backend.request('PUT', '/resume/skills', { token, body: { skills: ['TypeScript', '小程序', 'MobX'] } });
    resume = (
      await backend.request<Resume>('PUT', '/resume/self-intro', { token, body: { selfIntro: '  热爱前端  ' } })
    ).body;
    expect(resume.skills).toEqual(['TypeScript', '小程序', 'MobX']);
    expect(resume.selfIntro).toBe('热爱前端');
    expect(resume.completeness).toEqual({ score: 100, nextSection: null, missing: [] });
  });

  it('updates and deletes entries by id', async () => {
    const updated = await backend.request<Resume>('PUT', `/resume/work-experiences/${workId}`, {
      token,
      body: { ...WORK, title: '资深前端工程师' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.workExperiences.find((w) => w.id === workId)?.title).toBe('资深前端工程师');

    const extra = await backend.request<Resume>('POST', '/resume/educations', {
      token,
      body: { school: '杭州二中', degree: 'high_school', startMonth: '2012-09', endMonth: '2015-06' },
    });
    const extraId = extra.body.educations.find((e) => e.school === '杭州二中')?.id;
    const deleted = await backend.request<Resume>('DELETE', `/resume/educations/${extraId}`, { token });
    expect(deleted.body.educations.map((e) => e.id)).toEqual([educationId]);
    expect((await backend.request('DELETE', `/resume/educations/${extraId}`, { token })).status).toBe(404);
    expect((await backend.request('PUT', '/resume/work-experiences/abc', { token, body: WORK })).status).toBe(404);
  });

  it('keeps HTML, script, quotes, SQL characters and emoji as literal text', async () => {
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const sql = 'Robert\'); DROP TABLE resumes;-- " OR 1=1';
    const emojiName = '张三😀👍';
    const intro = await backend.request<Resume>('PUT', '/resume/self-intro', {
      token,
      body: { selfIntro: `${script}\n第二行🌟💪` },
    });
    expect(intro.status).toBe(200);
    expect(intro.body.selfIntro).toBe(`${script}\n第二行🌟💪`);

    const work = await backend.request<Resume>('PUT', `/resume/work-experiences/${workId}`, {
      token,
      body: { ...WORK, company: sql },
    });
    expect(work.status).toBe(200);
    expect(work.body.workExperiences.find((w) => w.id === workId)?.company).toBe(sql);

    // 20 characters counting each emoji as one, as a person counts.
    const twentyWithEmoji = `${'一'.repeat(17)}😀👍🌟`;
    const basic = await backend.request<Resume>('PUT', '/resume/basic', {
      token,
      body: { ...BASIC, name: twentyWithEmoji },
    });
    expect(basic.status).toBe(200);
    expect(basic.body.basic?.name).toBe(twentyWithEmoji);
    const again = await backend.request<Resume>('PUT', '/resume/basic', { token, body: { ...BASIC, name: emojiName } });
    expect((await getResume()).basic?.name).toBe(emojiName);
    expect(again.body.phone).toBe('13812345678');

    const tables = backend.server.db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'resumes'")
      .get() as {
      n: number;
    };
    expect(tables.n).toBe(1);
    await backend.request('PUT', `/resume/work-experiences/${workId}`, { token, body: WORK });
    await backend.request('PUT', '/resume/basic', { token, body: BASIC });
  });

  it('a typed phone replaces the Alipay one and is no longer verified', async () => {
    const other = (await backend.login('typed-phone')).accessToken;
    await fillApplyEssentials(backend, other);
    const typed = await backend.request<Resume>('PUT', '/resume/basic', {
      token: other,
      body: { ...BASIC, phone: '13900001111' },
    });
    expect(typed.body).toMatchObject({ phone: '13900001111', phoneVerified: false });
    const kept = await backend.request<Resume>('PUT', '/resume/basic', { token: other, body: BASIC });
    expect(kept.body).toMatchObject({ phone: '13900001111', phoneVerified: false });
  });

  type BadCase = [label: string, method: string, path: () => string, body: unknown, field: string, status?: number];
  const basic = (override: Record<string, unknown>) => ({ ...BASIC, ...override });
  const work = (override: Record<string, unknown>) => ({ ...WORK, ...override });
  const education = (override: Record<string, unknown>) => ({ ...EDUCATION, ...override });
  const expectations = (override: Record<string, unknown>) => ({ ...EXPECTATIONS, ...override });
  // JSON leaves undefined members out: these bodies lack the field.
  const basicWithoutName = basic({ name: undefined });
  const workWithoutCompany = work({ company: undefined });
  const nextYear = new Date().getUTCFullYear() + 1;

  const badCases: BadCase[] = [
    ['phone with a wrong prefix', 'PUT', () => '/resume/basic', basic({ phone: '12345678901' }), 'phone'],
    ['phone with 10 digits', 'PUT', () => '/resume/basic', basic({ phone: '1381234567' }), 'phone'],
    ['phone with letters', 'PUT', () => '/resume/basic', basic({ phone: '1381234567a' }), 'phone'],
    ['email without @', 'PUT', () => '/resume/basic', basic({ email: 'zhangsan.example.com' }), 'email'],
    ['email without a domain dot', 'PUT', () => '/resume/basic', basic({ email: 'a@b' }), 'email'],
    ['missing name', 'PUT', () => '/resume/basic', basicWithoutName, 'name'],
    ['blank name', 'PUT', () => '/resume/basic', basic({ name: '   ' }), 'name'],
    ['10,000-character name', 'PUT', () => '/resume/basic', basic({ name: LONG }), 'name'],
    ['name as a number', 'PUT', () => '/resume/basic', basic({ name: 42 }), 'name'],
    ['name with a line break', 'PUT', () => '/resume/basic', basic({ name: '张\n三' }), 'name'],
    ['name with a NUL character', 'PUT', () => '/resume/basic', basic({ name: '张\u0000三' }), 'name'],
    ['birth year as a string', 'PUT', () => '/resume/basic', basic({ birthYear: '1995' }), 'birthYear'],
    ['birth year of a child', 'PUT', () => '/resume/basic', basic({ birthYear: nextYear - 5 }), 'birthYear'],
    ['unknown gender', 'PUT', () => '/resume/basic', basic({ gender: 'unknown' }), 'gender'],
    ['unknown work status', 'PUT', () => '/resume/basic', basic({ status: 'retired' }), 'status'],
    ['city that does not exist', 'PUT', () => '/resume/basic', basic({ cityCode: '999999' }), 'cityCode'],
    ['body that is a list', 'PUT', () => '/resume/basic', [BASIC], 'body'],
    [
      'start month in the future',
      'POST',
      () => '/resume/work-experiences',
      work({ startMonth: `${nextYear}-01`, endMonth: null }),
      'startMonth',
    ],
    [
      'end month before start',
      'POST',
      () => '/resume/work-experiences',
      work({ startMonth: '2020-05', endMonth: '2020-04' }),
      'endMonth',
    ],
    [
      'end month in the future',
      'PUT',
      () => `/resume/work-experiences/${workId}`,
      work({ endMonth: `${nextYear + 1}-06` }),
      'endMonth',
    ],
    ['month 13', 'POST', () => '/resume/work-experiences', work({ startMonth: '2020-13' }), 'startMonth'],
    ['month with a slash', 'POST', () => '/resume/work-experiences', work({ startMonth: '2020/01' }), 'startMonth'],
    ['month before 1950', 'POST', () => '/resume/work-experiences', work({ startMonth: '1949-12' }), 'startMonth'],
    ['51-character company', 'POST', () => '/resume/work-experiences', work({ company: '公'.repeat(51) }), 'company'],
    ['missing company', 'POST', () => '/resume/work-experiences', workWithoutCompany, 'company'],
    [
      '10,000-character description',
      'PUT',
      () => `/resume/work-experiences/${workId}`,
      work({ description: LONG }),
      'description',
    ],
    ['title as an object', 'POST', () => '/resume/work-experiences', work({ title: { zh: '工程师' } }), 'title'],
    ['unknown degree', 'POST', () => '/resume/educations', education({ degree: 'phd' }), 'degree'],
    [
      'graduation before enrolment',
      'PUT',
      () => `/resume/educations/${educationId}`,
      education({ endMonth: '2014-06' }),
      'endMonth',
    ],
    [
      'graduation nine years ahead',
      'POST',
      () => '/resume/educations',
      education({ startMonth: '2020-09', endMonth: `${nextYear + 9}-06` }),
      'endMonth',
    ],
    [
      'max salary below min',
      'PUT',
      () => '/resume/expectations',
      expectations({ salaryMin: 9000, salaryMax: 8000 }),
      'salaryMax',
    ],
    ['salary with decimals', 'PUT', () => '/resume/expectations', expectations({ salaryMin: 8000.5 }), 'salaryMin'],
    ['city codes as a string', 'PUT', () => '/resume/expectations', expectations({ cityCodes: '330100' }), 'cityCodes'],
    [
      'unknown job type',
      'PUT',
      () => '/resume/expectations',
      expectations({ jobTypes: ['full_time', 'astronaut'] }),
      'jobTypes',
    ],
    [
      'six categories',
      'PUT',
      () => '/resume/expectations',
      expectations({ categories: ['a', 'b', 'c', 'd', 'e', 'f'] }),
      'categories',
    ],
    [
      'expected city that does not exist',
      'PUT',
      () => '/resume/expectations',
      expectations({ cityCodes: ['330100', '000001'] }),
      'cityCodes.1',
    ],
    [
      '21 skills',
      'PUT',
      () => '/resume/skills',
      { skills: Array.from({ length: 21 }, (_, i) => `技能${i}`) },
      'skills',
    ],
    ['a 21-character skill', 'PUT', () => '/resume/skills', { skills: ['技'.repeat(21)] }, 'skills'],
    ['duplicate skills', 'PUT', () => '/resume/skills', { skills: ['Java', 'java'] }, 'skills'],
    ['skills as a string', 'PUT', () => '/resume/skills', { skills: 'Java,Go' }, 'skills'],
    [
      '501-character self-introduction',
      'PUT',
      () => '/resume/self-intro',
      { selfIntro: '我'.repeat(501) },
      'selfIntro',
    ],
    ['10,000-character self-introduction', 'PUT', () => '/resume/self-intro', { selfIntro: LONG }, 'selfIntro'],
    ['self-introduction as a number', 'PUT', () => '/resume/self-intro', { selfIntro: 5 }, 'selfIntro'],
    ['missing phone payload', 'POST', () => '/resume/phone', {}, 'response'],
    ['phone payload that is not JSON', 'POST', () => '/resume/phone', { response: 'not json' }, 'response'],
    [
      'tampered phone payload',
      'POST',
      () => '/resume/phone',
      { response: tamper(encryptPhonePayload('13900002222')) },
      'response',
    ],
  ];

  it.each(badCases)('refuses %s with 400 naming the field, leaving the resume as it was', async (...testCase) => {
    const [, method, path, body, field, status = 400] = testCase;
    const before = await getResume();
    const response = await backend.request<ApiErrorBody>(method, path(), { token, body });
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe('invalid_input');
    const fields = response.body.error.fields ?? [];
    expect(fields.map((f) => f.path)).toContain(field);
    // Each message is Chinese and names the problem.
    expect(fields.every((f) => /[\u4e00-\u9fa5]/.test(f.message))).toBe(true);
    expect(await getResume()).toEqual(before);
  });

  it('names every bad field of one request at once, in Chinese', async () => {
    const response = await backend.request<ApiErrorBody>('PUT', '/resume/basic', {
      token,
      body: { name: '', gender: 'x', birthYear: 1800, phone: '123', email: 'bad', cityCode: '1', status: 'x' },
    });
    expect(response.body.error.fields).toEqual([
      { path: 'name', message: '请填写姓名' },
      { path: 'gender', message: '请选择性别' },
      { path: 'birthYear', message: expect.stringMatching(/^出生年份应在\d{4}到\d{4}之间$/) },
      { path: 'phone', message: '请输入11位中国大陆手机号' },
      { path: 'email', message: '邮箱格式不正确' },
      { path: 'cityCode', message: '请选择所在城市' },
      { path: 'status', message: '请选择求职状态' },
    ]);
    const dates = await backend.request<ApiErrorBody>('POST', '/resume/work-experiences', {
      token,
      body: { ...WORK, startMonth: '2021-05', endMonth: '2021-01', company: '公'.repeat(51) },
    });
    expect(dates.body.error.fields).toEqual([
      { path: 'company', message: '公司名称不能超过50个字' },
      { path: 'endMonth', message: '结束时间不能早于开始时间' },
    ]);
  });

  describe('authorization across two users', () => {
    it('never lets one seeker read or change another seeker’s resume', async () => {
      const owner = await getResume();
      const intruder = (await backend.login('resume-intruder')).accessToken;
      const theirs = await getResume(intruder);
      expect(theirs.basic).toBeNull();
      expect(theirs.workExperiences).toEqual([]);

      const attempts = [
        await backend.request('PUT', `/resume/work-experiences/${workId}`, { token: intruder, body: WORK }),
        await backend.request('DELETE', `/resume/work-experiences/${workId}`, { token: intruder }),
        await backend.request('PUT', `/resume/educations/${educationId}`, { token: intruder, body: EDUCATION }),
        await backend.request('DELETE', `/resume/educations/${educationId}`, { token: intruder }),
      ];
      expect(attempts.map((a) => a.status)).toEqual([404, 404, 404, 404]);
      expect(await getResume()).toEqual(owner);
    });

    it('asks for a login on every resume route', async () => {
      const routes: [string, string][] = [
        ['GET', '/resume'],
        ['PUT', '/resume/basic'],
        ['POST', '/resume/work-experiences'],
        ['DELETE', `/resume/work-experiences/${workId}`],
        ['PUT', '/resume/skills'],
        ['POST', '/resume/phone'],
        ['GET', '/resume/attachments'],
        ['GET', '/privacy'],
        ['GET', '/trust'],
      ];
      for (const [method, path] of routes) {
        expect((await backend.request(method, path, { body: method === 'GET' ? undefined : {} })).status).toBe(401);
      }
    });
  });

  describe('privacy settings', () => {
    it('stores hidden companies by id with their names, and refuses unknown ones', async () => {
      const companies = backend.server.db.prepare('SELECT id, name FROM companies ORDER BY id LIMIT 2').all() as {
        id: number;
        name: string;
      }[];
      const ids = companies.map((c) => String(c.id));
      const put = await backend.request('PUT', '/privacy', { token, body: { hiddenCompanyIds: ids } });
      expect(put.body).toEqual({
        hiddenCompanyIds: ids,
        hiddenCompanies: companies.map((c) => ({ id: String(c.id), name: c.name })),
      });
      const unknown = await backend.request<ApiErrorBody>('PUT', '/privacy', {
        token,
        body: { hiddenCompanyIds: [ids[0], '99999999'] },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields?.[0].path).toBe('hiddenCompanyIds.1');
      const wrongType = await backend.request<ApiErrorBody>('PUT', '/privacy', {
        token,
        body: { hiddenCompanyIds: 5 },
      });
      expect(wrongType.status).toBe(400);
      expect((await backend.request('GET', '/privacy', { token })).body).toEqual(put.body);
      const other = (await backend.login('privacy-other')).accessToken;
      expect((await backend.request('GET', '/privacy', { token: other })).body).toEqual({
        hiddenCompanyIds: [],
        hiddenCompanies: [],
      });
      await backend.request('PUT', '/privacy', { token, body: { hiddenCompanyIds: [] } });
    });
  });
});

/** Flips one character of the ciphertext inside a getPhoneNumber payload, keeping the signature. */
function tamper(payload: string): string {
  const parsed = JSON.parse(payload) as { response: string };
  const last = parsed.response.charAt(5);
  parsed.response = parsed.response.slice(0, 5) + (last === 'A' ? 'B' : 'A') + parsed.response.slice(6);
  return JSON.stringify(parsed);
}
