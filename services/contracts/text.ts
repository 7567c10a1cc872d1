import type { RuleItem } from 'async-validator';
import { countGraphemes, splitGraphemes } from 'unicode-segmenter/grapheme';

/**
 * The one rule for text a person types, on the phone and on the server alike: names, resume entries,
 * greetings, reports, HR messages and notes. Every text field of every contract is built from `textCheck`.
 */

/** Returns the message for a bad value, or undefined when it is fine. `source` is the whole form value. */
export type FieldCheck = (value: unknown, source: Record<string, unknown>) => string | undefined;

/** An async-validator rule running `check`; `required` only marks the field for antd-mini's asterisk. */
export function checkRule(check: FieldCheck, required = false): RuleItem {
  return {
    required,
    validator: (_rule, value, _callback, source) => {
      const message = check(value, (source ?? {}) as Record<string, unknown>);
      return message === undefined ? true : new Error(message);
    },
  };
}

/** Characters as a person sees them (grapheme clusters): 😀, 👨‍👩‍👧 and 🇨🇳 each count once. */
export function visibleLength(text: string): number {
  return countGraphemes(text);
}

/** The first `max` characters as a person counts them, never cutting one in half. */
export function truncateVisible(text: string, max: number): string {
  if (visibleLength(text) <= max) return text;
  const kept: string[] = [];
  for (const character of splitGraphemes(text)) {
    if (kept.length === max) break;
    kept.push(character);
  }
  return kept.join('');
}

// C0 and C1 control characters other than tab and line breaks: they break display and are never typed on purpose.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAKS = /[\r\n\u2028\u2029]/;
/** Characters that show nothing: zero-width spaces and joiners, direction marks, word joiners, BOM, fillers. */
// Each is listed on its own (joiners and selectors among them), not combined with a neighbour.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/** A UTF-16 surrogate without its pair is no character at all: stored, it turns into �. */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/** Nothing given, or only whitespace. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export interface TextOptions {
  required?: boolean;
  /** Default `请填写${label}`. */
  requiredMessage?: string;
  max: number;
  /** Line breaks allowed (descriptions, greetings, messages). */
  multiline?: boolean;
}

/**
 * Text: required or not; no control characters, no broken characters (lone surrogates); not only
 * invisible characters (a name that is one zero-width space); line breaks only where `multiline`; at most
 * `max` characters as a person counts them, after trimming.
 */
export function textCheck(label: string, options: TextOptions): FieldCheck {
  return (value) => {
    if (isBlank(value)) return options.required ? (options.requiredMessage ?? `请填写${label}`) : undefined;
    if (typeof value !== 'string') return `${label}格式不正确`;
    if (CONTROL_CHARACTERS.test(value) || hasLoneSurrogate(value)) return `${label}包含无法识别的字符`;
    if (value.replace(INVISIBLE, '').trim() === '') return `${label}不能只有看不见的字符`;
    if (!options.multiline && LINE_BREAKS.test(value)) return `${label}不能换行`;
    if (visibleLength(value.trim()) > options.max) return `${label}不能超过${options.max}个字`;
    return undefined;
  };
}

export function textRule(label: string, options: TextOptions): RuleItem {
  return checkRule(textCheck(label, options), options.required);
}
