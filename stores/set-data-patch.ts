import isEqual from 'fast-deep-equal';

export type SpliceArgs = [start: number, deleteCount: number, ...items: unknown[]];

/** The smallest update that turns `prev` into `next`: path keys for setData, appends and prepends for $spliceData. */
export interface SetDataPatch {
  set: Record<string, unknown>;
  splice: Record<string, SpliceArgs>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function diffForSetData(prev: Record<string, unknown>, next: Record<string, unknown>): SetDataPatch {
  const patch: SetDataPatch = { set: {}, splice: {} };
  for (const key of Object.keys(next)) diffValue(prev[key], next[key], key, patch);
  return patch;
}

export const isEmptyPatch = (patch: SetDataPatch) =>
  Object.keys(patch.set).length === 0 && Object.keys(patch.splice).length === 0;

function diffValue(prev: unknown, next: unknown, path: string, patch: SetDataPatch): void {
  if (isEqual(prev, next)) return;
  if (Array.isArray(prev) && Array.isArray(next)) {
    diffArray(prev, next, path, patch);
  } else if (isPlainObject(prev) && isPlainObject(next) && Object.keys(prev).every((k) => k in next)) {
    for (const key of Object.keys(next)) diffValue(prev[key], next[key], `${path}.${key}`, patch);
  } else {
    patch.set[path] = next;
  }
}

function diffArray(prev: unknown[], next: unknown[], path: string, patch: SetDataPatch): void {
  const added = next.length - prev.length;
  // Older items put in front (a chat's history): only they cross, never the list already shown.
  if (added > 0 && prev.length > 0 && prev.every((item, i) => isEqual(item, next[added + i]))) {
    patch.splice[path] = [0, 0, ...next.slice(0, added)];
    return;
  }
  const common = Math.min(prev.length, next.length);
  const changed: number[] = [];
  for (let i = 0; i < common; i++) if (!isEqual(prev[i], next[i])) changed.push(i);
  if (next.length < prev.length || changed.length > common / 2) {
    patch.set[path] = next;
    return;
  }
  for (const i of changed) diffValue(prev[i], next[i], `${path}[${i}]`, patch);
  if (next.length > prev.length) patch.splice[path] = [prev.length, 0, ...next.slice(prev.length)];
}
