/**
 * The resume overview (我的简历) with the real mock backend: loading states, the masked phone, trust checks
 * from start to decision, attachment uploads (checked before sending, progress, the server's refusals by
 * the item) and the privacy page.
 */
import { startMockServer } from '../support/mock-server';
import type { Runtime } from '../../runtime/harness/runtime';
import { idNumberCheckCharacter } from '../../services/contracts/trust';
import type { AttachmentRowView, ResumeOverviewView, TrustBadgeView } from '../../view-models/resume-view';
import { api, launch, mountFields, openForm } from './resume-support';

jest.mock('antd-mini/es/Form/form', () =>
  (jest.requireActual('./resume-support') as typeof import('./resume-support')).antdFormModule(),
);

let server: Awaited<ReturnType<typeof startMockServer>>;
let rt: Runtime;
let token: string;

beforeAll(async () => {
  server = await startMockServer({ seed: { jobs: 40, seed: 'resume-overview' } });
});
afterAll(() => server.stop());
afterEach(() => rt.dispose());

interface OverviewData {
  status: string;
  errorMessage: string;
  overview: ResumeOverviewView | null;
  trust: TrustBadgeView[];
  attachments: AttachmentRowView[];
  attachmentNote: string;
}

const OVERVIEW = 'subpackages/resume/pages/index/index';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 1, 2, 3, 4]);

async function seedBasic(name = '张三'): Promise<void> {
  const basic = { name, gender: 'female', birthYear: 1996, cityCode: '330100', status: 'unemployed' };
  expect((await api(server, token, 'PUT', '/resume/basic', basic)).status).toBe(200);
  const payload = await api<{ response: string }>(server, null, 'POST', '/__admin/phone-payload', {
    mobile: '13812345678',
  });
  expect((await api(server, token, 'POST', '/resume/phone', { response: payload.body.response })).status).toBe(200);
}

function openOverview() {
  const page = rt.mountPage<OverviewData>(OVERVIEW);
  return page;
}

let idSeq = 100;
/** A valid ID number (right check digit), different for each test so no two accounts share one. */
function idNumber(): string {
  const first17 = `33010619900101${++idSeq}`;
  return first17 + idNumberCheckCharacter(first17);
}

describe('overview', () => {
  it('shows the resume loaded at launch at once, then the fresh one; the phone only masked', async () => {
    ({ rt, token } = await launch(server));
    await seedBasic();
    const page = openOverview();
    // The app loaded the (then empty) resume at launch: it shows while the page reloads, no skeleton.
    expect(page.data.overview).toMatchObject({ score: 0 });
    expect(page.data.status).toBe('loading');
    await rt.flush();
    expect(page.data.status).toBe('ready');
    expect(page.data.overview).toMatchObject({
      score: 40,
      scoreText: '完成度 40%',
      next: { key: 'expectations', label: '求职期望', route: 'subpackages/resume/pages/expectations/index' },
      basic: { name: '张三', phoneText: '138****5678', phoneVerified: true },
    });
    expect(JSON.stringify(page.data)).not.toContain('13812345678');
    expect(page.data.trust.map((t) => `${t.label}:${t.stateText}`)).toEqual([
      '实名认证:未认证',
      '芝麻工作证:未认证',
      '学生认证:未认证',
    ]);
    // Only pictures can be picked on the phone, and no other way to upload exists: the note says so.
    expect(page.data.attachmentNote).toContain('JPG、PNG');
    expect(page.data.attachmentNote).not.toContain('电脑');
    page.tap('onEditTap', { dataset: { route: 'subpackages/resume/pages/work/index', id: '7' } });
    expect(rt.fake.navigation.at(-1)).toMatchObject({
      api: 'navigateTo',
      url: '/subpackages/resume/pages/work/index?id=7',
    });
  });

  it('keeps the resume shown when a reload fails, retries, and pull-to-refresh reloads', async () => {
    ({ rt, token } = await launch(server));
    rt.fake.setOffline(true);
    const page = openOverview();
    await rt.flush();
    // The resume loaded at launch stays on screen, with the reason the reload failed.
    expect(page.data.status).toBe('error');
    expect(page.data.overview).toMatchObject({ score: 0 });
    expect(page.data.errorMessage).toMatch(/网络/);
    rt.fake.setOffline(false);
    page.tap('onRetry');
    await rt.flush();
    expect(page.data.status).toBe('ready');
    page.pullDownRefresh();
    await rt.flush();
    expect(rt.fake.ui.at(-1)).toMatchObject({ api: 'stopPullDownRefresh' });
  });
});

describe('trust', () => {
  it('real-name: submitted, pending, then verified after onShow; the work ID follows', async () => {
    ({ rt, token } = await launch(server));
    await seedBasic('王芳');
    const overview = openOverview();
    await rt.flush();
    rt.mountOnNavigate = true;
    overview.tap('onTrustTap', { dataset: { kind: 'realName' } });
    expect(rt.fake.navigation.at(-1)).toMatchObject({ url: '/subpackages/resume/pages/real-name/index' });
    await rt.flush();
    const page = rt.currentPage()!;
    expect(page.route).toBe('subpackages/resume/pages/real-name/index');
    const fields = mountFields(page);
    expect(fields.name.value).toBe('王芳');
    await fields.idNumber.change(idNumber());
    page.tap('onSubmit');
    await rt.flush();
    expect(rt.routes()).toEqual([OVERVIEW]);
    expect(overview.data.trust[0]).toMatchObject({ state: 'pending', stateText: '审核中', actionText: '' });

    await api(server, null, 'POST', '/__admin/trust/resolve', {});
    overview.hide();
    overview.show();
    await rt.flush();
    expect(overview.data.trust[0]).toMatchObject({ state: 'verified', stateText: '已认证' });
    expect(overview.data.trust[0].detail).toMatch(/认证$/);

    rt.fake.answerConfirm(true);
    await overview.call('onTrustTap', { currentTarget: { dataset: { kind: 'workId' } } });
    await rt.flush();
    expect(overview.data.trust[1]).toMatchObject({ state: 'pending' });
  });

  it('a failed check shows its reason and offers to try again', async () => {
    ({ rt, token } = await launch(server));
    await seedBasic('李四');
    const overview = openOverview();
    await rt.flush();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/real-name/index');
    await fields.name.change('李思');
    await fields.idNumber.change(idNumber());
    page.tap('onSubmit');
    await rt.flush();
    await api(server, null, 'POST', '/__admin/trust/resolve', {});
    overview.pullDownRefresh();
    await rt.flush();
    expect(overview.data.trust[0]).toMatchObject({
      state: 'failed',
      stateText: '认证失败',
      detail: '身份证姓名与简历中的姓名不一致',
      actionText: '重新认证',
    });
  });

  it('student check with the shared rules: a missing year is refused by the field', async () => {
    ({ rt, token } = await launch(server));
    openOverview();
    await rt.flush();
    const { page, fields } = await openForm(rt, 'subpackages/resume/pages/student/index');
    await fields.school.change('浙江工业大学');
    page.tap('onSubmit');
    await rt.flush();
    expect(fields.enrollmentYear.error).toBe('请选择入学年份');
    expect(rt.fake.requests.filter((r) => r.url.endsWith('/trust/student'))).toEqual([]);
    await fields.enrollmentYear.change(new Date().getFullYear() - 1);
    page.tap('onSubmit');
    await rt.flush();
    expect((await api(server, token, 'GET', '/trust')).body).toMatchObject({ student: { state: 'pending' } });
  });
});

describe('attachment resume', () => {
  it('uploads a chosen image with progress, the bearer token and its name; then deletes it', async () => {
    ({ rt, token } = await launch(server));
    const page = openOverview();
    await rt.flush();
    const path = rt.fake.addFile({ bytes: JPEG, imageType: 'jpeg' });
    rt.fake.answerChooseImage([path]);
    page.clearSetDataCalls();
    await page.call('onUploadTap');
    await rt.flush();
    const [upload] = rt.fake.uploads;
    expect(upload).toMatchObject({ name: 'file', filePath: path, status: 201, progress: [50, 100] });
    expect(upload.headers.authorization).toBe(`Bearer ${token}`);
    expect(upload.formData.fileName).toMatch(/^简历图片-\d{8}-\d{4}\.jpeg$/);
    expect(JSON.stringify(page.setDataCalls.map((c) => c.payload))).toContain('上传中 50%');
    expect(page.data.attachments).toEqual([
      expect.objectContaining({
        state: 'uploaded',
        fileName: upload.formData.fileName,
        metaText: expect.stringContaining('上传'),
      }),
    ]);

    rt.fake.answerConfirm(true);
    await page.call('onDeleteAttachment', {
      currentTarget: { dataset: { id: page.data.attachments[0].id, name: 'x' } },
    });
    await rt.flush();
    expect(page.data.attachments).toEqual([]);
    expect((await api<{ items: unknown[] }>(server, token, 'GET', '/resume/attachments')).body.items).toEqual([]);
  });

  it.each([
    [
      'over 10MB',
      { bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0xff), imageType: 'jpeg' },
      '附件简历不能超过10MB',
    ],
    ['a GIF', { bytes: 'GIF89a....', imageType: 'gif' }, '仅支持PDF、Word（doc/docx）、JPG或PNG格式的附件简历'],
  ])('%s is refused by the item before anything is sent', async (_what, file, message) => {
    ({ rt, token } = await launch(server));
    const page = openOverview();
    await rt.flush();
    rt.fake.answerChooseImage([rt.fake.addFile(file)]);
    await page.call('onUploadTap');
    await rt.flush();
    expect(rt.fake.uploads).toEqual([]);
    expect(page.data.attachments).toEqual([expect.objectContaining({ state: 'failed', errorMessage: message })]);
    page.tap('onDismissUpload', { dataset: { key: page.data.attachments[0].key } });
    expect(page.data.attachments).toEqual([]);
  });

  it("the server's refusal (content that is not an image) is shown by the item", async () => {
    ({ rt, token } = await launch(server));
    const page = openOverview();
    await rt.flush();
    rt.fake.answerChooseImage([rt.fake.addFile({ path: 'temp://scan.jpg', bytes: 'MZ this is not a picture' })]);
    await page.call('onUploadTap');
    await rt.flush();
    expect(rt.fake.uploads[0].status).toBe(400);
    expect(page.data.attachments).toEqual([
      expect.objectContaining({ state: 'failed', errorMessage: '文件内容不是有效的JPG文件，请重新选择' }),
    ]);
  });

  it('a cancelled picker does nothing', async () => {
    ({ rt, token } = await launch(server));
    const page = openOverview();
    await rt.flush();
    await page.call('onUploadTap');
    await rt.flush();
    expect(page.data.attachments).toEqual([]);
    expect(rt.fake.lastToast()).toBeUndefined();
  });
});

describe('privacy', () => {
  it('hides the resume from a company the seeker saved a job of', async () => {
    ({ rt, token } = await launch(server));
    const jobs = await api<{ items: Array<{ id: string; company: { id: string; name: string } }> }>(
      server,
      null,
      'GET',
      '/jobs?limit=3',
    );
    const job = jobs.body.items[0];
    expect((await api(server, token, 'PUT', `/favorites/${job.id}`)).status).toBe(200);
    const page = rt.mountPage<{
      intro: string;
      companies: Array<{ id: string; name: string; hidden: boolean }>;
      dirty: boolean;
    }>('subpackages/resume/pages/privacy/index');
    await rt.flush();
    expect(page.data.companies).toEqual([{ id: job.company.id, name: job.company.name, hidden: false }]);
    page.tap('onCompanyTap', { dataset: { id: job.company.id } });
    expect(page.data).toMatchObject({ dirty: true, companies: [{ hidden: true }] });
    await page.call('onSave');
    await rt.flush();
    expect(rt.fake.lastToast()).toMatchObject({ content: '已保存' });
    expect((await api(server, token, 'GET', '/privacy')).body).toMatchObject({ hiddenCompanyIds: [job.company.id] });

    // The page says what the server does: no application to a hidden company.
    expect(page.data.intro).toContain('不能投递');
    expect(page.data.intro).not.toContain('即使你投递');
    const applied = await fetch(`${server.url}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'hidden-1' },
      body: JSON.stringify({ jobId: job.id }),
    });
    expect(applied.status).toBe(409);
    expect(((await applied.json()) as { error: { message: string } }).error.message).toContain('屏蔽');
  });
});
