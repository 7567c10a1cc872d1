import { resumeCompleteness, type Resume } from '../../services/contracts/resume';
import type { TrustStatus } from '../../services/contracts/trust';
import {
  birthYearOptions,
  toAttachmentRows,
  toResumeOverviewView,
  toTrustBadgeViews,
  wholeNumberValue,
} from '../../view-models/resume-view';

function resume(overrides: Partial<Resume> = {}): Resume {
  const base: Omit<Resume, 'completeness'> = {
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
    updatedAt: '2025-11-03T02:00:00.000Z',
    ...overrides,
  };
  return { ...base, completeness: resumeCompleteness(base) };
}

describe('toResumeOverviewView', () => {
  it('an empty resume: 0%, basic info next with its hint and page', () => {
    const view = toResumeOverviewView(resume());
    expect(view).toMatchObject({
      score: 0,
      scoreText: '完成度 0%',
      next: {
        key: 'basic',
        label: '基本信息',
        hint: '填写姓名、性别等基本信息，HR才能认识你',
        route: 'subpackages/resume/pages/basic/index',
      },
      basic: { filled: false, phoneText: '', phoneVerified: false },
      expectations: { filled: false, lines: [] },
    });
  });

  it('summarises every section, with the phone masked', () => {
    const view = toResumeOverviewView(
      resume({
        basic: {
          name: '张三',
          gender: 'female',
          birthYear: 1995,
          email: 'z@example.com',
          cityCode: '330100',
          cityName: '杭州市',
          status: 'employed',
        },
        phone: '13812345678',
        phoneVerified: true,
        expectations: {
          categories: ['餐饮服务', '零售'],
          cityCodes: ['330100', '310100'],
          cityNames: ['杭州市', '上海市'],
          salaryMin: 6000,
          salaryMax: 9000,
          jobTypes: ['full_time', 'part_time'],
        },
        workExperiences: [
          { id: '1', company: '某餐厅', title: '店长', startMonth: '2020-03', endMonth: null, description: '' },
        ],
        educations: [
          { id: '2', school: '浙江大学', degree: 'bachelor', major: '', startMonth: '2014-09', endMonth: '2018-06' },
        ],
        skills: ['收银'],
        selfIntro: '认真负责',
      }),
    );
    expect(view.score).toBe(100);
    expect(view.next).toBeNull();
    expect(view.basic).toEqual({
      filled: true,
      name: '张三',
      metaText: '女 · 1995年生 · 杭州市 · 在职',
      emailText: 'z@example.com',
      phoneText: '138****5678',
      phoneVerified: true,
    });
    expect(view.expectations.lines).toEqual(['餐饮服务、零售', '杭州市、上海市 · 全职/兼职', '期望月薪 6-9K']);
    expect(view.workExperiences).toEqual([
      { id: '1', title: '店长', subtitle: '某餐厅', periodText: '2020.03 - 至今' },
    ]);
    expect(view.educations).toEqual([
      { id: '2', title: '浙江大学', subtitle: '本科', periodText: '2014.09 - 2018.06' },
    ]);
  });

  it("a graduate's next step after the phone and expectations is education", () => {
    const view = toResumeOverviewView(
      resume({
        basic: {
          name: '李雷',
          gender: 'male',
          birthYear: 2003,
          email: null,
          cityCode: '330100',
          cityName: '杭州市',
          status: 'graduate',
        },
        phone: '13912345678',
        phoneVerified: true,
        expectations: {
          categories: ['餐饮服务'],
          cityCodes: ['330100'],
          cityNames: ['杭州市'],
          salaryMin: 5000,
          salaryMax: 6000,
          jobTypes: ['intern'],
        },
      }),
    );
    expect(view.next).toMatchObject({ key: 'educations', route: 'subpackages/resume/pages/education/index' });
  });
});

describe('toTrustBadgeViews', () => {
  it('states, reasons and actions from GET /trust', () => {
    const status: TrustStatus = {
      realName: { state: 'verified', verifiedAt: '2025-11-03T02:00:00.000Z' },
      workId: { state: 'pending' },
      student: { state: 'failed', reason: '未查询到在读学籍' },
    };
    expect(toTrustBadgeViews(status, null)).toEqual([
      {
        kind: 'realName',
        label: '实名认证',
        state: 'verified',
        stateText: '已认证',
        detail: '2025年11月3日认证',
        actionText: '',
      },
      {
        kind: 'workId',
        label: '芝麻工作证',
        state: 'pending',
        stateText: '审核中',
        detail: '资料已提交，审核通过后自动点亮',
        actionText: '',
      },
      {
        kind: 'student',
        label: '学生认证',
        state: 'failed',
        stateText: '认证失败',
        detail: '未查询到在读学籍',
        actionText: '重新认证',
      },
    ]);
  });

  it("falls back to the resume's badges before the states arrive", () => {
    const views = toTrustBadgeViews(null, { realName: true, workId: false, student: false });
    expect(views.map((v) => [v.state, v.actionText])).toEqual([
      ['verified', ''],
      ['none', '去认证'],
      ['none', '去认证'],
    ]);
  });
});

describe('toAttachmentRows', () => {
  it('uploads first (progress or reason), then uploaded files with size and date', () => {
    const rows = toAttachmentRows(
      [
        {
          id: '9',
          fileName: '张三-简历.pdf',
          sizeBytes: 1.5 * 1024 * 1024,
          mimeType: 'application/pdf',
          uploadedAt: '2025-11-03T02:00:00.000Z',
        },
      ],
      [
        { localId: 'u1', fileName: 'a.jpg', sizeBytes: 2048, progress: 45, state: 'uploading', errorMessage: '' },
        { localId: 'u2', fileName: 'b.gif', sizeBytes: 10, progress: 0, state: 'failed', errorMessage: '仅支持…' },
      ],
    );
    expect(rows.map((r) => [r.key, r.state, r.progressText || r.errorMessage || r.metaText])).toEqual([
      ['u1', 'uploading', '上传中 45%'],
      ['u2', 'failed', '仅支持…'],
      ['9', 'uploaded', '1.5MB · 2025年11月3日上传'],
    ]);
  });
});

describe('birthYearOptions', () => {
  it('offers ages 16 to 70, youngest first, labelled with 年', () => {
    const options = birthYearOptions(Date.UTC(2025, 5, 1));
    expect(options[0]).toEqual({ label: '2009年', value: 2009 });
    expect(options.at(-1)).toEqual({ label: '1955年', value: 1955 });
    expect(options).toHaveLength(55);
  });
});

describe('wholeNumberValue', () => {
  it.each([
    ['8000', 8000],
    [' 12000 ', 12000],
    ['', null],
    ['  ', null],
    ['8k', '8k'],
    ['8000.5', '8000.5'],
  ])('%j → %j', (text, value) => {
    expect(wholeNumberValue(text)).toBe(value);
  });
});
