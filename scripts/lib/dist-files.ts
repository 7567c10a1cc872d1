import fs from 'node:fs';
import path from 'node:path';

/** Paths inside dist are handled as posix paths relative to the dist root, as Alipay writes them. */
export const toPosix = (p: string): string => p.split(path.sep).join('/');

/** The folder of a dist-relative path ('' for the root). */
export const dirOf = (rel: string): string => path.posix.dirname(rel).replace(/^\.$/, '');

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.bmp', '.ico'];

export const isImage = (rel: string): boolean => IMAGE_EXTENSIONS.includes(path.posix.extname(rel).toLowerCase());

/** Every file under distDir (following folders, not symlinked folders), dist-relative and sorted. */
export function listFiles(distDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() || (entry.isSymbolicLink() && fs.statSync(full).isFile())) {
        found.push(toPosix(path.relative(distDir, full)));
      }
    }
  };
  walk(distDir);
  return found.sort();
}

export function isFile(distDir: string, rel: string): boolean {
  try {
    return fs.statSync(path.join(distDir, rel)).isFile();
  } catch {
    return false;
  }
}

export function isDir(distDir: string, rel: string): boolean {
  try {
    return fs.statSync(path.join(distDir, rel)).isDirectory();
  } catch {
    return false;
  }
}

export const readText = (distDir: string, rel: string): string => fs.readFileSync(path.join(distDir, rel), 'utf8');

export const fileSize = (distDir: string, rel: string): number => fs.statSync(path.join(distDir, rel)).size;

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a JSON file; a missing or malformed file gives an error message instead of throwing. */
export function readJson(distDir: string, rel: string): { value?: unknown; error?: string } {
  if (!isFile(distDir, rel)) return { error: `${rel}: file is missing` };
  try {
    return { value: JSON.parse(readText(distDir, rel)) as unknown };
  } catch (e) {
    return { error: `${rel}: invalid JSON (${(e as Error).message})` };
  }
}

/** The `usingComponents` map of a parsed page/component/app json, ignoring entries that are not strings. */
export function usingComponentsOf(json: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(json) || !isObject(json.usingComponents)) return out;
  for (const [name, target] of Object.entries(json.usingComponents)) {
    if (typeof target === 'string') out[name] = target;
  }
  return out;
}
