import { countUserCharacters, messageTextProblem } from '../../services/contracts/chat-text';

describe('countUserCharacters', () => {
  it('counts Chinese and Latin characters one each', () => {
    expect(countUserCharacters('你好 hi')).toBe(5);
  });

  it('counts every emoji as one, however many code points it takes', () => {
    expect(countUserCharacters('👋')).toBe(1);
    expect(countUserCharacters('👋🏻')).toBe(1); // skin tone
    expect(countUserCharacters('👨‍👩‍👧')).toBe(1); // family joined with ZWJ
    expect(countUserCharacters('🇨🇳🇯🇵')).toBe(2); // two flags
    expect(countUserCharacters('1️⃣')).toBe(1); // keycap
    expect(countUserCharacters('❤️')).toBe(1); // variation selector
    expect(countUserCharacters('é')).toBe(1); // e + combining acute
  });
});

describe('messageTextProblem', () => {
  it('accepts 1,000 characters as a user counts them, emoji included', () => {
    expect(messageTextProblem('好'.repeat(1000))).toBeNull();
    expect(messageTextProblem('👍🏽'.repeat(1000))).toBeNull();
    expect(messageTextProblem('第一行\n第二行\t缩进')).toBeNull();
  });

  it('names what is wrong: empty, too long, control characters', () => {
    expect(messageTextProblem('   ')).toBe('消息内容不能为空');
    expect(messageTextProblem(undefined)).toBe('消息内容不能为空');
    expect(messageTextProblem('好'.repeat(1001))).toBe('消息内容不能超过1000个字');
    expect(messageTextProblem('你好\u0000')).toBe('消息中含有不可见的控制字符，请删除后再发送');
    expect(messageTextProblem('点这里\u202Egnp.exe')).toBe('消息中含有不可见的控制字符，请删除后再发送');
  });
});
