import { BIDI_OVERRIDE_MESSAGE, messageTextProblem } from '../../services/contracts/chat-text';

describe('messageTextProblem', () => {
  it('accepts 1,000 characters as a user counts them, emoji and line breaks included', () => {
    expect(messageTextProblem('好'.repeat(1000))).toBeNull();
    expect(messageTextProblem('👍🏽'.repeat(1000))).toBeNull();
    expect(messageTextProblem('👨‍👩‍👧'.repeat(1000))).toBeNull();
    expect(messageTextProblem('第一行\n第二行\t缩进')).toBeNull();
  });

  it('names what is wrong: empty, too long, control characters, only invisible ones, bidi overrides', () => {
    expect(messageTextProblem('   ')).toBe('消息内容不能为空');
    expect(messageTextProblem(undefined)).toBe('消息内容不能为空');
    expect(messageTextProblem('好'.repeat(1001))).toBe('消息内容不能超过1000个字');
    expect(messageTextProblem('你好\u0000')).toBe('消息内容包含无法识别的字符');
    expect(messageTextProblem('\u200B')).toBe('消息内容不能只有看不见的字符');
    expect(messageTextProblem('点这里\u202Egnp.exe')).toBe(BIDI_OVERRIDE_MESSAGE);
  });
});
