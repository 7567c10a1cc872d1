import { createApplicationRules } from '../../services/contracts/applications';
import { sendMessageRules } from '../../services/contracts/conversations';
import { jobReportRules } from '../../services/contracts/jobs';
import { createResumeBasicRules } from '../../services/contracts/resume-rules';
import { hasLoneSurrogate, textCheck, truncateVisible, visibleLength } from '../../services/contracts/text';
import { validate } from '../../services/contracts/validation';

describe('the shared text rule', () => {
  const name = textCheck('姓名', { required: true, max: 5 });
  const note = textCheck('说明', { max: 5, multiline: true });

  it('counts characters as a person sees them', () => {
    expect(visibleLength('张三😀')).toBe(3);
    expect(visibleLength('👨‍👩‍👧')).toBe(1);
    expect(visibleLength('🇨🇳ok')).toBe(3);
    expect(name('一二三四👨‍👩‍👧', {})).toBeUndefined();
    expect(name('一二三四五六', {})).toBe('姓名不能超过5个字');
    expect(truncateVisible('一二👨‍👩‍👧四五', 3)).toBe('一二👨‍👩‍👧');
  });

  it('refuses control characters, broken characters and invisible-only text, naming the field', () => {
    expect(name('张\u0007三', {})).toBe('姓名包含无法识别的字符');
    expect(note('你好\u001b[31m', {})).toBe('说明包含无法识别的字符');
    expect(note('a\u0085b', {})).toBe('说明包含无法识别的字符');
    expect(name('张\uD800', {})).toBe('姓名包含无法识别的字符');
    expect(name('\uDC00张', {})).toBe('姓名包含无法识别的字符');
    expect(name('\u200B', {})).toBe('姓名不能只有看不见的字符');
    expect(note('\u200D\uFEFF \u2060', {})).toBe('说明不能只有看不见的字符');
    expect(name('   ', {})).toBe('请填写姓名');
    expect(note('', {})).toBeUndefined();
  });

  it('lets line breaks and tabs into multi-line text only', () => {
    expect(note('第一行\n第二\t行', {})).toBe('说明不能超过5个字');
    expect(note('一\n二', {})).toBeUndefined();
    expect(name('一\n二', {})).toBe('姓名不能换行');
  });

  it('finds lone surrogates but not pairs', () => {
    expect(hasLoneSurrogate('😀')).toBe(false);
    expect(hasLoneSurrogate('\uD83D')).toBe(true);
    expect(hasLoneSurrogate('a\uDE00')).toBe(true);
  });

  it('is the rule of the greeting, the report, HR messages and the resume name', async () => {
    expect(await validate(createApplicationRules, { jobId: '1', greeting: '您好\u0000' })).toEqual([
      { path: 'greeting', message: '打招呼内容包含无法识别的字符' },
    ]);
    expect(await validate(jobReportRules, { reason: 'other', text: '\u0008假职位' })).toEqual([
      { path: 'text', message: '举报说明包含无法识别的字符' },
    ]);
    expect(await validate(sendMessageRules, { text: '面试\u0003' })).toEqual([
      { path: 'text', message: '消息内容包含无法识别的字符' },
    ]);
    const basic = { gender: 'male', birthYear: 1995, cityCode: '330100', status: 'employed' };
    expect(await validate(createResumeBasicRules(), { ...basic, name: '\u200B' })).toEqual([
      { path: 'name', message: '姓名不能只有看不见的字符' },
    ]);
  });
});
