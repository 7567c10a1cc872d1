/**
 * Storage (/mini/api/eocm6v): ≤ 200 KB a key (error 14), ≤ 10 MB in all (error 12), a missing key or data
 * fails with 2 (async) or 11 (sync). Values are kept serialized, as the platform keeps them.
 */
import { fail, type Invoke, type MyFailure } from '../core/invoke';
import type { MyParts } from './parts';

export const STORAGE_ERRORS = { missingParam: 2, invalidParams: 11, totalFull: 12, keyTooLarge: 14 } as const;
export const STORAGE_KEY_LIMIT_BYTES = 200 * 1024;
export const STORAGE_TOTAL_LIMIT_BYTES = 10 * 1024 * 1024;

const encoder = new TextEncoder();
const byteLength = (text: string) => encoder.encode(text).length;

export interface StorageControl {
  get(key: string): unknown;
  /** Bypasses the limits (for seeding). */
  set(key: string, value: unknown): void;
  keys(): string[];
  /** Bytes counted against the 10 MB total. */
  bytes(): number;
  clear(): void;
}

type Options = Record<string, unknown>;

export function createStorage(parts: MyParts, invoke: Invoke) {
  const store = new Map<string, string>(Object.entries(parts.storage.initial ?? {}));
  const persist = parts.storage.persist ?? (() => undefined);
  const bytes = (except?: string) => {
    let total = 0;
    for (const [key, value] of store) if (key !== except) total += byteLength(value);
    return total;
  };
  const write = (key: unknown, data: unknown, missingCode: number): MyFailure | null => {
    if (typeof key !== 'string' || key === '') return { error: missingCode, errorMessage: '必填参数为空' };
    if (data === undefined) return { error: missingCode, errorMessage: '必填参数为空' };
    const text = JSON.stringify(data);
    if (text === undefined) return { error: STORAGE_ERRORS.invalidParams, errorMessage: 'invalid params' };
    const size = byteLength(text);
    if (size > STORAGE_KEY_LIMIT_BYTES) return { error: STORAGE_ERRORS.keyTooLarge, errorMessage: 'data长度超限' };
    if (bytes(key) + size > STORAGE_TOTAL_LIMIT_BYTES)
      return { error: STORAGE_ERRORS.totalFull, errorMessage: '存储总大小达到上限' };
    store.set(key, text);
    persist({ op: 'set', key, value: text });
    return null;
  };
  const read = (key: unknown): unknown => {
    const text = typeof key === 'string' ? store.get(key) : undefined;
    if (text === undefined) return null;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  const remove = (key: unknown) => {
    if (typeof key !== 'string') return;
    store.delete(key);
    persist({ op: 'remove', key });
  };
  const clear = () => {
    store.clear();
    persist({ op: 'clear' });
  };
  const requireKey = (options: Options) => {
    if (typeof options.key !== 'string' || options.key === '') fail(STORAGE_ERRORS.missingParam, '必填参数为空');
  };
  const info = () => ({
    keys: [...store.keys()],
    currentSize: Math.ceil(bytes() / 1024),
    limitSize: STORAGE_TOTAL_LIMIT_BYTES / 1024,
  });

  const apis = {
    getStorageSync: (options: Options = {}) => ({ data: read(options.key) }),
    getStorage: (options: Options = {}) =>
      invoke('getStorage', options, () => {
        requireKey(options);
        return { data: read(options.key) };
      }),
    setStorageSync: (options: Options = {}) => {
      const failure = write(options.key, options.data, STORAGE_ERRORS.invalidParams);
      return failure ? { success: false, ...failure } : { success: true };
    },
    setStorage: (options: Options = {}) =>
      invoke('setStorage', options, () => {
        const failure = write(options.key, options.data, STORAGE_ERRORS.missingParam);
        if (failure) fail(failure.error, failure.errorMessage);
        return { success: true };
      }),
    removeStorageSync: (options: Options = {}) => {
      remove(options.key);
      return { success: true };
    },
    removeStorage: (options: Options = {}) =>
      invoke('removeStorage', options, () => {
        requireKey(options);
        remove(options.key);
        return { success: true };
      }),
    clearStorageSync: () => {
      clear();
      return { success: true };
    },
    clearStorage: (options: Options = {}) =>
      invoke('clearStorage', options, () => {
        clear();
        return { success: true };
      }),
    getStorageInfoSync: () => info(),
    getStorageInfo: (options: Options = {}) => invoke('getStorageInfo', options, info),
  };
  const control: StorageControl = {
    get: read,
    set: (key, value) => {
      store.set(key, JSON.stringify(value));
    },
    keys: () => [...store.keys()],
    bytes: () => bytes(),
    clear: () => store.clear(),
  };
  return { apis, control };
}
