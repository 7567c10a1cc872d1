import {
  INPUT_TOO_DEEP_MESSAGE,
  nestsTooDeep,
  toPlainInput,
  validate,
  type InputRules,
} from '../../services/contracts/validation';
import { invalidInput } from './api-error';

/** Where the input came from; query and header paths are prefixed (`query.limit`), body paths are not. */
export type InputSource = 'body' | 'query' | 'headers';

/**
 * Checks `value` with the contract's rules and throws a 400 naming every bad field, or returns it typed.
 * A query field the rules know that appears more than once (`keyword=a&keyword=b`) is refused as such,
 * before its rule would judge the list the parser made of it.
 */
export async function validateInput<T>(rules: InputRules<T>, value: unknown, source: InputSource): Promise<T> {
  if (nestsTooDeep(value)) throw invalidInput([{ path: source, message: INPUT_TOO_DEEP_MESSAGE }]);
  if (source === 'query') refuseRepeatedFields(rules, value);
  const input = toPlainInput(value ?? (source === 'body' ? undefined : {}));
  const fields = await validate(rules, input);
  if (fields.length) {
    throw invalidInput(
      fields.map((field) => ({
        path: source === 'body' ? field.path || 'body' : field.path ? `${source}.${field.path}` : source,
        message: field.message,
      })),
    );
  }
  return input as T;
}

function refuseRepeatedFields(rules: object, query: unknown): void {
  if (!query || typeof query !== 'object') return;
  const repeated = Object.entries(query).filter(
    ([name, given]) => Array.isArray(given) && Object.prototype.hasOwnProperty.call(rules, name),
  );
  if (repeated.length) {
    throw invalidInput(
      repeated.map(([name, given]) => ({
        path: `query.${name}`,
        message: `参数${name}只能出现一次（出现了${(given as unknown[]).length}次）`,
      })),
    );
  }
}

/** Query values arrive as strings; an empty one means "not given". */
export function optionalText(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
