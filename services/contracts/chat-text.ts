/**
 * Chat text: the one text rule (`textCheck`: emoji count once, no control characters, not only invisible
 * ones), multi-line, at most 1,000 characters, and no bidi overrides (they disguise links, e.g. 点这里‮gnp.exe).
 */
import { checkRule, textCheck } from './text';
import type { InputRules } from './validation';

export const MESSAGE_TEXT_MAX = 1000;

const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/;
export const BIDI_OVERRIDE_MESSAGE = '消息中含有控制文字方向的隐藏字符，请删除后再发送';

const messageTextCheck = textCheck('消息内容', {
  required: true,
  requiredMessage: '消息内容不能为空',
  max: MESSAGE_TEXT_MAX,
  multiline: true,
});

/** Why `text` cannot be sent, or null when it can. */
export function messageTextProblem(text: unknown): string | null {
  const problem = messageTextCheck(text, {});
  if (problem) return problem;
  return BIDI_OVERRIDES.test(text as string) ? BIDI_OVERRIDE_MESSAGE : null;
}

export const messageTextRules: InputRules<{ text: string }> = {
  text: checkRule((value) => messageTextProblem(value) ?? undefined, true),
};
