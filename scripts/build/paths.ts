import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '../..');
export const nodeModules = path.join(projectRoot, 'node_modules');
/** Folder inside dist/ holding npm code, required relatively from app code. */
export const NPM_DIR = 'npm';

export const toPosix = (p: string) => p.split(path.sep).join('/');

/** A require path from `fromFile` to `toFile` (both inside dist), without the `.js` ending. */
export function relativeRequire(fromFile: string, toFile: string): string {
  let rel = toPosix(path.relative(path.dirname(fromFile), toFile)).replace(/\.(js|ts)$/, '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** Where a bare specifier's bundle lives in dist: `mobx` → npm/mobx/index.js, `dayjs/locale/zh-cn` → npm/dayjs/locale/zh-cn.js. */
export function npmBundlePath(distDir: string, specifier: string): string {
  const parts = specifier.split('/');
  const packageNameLength = specifier.startsWith('@') ? 2 : 1;
  const subpath = parts.slice(packageNameLength);
  const base = path.join(distDir, NPM_DIR, ...parts.slice(0, packageNameLength));
  return subpath.length === 0 ? path.join(base, 'index.js') : path.join(base, ...subpath) + '.js';
}

/** Source maps go beside dist/, not in it, so they never ship or count toward the package size. */
export const sourceMapDir = (distDir: string) => `${distDir}-sourcemaps`;

export const isBareSpecifier = (spec: string) => !spec.startsWith('.') && !spec.startsWith('/');

export class BuildError extends Error {}
