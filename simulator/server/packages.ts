/**
 * The files of dist/ grouped by package, as the logic and view layers ask for them. Nothing is built here:
 * the files are read as `npm run build` (or its watch mode) left them, and compiled forms are cached by
 * modification time, so a rebuild shows on the next load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalize } from '../../runtime/core/paths';
import type { CompiledAxml, CompiledSjs } from '../core/ir';
import { compileAxml, compileSjs, inlineAcssImports } from './compile';

export interface ViewPackage {
  templates: Record<string, CompiledAxml>;
  sjs: Record<string, CompiledSjs>;
  styles: Record<string, string>;
}

interface CacheEntry<T> {
  stamp: string;
  value: T;
}

export class DistFiles {
  private readonly compiled = new Map<string, CacheEntry<unknown>>();

  constructor(readonly distDir: string) {}

  private stamp(file: string): string | null {
    try {
      const stat = fs.statSync(path.join(this.distDir, file));
      return `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return null;
    }
  }

  read(file: string): string | undefined {
    try {
      return fs.readFileSync(path.join(this.distDir, normalize(file)), 'utf8');
    } catch {
      return undefined;
    }
  }

  exists(): boolean {
    return fs.existsSync(path.join(this.distDir, 'app.json'));
  }

  /** The API base the build baked in (services/config.js), when it can be read. */
  builtApiBase(): string | undefined {
    const text = this.read('services/config.js');
    return text ? /apiBaseUrl:\s*["']([^"']+)["']/.exec(text)?.[1] : undefined;
  }

  /** Changes whenever a file of dist/ is written: the newest modification time and the file count. */
  version(): string {
    let newest = 0;
    let count = 0;
    const walk = (dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else {
          count++;
          newest = Math.max(newest, fs.statSync(full).mtimeMs);
        }
      }
    };
    walk(this.distDir);
    return `${Math.round(newest)}:${count}`;
  }

  /** Subpackage roots from dist/app.json. */
  subpackageRoots(): string[] {
    const text = this.read('app.json');
    if (!text) return [];
    const app = JSON.parse(text) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
    return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((sub) => normalize(sub.root));
  }

  /** Every file of a package (root '' = the main package: everything outside subpackage roots). */
  list(root: string): string[] {
    const roots = this.subpackageRoots();
    const start = root ? path.join(this.distDir, root) : this.distDir;
    const out: string[] = [];
    const walk = (dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        const relative = path.relative(this.distDir, full).split(path.sep).join('/');
        if (entry.isDirectory()) {
          if (!root && roots.includes(relative)) continue;
          walk(full);
        } else out.push(relative);
      }
    };
    walk(start);
    return out.sort();
  }

  private cachedCompile<T>(file: string, compile: () => T): T {
    const stamp = this.stamp(file) ?? 'missing';
    const entry = this.compiled.get(file) as CacheEntry<T> | undefined;
    if (entry && entry.stamp === stamp) return entry.value;
    const value = compile();
    this.compiled.set(file, { stamp, value });
    return value;
  }

  logicPackage(root: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const file of this.list(root))
      if (file.endsWith('.js') || file.endsWith('.json')) {
        const text = this.read(file);
        if (text !== undefined) files[file] = text;
      }
    return files;
  }

  viewPackage(root: string): ViewPackage {
    const out: ViewPackage = { templates: {}, sjs: {}, styles: {} };
    const reader = (file: string) => this.read(file);
    for (const file of this.list(root)) {
      if (file.endsWith('.axml'))
        out.templates[file] = this.cachedCompile(file, () => compileAxml(file, this.read(file) ?? '', reader));
      else if (file.endsWith('.sjs'))
        out.sjs[file] = this.cachedCompile(file, () => compileSjs(file, this.read(file) ?? ''));
      else if (file.endsWith('.acss'))
        out.styles[file] = this.cachedCompile(file, () => inlineAcssImports(file, this.read(file) ?? '', reader));
    }
    return out;
  }
}
