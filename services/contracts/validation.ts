import Schema, { type Rules, type ValidateError } from 'async-validator';
import type { FieldError } from './errors';

export type { Rules };

declare const CHECKS: unique symbol;
/** Rules that check an input of type `T`: passing them is what lets code treat the input as a `T`. */
export type InputRules<T> = Rules & { readonly [CHECKS]?: T };

/** The input, typed by the rules it passed, or every field error. */
export type Checked<T> = { ok: true; value: T } | { ok: false; fields: FieldError[] };

/** Validates `value` with typed rules: the one place an input becomes its type. */
export async function checkInput<T>(rules: InputRules<T>, value: unknown): Promise<Checked<T>> {
  const fields = await validate(rules, value);
  return fields.length ? { ok: false, fields } : { ok: true, value: toPlainInput(value) as T };
}

/** No contract nests more than a few levels; deeper input is refused before anything walks it recursively. */
export const INPUT_DEPTH_MAX = 32;
export const INPUT_TOO_DEEP_MESSAGE = `请求内容嵌套过深（最多${INPUT_DEPTH_MAX}层）`;

/** Whether objects and arrays in `value` nest deeper than `INPUT_DEPTH_MAX`, found without recursion. */
export function nestsTooDeep(value: unknown): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (!item || typeof item !== 'object') continue;
    if (depth > INPUT_DEPTH_MAX) return true;
    for (const child of Object.values(item)) {
      if (child && typeof child === 'object') pending.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Validates `value` against async-validator rules (the same rule objects antd-mini's Form takes),
 * returning every field error; an empty array means valid. Used by the app and by the mock backend.
 */
export async function validate(rules: Rules, value: unknown): Promise<FieldError[]> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return [{ path: '', message: '请求内容格式不正确' }];
  }
  if (nestsTooDeep(value)) return [{ path: '', message: INPUT_TOO_DEEP_MESSAGE }];
  try {
    await new Schema(rules).validate(toPlainInput(value) as Record<string, unknown>, { first: false });
    return [];
  } catch (failure) {
    const errors = (failure as { errors?: ValidateError[] }).errors;
    if (!errors) throw failure;
    return errors.map((e) => ({ path: e.field ?? '', message: e.message ?? '填写有误' }));
  }
}

const OBJECT_PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * A plain copy of input (check `nestsTooDeep` first: the copy recurses). async-validator calls `source.hasOwnProperty(...)` and throws outside its
 * promise on null-prototype objects (a parsed query string) or on input with its own `hasOwnProperty`
 * key; names of Object.prototype are never real fields, so they are dropped.
 */
export function toPlainInput(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlainInput);
  if (!value || typeof value !== 'object') return value;
  const plain: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!OBJECT_PROTOTYPE_NAMES.has(key)) plain[key] = toPlainInput(item);
  }
  return plain;
}
