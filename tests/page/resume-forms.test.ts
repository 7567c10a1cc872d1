/**
 * Bad input on the resume forms, through the pages with the real mock backend: each bad value gets a
 * Chinese message naming the field next to that field (from the shared rules, or the server's 400 mapped
 * onto the field), nothing is sent or nothing is stored, and the device draft keeps what was typed.
 */
import { startMockServer } from '../support/mock-server';
import type { Runtime } from '../../runtime/harness/runtime';
import { api, launch, openForm, storedDraft, writes, type FakeFormItem } from './resume-support';

jest.mock('antd-mini/es/Form/form', () =>
  (jest.requireActual('./resume-support') as typeof import('./resume-support')).antdFormModule(),
);

let server: Awaited<ReturnType<typeof startMockServer>>;
let rt: Runtime;
let token: string;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 40, seed: 'resume-forms' } });
});
afterAll(() => server.stop());
afterEach(() => rt.dispose());

const BASIC = { name: '张三', gender: 'male', birthYear: 1995, cityCode: '330100', status: 'employed' };

async function signIn(): Promise<void> {
  ({ rt, token } = await launch(server));
}

async function storedResume(): Promise<Record<string, unknown>> {
  const { status, body } = await api(server, token, 'GET', '/resume');
  expect(status).toBe(200);
  // Completeness and time stamps are derived; what matters is that nothing the seeker owns changed.
  return body;
}

async function fill(fields: Record<string, FakeFormItem>, values: Record<string, unknown>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    if (!fields[name]) throw new Error(`no field ${name}`);
    await fields[name].change(value);
  }
  await rt.flush();
}

/** Taps 保存, and checks the refusal: the message by the field, nothing sent, nothing stored, draft intact. */
async function expectRefused(
  page: { tap(handler: string): unknown },
  fields: Record<string, FakeFormItem>,
  field: string,
  message: string,
  form: string,
  before: Record<string, unknown>,
): Promise<void> {
  const sent = writes(rt).length;
  page.tap('onSubmit');
  await rt.flush();
  expect(fields[field].error).toBe(message);
  expect(writes(rt).length).toBe(sent);
  expect(await storedResume()).toEqual(before);
  // The draft keeps what was typed; a cleared value is stored as null.
  expect(storedDraft(rt, form)?.values[field]).toEqual(fields[field].value ?? null);
  expect(rt.fake.navigation.filter((n) => n.api === 'navigateBack' || n.api === 'redirectTo')).toEqual([]);
}

describe('basic info', () => {
  it.each([
    ['phone', '1380013800', '请输入11位中国大陆手机号'],
    ['phone', '23800138000', '请输入11位中国大陆手机号'],
    ['email', 'zhang@@example', '邮箱格式不正确'],
    ['email', 'zhang san@example.com', '邮箱格式不正确'],
    ['name', '', '请填写姓名'],
    ['name', '张'.repeat(21), '姓名不能超过20个字'],
    ['name', '张三\n李四', '姓名不能换行'],
    ['cityCode', '', '请选择所在城市'],
    ['gender', undefined, '请选择性别'],
  ])('%s = %j → "%s" next to the field', async (field, value, message) => {
    await signIn();
    const before = await storedResume();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/basic/index');
    await fill(fields, { ...BASIC, [field]: value });
    await expectRefused(page, fields, field, message, 'resume.basic', before);
  });
});

/** 'YYYY-MM' of now plus `months`, China time (the rules compare in China time). */
function monthFromNow(months: number): string {
  const china = new Date(Date.now() + 8 * 3600_000);
  const index = china.getUTCFullYear() * 12 + china.getUTCMonth() + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const WORK = {
  company: '杭州小笼包餐饮有限公司',
  title: '店长',
  startMonth: '2019-03',
  endMonth: null,
  description: '',
};
const EDUCATION = {
  school: '浙江大学',
  degree: 'bachelor',
  major: '计算机',
  startMonth: '2014-09',
  endMonth: '2018-06',
};

describe('work experience', () => {
  it.each([
    ['startMonth', monthFromNow(1), '开始时间不能晚于当前月份'],
    ['endMonth', monthFromNow(2), '结束时间不能晚于当前月份'],
    ['endMonth', '2018-01', '结束时间不能早于开始时间'],
    ['startMonth', '1949-12', '开始时间不能早于1950年'],
    ['company', '   ', '请填写公司名称'],
    ['title', '经理'.repeat(16), '职位名称不能超过30个字'],
    ['description', '做'.repeat(1001), '工作内容不能超过1000个字'],
    ['description', '收银\u0007对账', '工作内容包含无法识别的字符'],
  ])('%s = %j → "%s"', async (field, value, message) => {
    await signIn();
    const before = await storedResume();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/work/index');
    await fill(fields, { ...WORK, [field]: value });
    await expectRefused(page, fields, field, message, 'resume.work.new', before);
  });
});

describe('education', () => {
  it.each([
    ['endMonth', monthFromNow(8 * 12 + 1), `毕业时间不能晚于${monthFromNow(8 * 12).replace('-', '年')}月`],
    ['endMonth', '2013-06', '毕业时间不能早于入学时间'],
    ['degree', undefined, '请选择学历'],
    ['school', '', '请填写学校名称'],
  ])('%s = %j → "%s"', async (field, value, message) => {
    await signIn();
    const before = await storedResume();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/education/index');
    await fill(fields, { ...EDUCATION, [field]: value });
    await expectRefused(page, fields, field, message, 'resume.education.new', before);
  });
});

describe('expectations, skills and self-introduction', () => {
  const EXPECTATIONS = {
    categories: ['餐饮服务'],
    cityCodes: ['330100'],
    salaryMin: 5000,
    salaryMax: 8000,
    jobTypes: ['full_time'],
  };

  it.each([
    ['salaryMax', 4000, '最高期望月薪不能低于最低期望月薪'],
    ['salaryMin', 'abc', '最低期望月薪应为整数'],
    ['salaryMin', 100, '最低期望月薪应在500元到500000元之间'],
    ['categories', [], '请选择期望职位类别'],
    ['jobTypes', [], '请选择工作类型'],
  ])('expectations: %s = %j → "%s"', async (field, value, message) => {
    await signIn();
    const before = await storedResume();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/expectations/index');
    await fill(fields, { ...EXPECTATIONS, [field]: value });
    await expectRefused(page, fields, field, message, 'resume.expectations', before);
  });

  it('saves 上海 as an expected city from Alipay’s code 310100, filed as 310000', async () => {
    await signIn();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/expectations/index');
    await fill(fields, { ...EXPECTATIONS, cityCodes: ['330100', '310100'] });
    page.tap('onSubmit');
    await rt.flush();
    expect(rt.fake.lastToast()).toMatchObject({ content: '已保存', type: 'success' });
    expect((await storedResume()).expectations).toMatchObject({
      cityCodes: ['330100', '310000'],
      cityNames: ['杭州市', '上海市'],
    });
  });

  it.each([
    [['收银', '收银'], '技能标签不能重复'],
    [['叉车证', 'Excel表格'.repeat(3)], '技能标签不能超过20个字'],
  ])('skills %j → "%s"', async (skills, message) => {
    await signIn();
    const before = await storedResume();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/skills/index');
    await fill(fields, { skills });
    await expectRefused(page, fields, 'skills', message, 'resume.skills', before);
  });

  it('self-introduction over 500 characters (emoji count as one) → "自我介绍不能超过500个字"', async () => {
    await signIn();
    const before = await storedResume();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/intro/index');
    await fill(fields, { selfIntro: '😀'.repeat(501) });
    await expectRefused(page, fields, 'selfIntro', '自我介绍不能超过500个字', 'resume.selfIntro', before);
  });

  it('keeps emoji, HTML and script as plain text, exactly as typed', async () => {
    await signIn();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/intro/index');
    const text = '<script>alert("hi")</script><b>认真负责</b> 😀👍 R&D \'; DROP TABLE resumes; --\n第二行';
    await fill(fields, { selfIntro: '😀'.repeat(500) });
    expect(fields.selfIntro.error).toBe('');
    await fill(fields, { selfIntro: text });
    page.tap('onSubmit');
    await rt.flush();
    expect(rt.fake.lastToast()).toMatchObject({ content: '已保存', type: 'success' });
    expect((await storedResume()).selfIntro).toBe(text);
    expect(storedDraft(rt, 'resume.selfIntro')).toBeNull();
  });
});

describe("the server's 400 goes next to the field", () => {
  it('a city code the rules accept but the server does not know', async () => {
    await signIn();
    const before = await storedResume();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/basic/index');
    await fill(fields, { ...BASIC, cityCode: '999999' });
    page.tap('onSubmit');
    await rt.flush();
    const sent = writes(rt);
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.status}`)).toEqual(['PUT /resume/basic 400']);
    expect(fields.cityCode.error).toBe('所在城市不存在，请重新选择');
    expect(await storedResume()).toEqual(before);
    expect(storedDraft(rt, 'resume.basic')?.values).toMatchObject({ name: '张三', cityCode: '999999' });
    expect(page.data).toMatchObject({ saving: false, status: 'ready' });
  });

  it('a tampered phone payload from getPhoneNumber is refused and shown by the phone', async () => {
    await signIn();
    const before = await storedResume();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/basic/index');
    await fill(fields, { name: '张三' });
    const payload = JSON.stringify({
      response: 'dGFtcGVyZWQ=',
      sign: 'Zm9yZ2Vk',
      sign_type: 'RSA2',
      encrypt_type: 'AES',
    });
    rt.fake.answerPhoneNumber({ response: payload });
    await page.call('onPhoneAuthorize');
    await rt.flush();
    expect(writes(rt).map((r) => new URL(r.url).pathname)).toEqual(['/resume/phone']);
    expect(fields.phone.error).toMatch(/手机号/);
    expect(await storedResume()).toEqual(before);
    expect(storedDraft(rt, 'resume.basic')?.values).toMatchObject({ name: '张三' });
  });
});

describe('trust', () => {
  it('an ID number with a wrong check digit is refused next to it, and nothing is sent', async () => {
    await signIn();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/real-name/index');
    await fill(fields, { name: '张三', idNumber: '110101199003071235' });
    page.tap('onSubmit');
    await rt.flush();
    expect(fields.idNumber.error).toBe('身份证号不正确，请核对后重新输入');
    expect(writes(rt)).toEqual([]);
    expect((await api(server, token, 'GET', '/trust')).body).toMatchObject({ realName: { state: 'none' } });
    // The ID number is never kept on the device.
    expect(rt.fake.storage.keys().filter((key) => key.startsWith('drafts.'))).toEqual([]);
  });
});
