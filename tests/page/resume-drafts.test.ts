/**
 * Saving the resume forms, their device drafts and the leave guard, through the pages with the real mock
 * backend: drafts survive the app being killed, a failed save keeps everything, saving updates the overview.
 */
import { startMockServer } from '../support/mock-server';
import type { Runtime } from '../../runtime/harness/runtime';
import type { ResumeOverviewView } from '../../view-models/resume-view';
import { api, launch, openForm, storageSnapshot, storedDraft, writes, type FakeFormItem } from './resume-support';

jest.mock('antd-mini/es/Form/form', () =>
  (jest.requireActual('./resume-support') as typeof import('./resume-support')).antdFormModule(),
);

let server: Awaited<ReturnType<typeof startMockServer>>;
let rt: Runtime;
let token: string;
let user: string;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 40, seed: 'resume-drafts' } });
});
afterAll(() => server.stop());
afterEach(() => rt.dispose());

interface FormData {
  status: string;
  restored: boolean;
  saving: boolean;
  submitError: string;
  phoneVerified?: boolean;
  cityNames?: Record<string, string>;
}

const BASIC_PAGE = 'subpackages/resume/pages/basic/index';
const WORK_PAGE = 'subpackages/resume/pages/work/index';
const OVERVIEW_PAGE = 'subpackages/resume/pages/index/index';

async function fill(fields: Record<string, FakeFormItem>, values: Record<string, unknown>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await fields[name].change(value);
  await rt.flush();
}

async function resume(): Promise<Record<string, unknown>> {
  return (await api(server, token, 'GET', '/resume')).body;
}

describe('device drafts', () => {
  it('keeps every change on the device and restores it after the app was killed, marked, with discard', async () => {
    ({ rt, token, user } = await launch(server));
    const first = await openForm<FormData>(rt, BASIC_PAGE);
    expect(first.page.data.restored).toBe(false);
    await fill(first.fields, { name: '王小明', email: 'wang@example.com' });
    expect(storedDraft(rt, 'resume.basic')?.values).toMatchObject({ name: '王小明', email: 'wang@example.com' });
    const storage = storageSnapshot(rt);
    rt.dispose();

    ({ rt } = await launch(server, { user, storage }));
    const { page, fields } = await openForm<FormData>(rt, BASIC_PAGE);
    expect(page.data.restored).toBe(true);
    expect(fields.name.value).toBe('王小明');
    expect(fields.email.value).toBe('wang@example.com');
    expect(rt.fake.alertBeforeUnload).toMatchObject({ enabled: true });

    page.call('onDiscardDraft');
    await rt.flush();
    expect(page.data.restored).toBe(false);
    expect(fields.name.value).toBe('');
    expect(storedDraft(rt, 'resume.basic')).toBeNull();
    expect(rt.fake.alertBeforeUnload.enabled).toBe(false);
  });

  it('the overview says 继续编辑 / 继续添加 where edits are kept unsaved, in this launch and the next', async () => {
    ({ rt, token, user } = await launch(server));
    const overview = rt.mountPage<{ unsaved: Record<string, boolean> }>(OVERVIEW_PAGE);
    await rt.flush();
    overview.show();
    expect(overview.data.unsaved).toMatchObject({ basic: false, newWork: false, selfIntro: false });

    const basic = await openForm<FormData>(rt, BASIC_PAGE);
    await fill(basic.fields, { name: '王小明' });
    basic.page.unload();
    const work = await openForm<FormData>(rt, WORK_PAGE);
    await fill(work.fields, { company: '杭州小笼包餐饮有限公司' });
    work.page.unload();
    overview.hide();
    overview.show();
    expect(overview.data.unsaved).toMatchObject({ basic: true, newWork: true, selfIntro: false });

    const storage = storageSnapshot(rt);
    rt.dispose();
    ({ rt } = await launch(server, { user, storage }));
    const again = rt.mountPage<{ unsaved: Record<string, boolean> }>(OVERVIEW_PAGE);
    await rt.flush();
    again.show();
    expect(again.data.unsaved).toMatchObject({ basic: true, newWork: true, expectations: false });

    // Typed back to what the server has: nothing unsaved any more.
    const back = await openForm<FormData>(rt, BASIC_PAGE);
    await fill(back.fields, { name: '' });
    back.page.unload();
    again.hide();
    again.show();
    expect(again.data.unsaved.basic).toBe(false);
  });

  it('asks before leaving while there are unsaved changes, and not once they are saved', async () => {
    ({ rt, token } = await launch(server));
    const { page, fields } = await openForm<FormData>(rt, WORK_PAGE);
    expect(rt.fake.alertBeforeUnload.enabled).toBe(false);
    await fill(fields, { company: '杭州小笼包餐饮有限公司' });
    expect(rt.fake.alertBeforeUnload).toEqual({ enabled: true, message: expect.stringContaining('还没有保存') });
    await fill(fields, { company: '' });
    expect(rt.fake.alertBeforeUnload.enabled).toBe(false);
    await fill(fields, { company: '杭州小笼包餐饮有限公司', title: '店长', startMonth: '2019-03' });
    expect(rt.fake.alertBeforeUnload.enabled).toBe(true);
    page.tap('onSubmit');
    await rt.flush();
    expect(rt.fake.lastToast()).toMatchObject({ content: '已保存', type: 'success' });
    expect(rt.fake.alertBeforeUnload.enabled).toBe(false);
    // Opened on its own (nothing below to go back to): the resume overview takes its place.
    expect(rt.fake.navigation.at(-1)).toMatchObject({
      api: 'redirectTo',
      url: '/subpackages/resume/pages/index/index',
    });
    expect(storedDraft(rt, 'resume.work.new')).toBeNull();
    expect((await resume()).workExperiences).toEqual([
      expect.objectContaining({
        company: '杭州小笼包餐饮有限公司',
        title: '店长',
        startMonth: '2019-03',
        endMonth: null,
      }),
    ]);
  });

  it('a failed save (offline) keeps the draft and everything typed, says why, and saving later works', async () => {
    ({ rt, token } = await launch(server));
    const { page, fields } = await openForm<FormData>(rt, 'subpackages/resume/pages/intro/index');
    await fill(fields, { selfIntro: '做事认真，能吃苦' });
    rt.fake.setOffline(true);
    page.tap('onSubmit');
    await rt.flush();
    expect(page.data.submitError).toMatch(/网络/);
    expect(page.data.saving).toBe(false);
    expect(fields.selfIntro.value).toBe('做事认真，能吃苦');
    expect(storedDraft(rt, 'resume.selfIntro')?.values).toEqual({ selfIntro: '做事认真，能吃苦' });
    expect(rt.fake.alertBeforeUnload.enabled).toBe(true);
    expect((await resume()).selfIntro).toBe('');

    rt.fake.setOffline(false);
    page.tap('onSubmit');
    await rt.flush();
    expect(page.data.submitError).toBe('');
    expect((await resume()).selfIntro).toBe('做事认真，能吃苦');
    expect(storedDraft(rt, 'resume.selfIntro')).toBeNull();
  });
});

describe('saving sections', () => {
  it('completeness and the next step on the overview follow each saved section', async () => {
    ({ rt, token } = await launch(server));
    const overview = rt.mountPage<{ overview: ResumeOverviewView }>('subpackages/resume/pages/index/index');
    await rt.flush();
    expect(overview.data.overview.score).toBe(0);
    expect(overview.data.overview.next).toMatchObject({ key: 'basic', label: '基本信息' });

    const { page, fields } = await openForm<FormData>(rt, BASIC_PAGE);
    page.call('onCityPick', { cityCode: '330100', cityName: '杭州市' });
    await fill(fields, { name: '李雷', gender: 'male', birthYear: 1998, cityCode: '330100', status: 'graduate' });
    expect(page.data.cityNames).toEqual({ '330100': '杭州市' });
    page.tap('onSubmit');
    await rt.flush();
    expect(rt.routes()).toEqual(['subpackages/resume/pages/index/index']);
    expect(overview.data.overview.score).toBe(25);
    expect(overview.data.overview.next).toMatchObject({ key: 'phone', hint: expect.stringContaining('手机号') });
    expect(overview.data.overview.basic).toMatchObject({ name: '李雷', metaText: '男 · 1998年生 · 杭州市 · 应届' });

    const intro = await openForm<FormData>(rt, 'subpackages/resume/pages/intro/index');
    await fill(intro.fields, { selfIntro: '应届毕业生，学习能力强' });
    intro.page.tap('onSubmit');
    await rt.flush();
    expect(overview.data.overview.score).toBe(35);
    // A graduate's education comes before work experience.
    expect(overview.data.overview.next).toMatchObject({ key: 'phone' });
  });

  it('takes the phone number from Alipay: verified, in full on this page, masked on the overview', async () => {
    ({ rt, token } = await launch(server));
    const overview = rt.mountPage<{ overview: ResumeOverviewView }>('subpackages/resume/pages/index/index');
    await rt.flush();
    const { page, fields } = await openForm<FormData>(rt, BASIC_PAGE);
    await fill(fields, { name: '韩梅梅' });
    rt.fake.answerPhoneNumber({ payloadUrl: `${server.url}/__admin/phone-payload`, mobile: '13912345678' });
    await page.call('onPhoneAuthorize');
    await rt.flush();
    expect(rt.fake.phoneNumberCalls).toBe(1);
    expect(fields.phone.value).toBe('13912345678');
    expect(page.data.phoneVerified).toBe(true);
    expect(rt.fake.lastToast()).toMatchObject({ type: 'success' });
    // The rest of the edit is kept, still unsaved.
    expect(fields.name.value).toBe('韩梅梅');
    expect(storedDraft(rt, 'resume.basic')?.values).toMatchObject({ name: '韩梅梅', phone: '13912345678' });
    expect(await resume()).toMatchObject({ phone: '13912345678', phoneVerified: true });
    expect(overview.data.overview.basic).toMatchObject({ phoneText: '139****5678', phoneVerified: true });
    expect(JSON.stringify(overview.data)).not.toContain('13912345678');
  });

  it('a refused phone authorization sends nothing and says so', async () => {
    ({ rt, token } = await launch(server));
    const { page } = await openForm<FormData>(rt, BASIC_PAGE);
    rt.fake.answerPhoneNumber({ error: 11, errorMessage: '用户取消授权' });
    await page.call('onPhoneAuthorize');
    await rt.flush();
    expect(writes(rt)).toEqual([]);
    expect(rt.fake.lastToast()?.content).toMatch(/手机号/);
  });

  it('adds, edits and deletes several education entries', async () => {
    ({ rt, token } = await launch(server));
    const add = async (school: string, startMonth: string) => {
      const { page, fields } = await openForm<FormData>(rt, 'subpackages/resume/pages/education/index');
      expect(page.data).toMatchObject({ canDelete: false });
      await fill(fields, { school, degree: 'bachelor', startMonth, endMonth: null });
      page.tap('onSubmit');
      await rt.flush();
      expect(rt.fake.lastToast()).toMatchObject({ content: '已保存' });
    };
    await add('浙江大学', '2014-09');
    await add('杭州第二中学', '2011-09');
    const saved = (await resume()).educations as Array<{ id: string; school: string }>;
    expect(saved.map((e) => e.school).sort()).toEqual(['杭州第二中学', '浙江大学']);
    const target = saved.find((e) => e.school === '杭州第二中学')!;

    const edit = await openForm<FormData & { canDelete: boolean }>(rt, 'subpackages/resume/pages/education/index', {
      id: target.id,
    });
    expect(edit.page.data.canDelete).toBe(true);
    expect(edit.fields.school.value).toBe('杭州第二中学');
    await fill(edit.fields, { degree: 'high_school', endMonth: '2014-06' });
    expect(storedDraft(rt, `resume.education.${target.id}`)?.values).toMatchObject({ degree: 'high_school' });
    edit.page.tap('onSubmit');
    await rt.flush();
    expect(
      ((await resume()).educations as Array<{ id: string; degree: string }>).find((e) => e.id === target.id),
    ).toMatchObject({ degree: 'high_school', endMonth: '2014-06' });

    const remove = await openForm<FormData>(rt, 'subpackages/resume/pages/education/index', { id: target.id });
    rt.fake.answerConfirm(true);
    await remove.page.call('onDelete');
    await rt.flush();
    expect(rt.fake.lastToast()).toMatchObject({ content: '已删除' });
    expect(((await resume()).educations as Array<{ school: string }>).map((e) => e.school)).toEqual(['浙江大学']);
  });

  it('an entry deleted elsewhere shows why instead of an empty form', async () => {
    ({ rt, token } = await launch(server));
    const { page } = await openForm<FormData & { errorMessage: string }>(rt, WORK_PAGE, { id: '987654' });
    expect(page.data).toMatchObject({ status: 'error', errorMessage: '这段工作经历已删除' });
  });
});
