/**
 * How Alipay applies `setData` and `$spliceData` to a view's data (/mini/framework/page-detail):
 * keys are data paths (`'a.b'`, `'list[3].title'`, `'a[0][1]'`), missing objects and arrays on the way are
 * created, values cross to the view as JSON (so `undefined` is not set and functions are dropped).
 * Objects and arrays along a changed path are replaced by copies, never written into: data taken before a
 * change (a shallow copy of the root) still shows the old values.
 */

export type PathSegment = string | number;
type Container = Record<string, unknown> | unknown[];

const TOKEN = /([^.[\]]+)|\[(\d+)\]|(\.)/g;

/** `'list[3].title'` → `['list', 3, 'title']`. Throws on a malformed path, as it would be a bug in the caller. */
export function parsePath(key: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let consumed = 0;
  let expectName = true;
  for (const match of key.matchAll(TOKEN)) {
    if (match.index !== consumed) break;
    consumed += match[0].length;
    if (match[1] !== undefined) {
      if (!expectName) throw new Error(`setData path "${key}": missing "." before "${match[1]}"`);
      segments.push(match[1]);
      expectName = false;
    } else if (match[2] !== undefined) {
      if (expectName) throw new Error(`setData path "${key}": an index must follow a name`);
      segments.push(Number(match[2]));
      expectName = false;
    } else {
      if (expectName) throw new Error(`setData path "${key}" has an empty segment`);
      expectName = true;
    }
  }
  if (consumed !== key.length || expectName) throw new Error(`setData path "${key}" is malformed`);
  return segments;
}

/** A JSON round trip: what the view layer receives. `undefined` stays `undefined`. */
export function jsonClone<T>(value: T): T {
  if (value === undefined) return value;
  return JSON.parse(JSON.stringify(value)) as T;
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function copyOf(container: Container): Container {
  return Array.isArray(container) ? container.slice() : { ...container };
}

/**
 * Walks to the parent of the last segment, replacing each container on the way by a copy and creating
 * objects or arrays (by the next segment's kind) where missing.
 */
function parentOf(data: Record<string, unknown>, segments: PathSegment[], key: string): Container {
  let node: Container = data;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i];
    const next = segments[i + 1];
    const child = (node as Record<PathSegment, unknown>)[segment];
    let copy: Container;
    if (isContainer(child)) copy = copyOf(child);
    else {
      if (child !== undefined && child !== null)
        throw new Error(`setData path "${key}": "${segments.slice(0, i + 1).join('.')}" is a ${typeof child}`);
      copy = typeof next === 'number' ? [] : {};
    }
    (node as Record<PathSegment, unknown>)[segment] = copy;
    node = copy;
  }
  return node;
}

/** Applies a setData patch in place. */
export function applySetData(data: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const segments = parsePath(key);
    const parent = parentOf(data, segments, key);
    (parent as Record<PathSegment, unknown>)[segments[segments.length - 1]] = jsonClone(value);
  }
}

/** Reads a path, or `undefined` when any step is missing. */
export function readPath(data: unknown, key: string): unknown {
  let node: unknown = data;
  for (const segment of parsePath(key)) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

/** Applies a `$spliceData` patch in place: each value is `[start, deleteCount, ...items]` for the array at its path. */
export function applySpliceData(data: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, operation] of Object.entries(patch)) {
    if (!Array.isArray(operation) || typeof operation[0] !== 'number' || typeof operation[1] !== 'number')
      throw new Error(
        `$spliceData "${key}": value must be [start, deleteCount, ...items], got ${JSON.stringify(operation)}`,
      );
    const segments = parsePath(key);
    const parent = parentOf(data, segments, key) as Record<PathSegment, unknown>;
    const last = segments[segments.length - 1];
    if (parent[last] === undefined || parent[last] === null) parent[last] = [];
    if (!Array.isArray(parent[last])) throw new Error(`$spliceData "${key}": target is not an array`);
    const target = (parent[last] as unknown[]).slice();
    const [start, deleteCount, ...items] = operation as [number, number, ...unknown[]];
    target.splice(start, deleteCount, ...jsonClone(items));
    parent[last] = target;
  }
}
