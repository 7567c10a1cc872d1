/**
 * Chat text as a person counts it: one emoji (flags, skin tones, families joined with ZWJ, keycaps) is one
 * character, as is a letter with its combining marks. Only ES2017 built-ins: no Intl.Segmenter on the phone.
 */
import type { Rules } from './validation';

export const MESSAGE_TEXT_MAX = 1000;

/** C0/C1 controls other than tab and newline, and bidi overrides (used to disguise links). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function joinsPrevious(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) || // combining diacritics
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // variation selectors
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) || // skin tones
    (codePoint >= 0xe0020 && codePoint <= 0xe007f) || // tag sequences (subdivision flags)
    codePoint === 0x20e3 || // keycap
    codePoint === 0x200d // zero-width joiner
  );
}

const isRegionalIndicator = (codePoint: number) => codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;

/** How many characters a user sees in `text`. */
export function countUserCharacters(text: string): number {
  let count = 0;
  let afterJoiner = false;
  let pendingRegional = false;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (codePoint === 0x200d) {
      afterJoiner = true;
      continue;
    }
    if (afterJoiner || (count > 0 && joinsPrevious(codePoint))) {
      afterJoiner = false;
      continue;
    }
    if (isRegionalIndicator(codePoint)) {
      // Two regional indicators make one flag.
      if (pendingRegional) {
        pendingRegional = false;
        continue;
      }
      pendingRegional = true;
    } else pendingRegional = false;
    count++;
  }
  return count;
}

/** Why `text` cannot be sent, or null when it can. */
export function messageTextProblem(text: unknown): string | null {
  if (typeof text !== 'string' || text.trim() === '') return '消息内容不能为空';
  if (FORBIDDEN_CHARACTERS.test(text)) return '消息中含有不可见的控制字符，请删除后再发送';
  if (countUserCharacters(text) > MESSAGE_TEXT_MAX) return `消息内容不能超过${MESSAGE_TEXT_MAX}个字`;
  return null;
}

export const messageTextRules: Rules = {
  text: {
    required: true,
    validator: (_rule, value: unknown) => {
      const problem = messageTextProblem(value);
      return problem ? new Error(problem) : true;
    },
  },
};
