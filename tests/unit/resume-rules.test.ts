import Schema from 'async-validator';
import { addMonths, chinaMonthOf } from '../../services/contracts/months';
import { applyBlockedMessage, resumeCompleteness, type CompletenessInput } from '../../services/contracts/resume';
import { checkAttachmentFile } from '../../services/contracts/resume-attachments';
import {
  createEducationRules,
  createResumeBasicRules,
  createWorkExperienceRules,
  resumeExpectationsRules,
  resumeSelfIntroRules,
  resumeSkillsRules,
} from '../../services/contracts/resume-rules';
import { formRules, type FormRule } from '../../subpackages/resume/form/form-rules';
import { maskEmail } from '../../mock/resume/mask-email';
import { maskPhone } from '../../services/contracts/masking';
import { missingForApply } from '../../mock/applications/apply-requirements';
import { createRealNameRules } from '../../services/contracts/trust-rules';
import { idNumberCheckCharacter, isValidIdNumber, maskIdNumber } from '../../services/contracts/trust';
import { validate } from '../../services/contracts/validation';
import { visibleLength } from '../../services/contracts/text';

/** 2025-06-15 12:00 China time. */
const NOW = Date.UTC(2025, 5, 15, 4);
const clock = () => NOW;
const basicRules = createResumeBasicRules(clock);
const workRules = createWorkExperienceRules(clock);
const educationRules = createEducationRules(clock);

const BASIC = { name: '张三', gender: 'female', birthYear: 1998, cityCode: '330100', status: 'graduate' };
const WORK = { company: '某某科技', title: '运营', startMonth: '2023-01', endMonth: '2024-12' };

const paths = async (rules: Parameters<typeof validate>[0], value: unknown) =>
  (await validate(rules, value)).map((error) => error.path);

describe('shared resume rules', () => {
  it('accept a valid basic section, with optional phone and email left out', async () => {
    expect(await validate(basicRules, BASIC)).toEqual([]);
    expect(await validate(basicRules, { ...BASIC, phone: '19912345678', email: 'a.b+c@mail.example.cn' })).toEqual([]);
  });

  it.each([
    ['13812345678', true],
    ['19912345678', true],
    ['12812345678', false],
    ['1381234567', false],
    ['138123456789', false],
    ['+8613812345678', false],
    ['1381234567８', false],
  ])('mainland mobile %s → %s', async (phone, ok) => {
    const errors = await validate(basicRules, { ...BASIC, phone });
    expect(errors).toEqual(ok ? [] : [{ path: 'phone', message: '请输入11位中国大陆手机号' }]);
  });

  it.each(['plain', 'a@b', 'a b@c.com', '@example.com', 'a@.com', `${'a'.repeat(45)}@x.com`])(
    'refuses email %s',
    async (email) => {
      expect(await paths(basicRules, { ...BASIC, email })).toEqual(['email']);
    },
  );

  it('names required fields and wrong types with one message each', async () => {
    expect(await validate(basicRules, {})).toEqual([
      { path: 'name', message: '请填写姓名' },
      { path: 'gender', message: '请选择性别' },
      { path: 'birthYear', message: '请选择出生年份' },
      { path: 'cityCode', message: '请选择所在城市' },
      { path: 'status', message: '请选择求职状态' },
    ]);
    expect(await validate(basicRules, { ...BASIC, name: ['张三'], birthYear: 1998.5 })).toEqual([
      { path: 'name', message: '姓名格式不正确' },
      { path: 'birthYear', message: '出生年份应为整数' },
    ]);
  });

  it('limits lengths counting an emoji as one character', async () => {
    expect(visibleLength('张三😀')).toBe(3);
    expect(visibleLength('👨‍👩‍👧🇨🇳')).toBe(2);
    expect(await validate(basicRules, { ...BASIC, name: `${'一'.repeat(19)}😀` })).toEqual([]);
    expect(await validate(basicRules, { ...BASIC, name: '一'.repeat(21) })).toEqual([
      { path: 'name', message: '姓名不能超过20个字' },
    ]);
    expect(await validate(workRules, { ...WORK, company: '公'.repeat(51) })).toEqual([
      { path: 'company', message: '公司名称不能超过50个字' },
    ]);
    expect(await paths(workRules, { ...WORK, description: 'x'.repeat(1001) })).toEqual(['description']);
    expect(await validate(workRules, { ...WORK, description: 'x'.repeat(1000) })).toEqual([]);
    expect(await validate(resumeSelfIntroRules, { selfIntro: '我'.repeat(501) })).toEqual([
      { path: 'selfIntro', message: '自我介绍不能超过500个字' },
    ]);
  });

  it('keeps HTML, script and SQL text valid (stored as literal text), refuses control characters', async () => {
    expect(await validate(resumeSelfIntroRules, { selfIntro: '<script>alert(1)</script>\n多行' })).toEqual([]);
    expect(await validate(workRules, { ...WORK, company: "O'Reilly; DROP TABLE x;--" })).toEqual([]);
    expect(await validate(workRules, { ...WORK, company: 'A\u0007B' })).toEqual([
      { path: 'company', message: '公司名称包含无法识别的字符' },
    ]);
    expect(await validate(workRules, { ...WORK, title: '运营\n主管' })).toEqual([
      { path: 'title', message: '职位名称不能换行' },
    ]);
  });

  it('checks months: format, not in the future (China time), in order; null end month means 至今', async () => {
    expect(chinaMonthOf(Date.UTC(2025, 5, 30, 16, 30))).toBe('2025-07');
    expect(await validate(workRules, { ...WORK, endMonth: null })).toEqual([]);
    expect(await validate(workRules, { ...WORK, startMonth: '2025-06', endMonth: '2025-06' })).toEqual([]);
    expect(await validate(workRules, { ...WORK, startMonth: '2025-07', endMonth: null })).toEqual([
      { path: 'startMonth', message: '开始时间不能晚于当前月份' },
    ]);
    expect(await validate(workRules, { ...WORK, endMonth: '2025-07' })).toEqual([
      { path: 'endMonth', message: '结束时间不能晚于当前月份' },
    ]);
    expect(await validate(workRules, { ...WORK, startMonth: '2024-05', endMonth: '2024-04' })).toEqual([
      { path: 'endMonth', message: '结束时间不能早于开始时间' },
    ]);
    for (const bad of ['2024-00', '2024-13', '24-01', '2024-1', '2024/01', 202401]) {
      expect(await paths(workRules, { ...WORK, startMonth: bad })).toEqual(['startMonth']);
    }
    expect(await validate(workRules, { ...WORK, startMonth: undefined })).toEqual([
      { path: 'startMonth', message: '请选择开始时间' },
    ]);
  });

  it('lets an expected graduation lie ahead, up to eight years', async () => {
    const education = { school: '浙江大学', degree: 'master', startMonth: '2024-09', endMonth: '2027-06' };
    expect(await validate(educationRules, education)).toEqual([]);
    expect(await validate(educationRules, { ...education, endMonth: addMonths('2025-06', 97) })).toEqual([
      { path: 'endMonth', message: '毕业时间不能晚于2033年06月' },
    ]);
    expect(await validate(educationRules, { ...education, endMonth: '2024-06' })).toEqual([
      { path: 'endMonth', message: '毕业时间不能早于入学时间' },
    ]);
    expect(await paths(educationRules, { ...education, degree: 'phd' })).toEqual(['degree']);
  });

  it('compares with the device clock when no clock is given', async () => {
    const nextMonth = addMonths(chinaMonthOf(Date.now()), 1);
    const defaults = createWorkExperienceRules();
    expect(await paths(defaults, { ...WORK, startMonth: nextMonth, endMonth: null })).toEqual(['startMonth']);
  });

  it('checks expectations: lists, salary range in order, known job types', async () => {
    const expectations = {
      categories: ['餐饮服务'],
      cityCodes: ['330100'],
      salaryMin: 4000,
      salaryMax: 6000,
      jobTypes: ['full_time', 'part_time'],
    };
    expect(await validate(resumeExpectationsRules, expectations)).toEqual([]);
    expect(await validate(resumeExpectationsRules, { ...expectations, salaryMax: 3000 })).toEqual([
      { path: 'salaryMax', message: '最高期望月薪不能低于最低期望月薪' },
    ]);
    expect(await validate(resumeExpectationsRules, { ...expectations, salaryMin: 100 })).toEqual([
      { path: 'salaryMin', message: '最低期望月薪应在500元到500000元之间' },
    ]);
    expect(await validate(resumeExpectationsRules, { ...expectations, categories: [] })).toEqual([
      { path: 'categories', message: '请选择期望职位类别' },
    ]);
    expect(await validate(resumeExpectationsRules, { ...expectations, cityCodes: ['330100', '330100'] })).toEqual([
      { path: 'cityCodes', message: '期望城市不能重复' },
    ]);
    expect(await paths(resumeExpectationsRules, { ...expectations, jobTypes: ['gig'] })).toEqual(['jobTypes']);
  });

  it('checks skills: at most 20 of at most 20 characters, no blanks or repeats; [] clears', async () => {
    expect(await validate(resumeSkillsRules, { skills: [] })).toEqual([]);
    expect(await validate(resumeSkillsRules, { skills: ['Excel', 'excel'] })).toEqual([
      { path: 'skills', message: '技能标签不能重复' },
    ]);
    expect(await validate(resumeSkillsRules, { skills: ['  '] })).toEqual([
      { path: 'skills', message: '请填写技能标签' },
    ]);
    expect(await validate(resumeSkillsRules, { skills: Array.from({ length: 21 }, (_, i) => `s${i}`) })).toEqual([
      { path: 'skills', message: '技能标签最多20个' },
    ]);
  });

  it('validates ID numbers by the GB 11643 check character and a real birth date', () => {
    const first17 = '11010519491231002';
    expect(idNumberCheckCharacter(first17)).toBe('X');
    expect(isValidIdNumber(`${first17}X`)).toBe(true);
    expect(isValidIdNumber(`${first17}x`)).toBe(true);
    expect(isValidIdNumber(`${first17}1`)).toBe(false);
    expect(isValidIdNumber('110105194902300021')).toBe(false);
    expect(isValidIdNumber('010105194912310021')).toBe(false);
    expect(isValidIdNumber(`${first17}X`, Date.UTC(1940, 0, 1))).toBe(false);
    expect(maskIdNumber(`${first17}X`)).toBe('1101**********002X');
  });

  it('real-name rules name both fields', async () => {
    expect(await validate(createRealNameRules(clock), { name: '', idNumber: '123' })).toEqual([
      { path: 'name', message: '请填写真实姓名' },
      { path: 'idNumber', message: '身份证号不正确，请核对后重新输入' },
    ]);
  });
});

describe('resumeCompleteness', () => {
  const empty: CompletenessInput = {
    basic: null,
    phone: null,
    phoneVerified: false,
    expectations: null,
    workExperiences: [],
    educations: [],
    skills: [],
    selfIntro: '',
  };
  const basic = { ...BASIC, email: null, cityName: '杭州市', status: 'employed' as const, gender: 'male' as const };

  it('scores 0 with basic info next for an empty resume, 100 with nothing next when full', () => {
    expect(resumeCompleteness(empty)).toEqual({
      score: 0,
      nextSection: 'basic',
      missing: ['basic', 'phone', 'expectations', 'workExperiences', 'educations', 'skills', 'selfIntro'],
    });
    const full: CompletenessInput = {
      basic,
      phone: '13812345678',
      phoneVerified: true,
      expectations: {
        categories: ['a'],
        cityCodes: ['330100'],
        cityNames: ['杭州市'],
        salaryMin: 1,
        salaryMax: 2,
        jobTypes: [],
      },
      workExperiences: [{ id: '1', company: 'c', title: 't', startMonth: '2020-01', endMonth: null, description: '' }],
      educations: [{ id: '1', school: 's', degree: 'bachelor', major: '', startMonth: '2016-09', endMonth: '2020-06' }],
      skills: ['x'],
      selfIntro: 'hi',
    };
    expect(resumeCompleteness(full)).toEqual({ score: 100, nextSection: null, missing: [] });
  });

  it('points at the phone after basic info, and puts education before work for a fresh graduate', () => {
    expect(resumeCompleteness({ ...empty, basic })).toMatchObject({ score: 25, nextSection: 'phone' });
    // A typed, unverified number still leaves the phone to do.
    expect(resumeCompleteness({ ...empty, basic, phone: '13812345678' })).toMatchObject({ nextSection: 'phone' });
    const graduate = resumeCompleteness({
      ...empty,
      basic: { ...basic, status: 'graduate' },
      phone: '1',
      phoneVerified: true,
      expectations: null,
    });
    expect(graduate.missing).toEqual(['expectations', 'educations', 'workExperiences', 'skills', 'selfIntro']);
    expect(resumeCompleteness({ ...empty, selfIntro: '   ' }).missing).toContain('selfIntro');
    expect(resumeCompleteness({ ...empty, skills: ['a'], selfIntro: 'x' }).score).toBe(20);
  });

  it('tells what an application still needs', () => {
    expect(missingForApply({ basic: null, phone: null, phoneVerified: false })).toEqual(['basic', 'phone']);
    expect(missingForApply({ basic: {}, phone: '13812345678', phoneVerified: true })).toEqual([]);
    // A typed number the employer cannot rely on does not count.
    expect(missingForApply({ basic: {}, phone: '13812345678', phoneVerified: false })).toEqual(['phone']);
    expect(applyBlockedMessage(['basic', 'phone'])).toBe('投递前请先完善简历：基本信息、用支付宝验证手机号');
  });
});

describe('masking and attachment checks', () => {
  it('masks phones and emails for everyone but the owner', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('****2345');
    expect(maskPhone('12')).toBe('****');
    expect(maskEmail('zhangsan@example.com')).toBe('z***@example.com');
    expect(maskEmail('nobody')).toBe('***');
  });

  it('checks an attachment before upload by extension and size', () => {
    expect(checkAttachmentFile({ fileName: '简历.PDF', sizeBytes: 1000 })).toBeUndefined();
    expect(checkAttachmentFile({ fileName: 'a.exe', sizeBytes: 1000 })).toContain('仅支持');
    expect(checkAttachmentFile({ fileName: 'a.png', sizeBytes: 10 * 1024 * 1024 + 1 })).toBe('附件简历不能超过10MB');
    expect(checkAttachmentFile({ fileName: 'a.jpg', sizeBytes: 0 })).toContain('空文件');
  });
});

describe('formRules (antd-mini Form adapter)', () => {
  /** What antd-mini does: one field at a time, the field alone as the source, other values from the form. */
  async function validateField(rules: Record<string, FormRule[]>, values: Record<string, unknown>, name: string) {
    const form = { getFieldsValue: () => values };
    const validators = rules[name].map((render) => render(form).validator);
    try {
      await new Schema({ [name]: validators }).validate({ [name]: values[name] });
      return [];
    } catch (failure) {
      return (failure as { errors: { message: string }[] }).errors.map((e) => e.message);
    }
  }

  it('runs cross-field checks reading the other fields from the form', async () => {
    const rules = formRules(workRules);
    const values = { ...WORK, startMonth: '2024-05', endMonth: '2024-04' };
    expect(await validateField(rules, values, 'endMonth')).toEqual(['结束时间不能早于开始时间']);
    expect(await validateField(rules, { ...values, endMonth: '2024-06' }, 'endMonth')).toEqual([]);
    expect(await validateField(rules, { ...values, company: '' }, 'company')).toEqual(['请填写公司名称']);
  });

  it('keeps the required mark antd-mini shows as an asterisk', () => {
    const rules = formRules(basicRules);
    const form = { getFieldsValue: () => ({}) };
    expect(rules.name[0](form).validator.required).toBe(true);
    expect(rules.email[0](form).validator.required).toBe(false);
  });
});
