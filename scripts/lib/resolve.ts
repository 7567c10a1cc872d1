import path from 'node:path';
import { dirOf, isDir, isFile } from './dist-files';

export type ReferenceKind = 'relative' | 'absolute' | 'bare' | 'plugin' | 'remote' | 'dynamic';

/**
 * How Alipay reads a path written in a json, axml, acss or require: `./` and `../` from the file's folder,
 * `/` from the project (dist) root, anything else is an npm path looked up in node_modules.
 */
export function referenceKind(spec: string): ReferenceKind {
  if (spec.includes('{{')) return 'dynamic';
  if (spec.startsWith('plugin://') || spec.startsWith('dynamic-plugin://')) return 'plugin';
  if (/^(https?:)?\/\//.test(spec) || spec.startsWith('data:')) return 'remote';
  if (spec.startsWith('/')) return 'absolute';
  if (spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../')) return 'relative';
  return 'bare';
}

/**
 * The dist-relative path a reference points at, or an error when it leaves dist. Bare paths are
 * looked up where the runtime would, in node_modules, which a self-contained dist does not have.
 */
export function joinReference(fromRel: string, spec: string): { rel?: string; error?: string } {
  const kind = referenceKind(spec);
  const cleaned = spec.replace(/[?#].*$/, '');
  let joined: string;
  if (kind === 'absolute') joined = path.posix.normalize(cleaned.replace(/^\/+/, ''));
  else if (kind === 'relative') joined = path.posix.normalize(path.posix.join(dirOf(fromRel), cleaned));
  else if (kind === 'bare') joined = path.posix.normalize(`node_modules/${cleaned}`);
  else return { error: `'${spec}' is not a file path` };
  if (joined === '..' || joined.startsWith('../')) return { error: `'${spec}' points outside dist` };
  return { rel: joined.replace(/\/+$/, '').replace(/^\.$/, '') };
}

/**
 * Resolves a `require` the way the mini-program runtime does: the exact file, the file plus `.js`, or a
 * folder's `index.js`. Bare names are an error: the build rewrites npm imports to files in dist/npm.
 */
export function resolveRequire(distDir: string, fromRel: string, spec: string): { rel?: string; error?: string } {
  if (referenceKind(spec) === 'bare') {
    return {
      error: `bare require('${spec}') is not resolvable in the mini-program; the build must point it into dist`,
    };
  }
  const { rel, error } = joinReference(fromRel, spec);
  if (error || rel === undefined) return { error: `require('${spec}'): ${error}` };
  const candidates = [rel, `${rel}.js`, rel === '' ? 'index.js' : `${rel}/index.js`];
  const found = candidates.find((c) => c !== '' && isFile(distDir, c));
  if (found) return { rel: found };
  return { error: `require('${spec}') does not resolve inside dist (tried ${candidates.filter(Boolean).join(', ')})` };
}

export const COMPONENT_FILE_EXTENSIONS = ['.axml', '.js', '.json'];

/**
 * Resolves a usingComponents path to the component's base path (without extension). A path may name
 * the component files directly or a folder holding index.* (antd-mini writes `../Loading`).
 */
export function resolveComponent(
  distDir: string,
  fromRel: string,
  spec: string,
): { base?: string; missing?: string[]; error?: string } {
  const { rel, error } = joinReference(fromRel, spec);
  if (error || rel === undefined) return { error };
  const hasAny = (base: string) => COMPONENT_FILE_EXTENSIONS.some((ext) => isFile(distDir, base + ext));
  const base = !hasAny(rel) && isDir(distDir, rel) && hasAny(`${rel}/index`) ? `${rel}/index` : rel;
  const missing = COMPONENT_FILE_EXTENSIONS.map((ext) => base + ext).filter((file) => !isFile(distDir, file));
  return { base, missing };
}

/** Resolves a file reference from axml/acss (`<import src>`, `<include src>`, `<import-sjs from>`, `@import`). */
export function resolveFile(
  distDir: string,
  fromRel: string,
  spec: string,
  defaultExtension: string,
): { rel?: string; error?: string } {
  const { rel, error } = joinReference(fromRel, spec);
  if (error || rel === undefined) return { error };
  const candidates = path.posix.extname(rel) ? [rel] : [rel, rel + defaultExtension];
  const found = candidates.find((c) => isFile(distDir, c));
  if (found) return { rel: found };
  const bareHint = referenceKind(spec) === 'bare' ? ' (a bare path is read from node_modules, which dist lacks)' : '';
  return { error: `'${spec}' does not resolve inside dist${bareHint}` };
}
