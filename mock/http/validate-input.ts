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

/** Checks `value` with the contract's rules and throws a 400 naming every bad field, or returns it typed. */
export async function validateInput<T>(rules: InputRules<T>, value: unknown, source: InputSource): Promise<T> {
  if (nestsTooDeep(value)) throw invalidInput([{ path: source, message: INPUT_TOO_DEEP_MESSAGE }]);
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

/** Query values arrive as strings; an empty one means "not given". */
export function optionalText(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
