/** Path helpers for files inside dist/ (posix, no leading slash), usable in Node and in the browser. */

export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

/**
 * Resolves `spec` as written in `fromFile` (a dist path): `/x` is from the dist root, `./x` and `../x` from the
 * file's folder, and a bare `x` from the file's folder too (the build rewrites npm paths to `/npm/...`).
 */
export function resolveFrom(fromFile: string, spec: string): string {
  if (spec.startsWith('/')) return normalize(spec);
  return normalize(`${dirname(fromFile)}/${spec}`);
}

/** Adds `ext` unless the path already ends with it. */
export function withExtension(path: string, ext: string): string {
  return path.endsWith(ext) ? path : `${path}${ext}`;
}

/** `pages/a/index?x=1&y=2` → route and query (values decoded). */
export function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const index = url.indexOf('?');
  const route = index < 0 ? url : url.slice(0, index);
  const query: Record<string, string> = {};
  if (index >= 0)
    for (const part of url.slice(index + 1).split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const key = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
      query[key] = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    }
  return { route, query };
}
