import path from 'node:path';
import vm from 'node:vm';
import { isFile, readText } from './dist-files';
import { resolveRequire } from './resolve';

export type DefinitionKind = 'page' | 'component' | 'app';

export interface LoadedDefinition {
  kind?: DefinitionKind;
  definition?: Record<string, unknown>;
  /** Why the file could not be loaded (it throws at load, or a require does not resolve). */
  error?: string;
}

interface ModuleRecord {
  exports: unknown;
  loaded: boolean;
}

const LOAD_TIMEOUT_MS = 5000;

const noop = (): undefined => undefined;

/** `my`: every API is a function that does nothing, so loading a module performs no I/O. */
const fakeMy = new Proxy({} as Record<string, unknown>, { get: () => noop });

/**
 * Loads compiled dist JS in a sandbox to read what it registers with Page() / Component() / App().
 * `require` resolves inside dist only, as on the device; timers and `my` do nothing.
 */
export class MiniRuntime {
  private readonly context: vm.Context;
  private readonly modules = new Map<string, ModuleRecord>();
  private captured: Array<{ kind: DefinitionKind; definition: Record<string, unknown> }> = [];
  private app: Record<string, unknown> | undefined;
  private appLoaded = false;
  private nextModuleId = 0;

  constructor(private readonly distDir: string) {
    const capture = (kind: DefinitionKind) => (definition: unknown) => {
      const def = typeof definition === 'object' && definition !== null ? (definition as Record<string, unknown>) : {};
      this.captured.push({ kind, definition: def });
    };
    const silentConsole = { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop };
    this.context = vm.createContext({
      Page: capture('page'),
      Component: capture('component'),
      App: capture('app'),
      getApp: () => this.getApp(),
      getCurrentPages: () => [],
      Mixin: (mixin: unknown) => mixin,
      requirePlugin: () => ({}),
      my: fakeMy,
      console: silentConsole,
      setTimeout: () => 0,
      clearTimeout: noop,
      setInterval: () => 0,
      clearInterval: noop,
      __miniModules: {},
    });
  }

  /** Loads a dist JS file (dist-relative) and returns the last Page/Component/App definition it registered. */
  loadDefinition(rel: string): LoadedDefinition {
    this.captured = [];
    try {
      this.require(rel);
    } catch (e) {
      return { error: `${rel}: throws while loading (${(e as Error)?.message ?? String(e)})` };
    }
    const last = this.captured[this.captured.length - 1];
    return last ? { kind: last.kind, definition: last.definition } : {};
  }

  private getApp(): Record<string, unknown> {
    if (!this.appLoaded) {
      this.appLoaded = true;
      if (isFile(this.distDir, 'app.js')) {
        const saved = this.captured;
        this.captured = [];
        try {
          this.require('app.js');
          this.app = this.captured.find((c) => c.kind === 'app')?.definition;
        } catch {
          // A page reading getApp() still loads; app.js problems are reported by check-dist.
        } finally {
          this.captured = saved;
        }
      }
    }
    return this.app ?? {};
  }

  private require(rel: string): unknown {
    const cached = this.modules.get(rel);
    if (cached) return cached.exports;
    const module: ModuleRecord & { exports: unknown } = { exports: {}, loaded: false };
    this.modules.set(rel, module);
    if (rel.endsWith('.json')) {
      module.exports = JSON.parse(readText(this.distDir, rel));
      return module.exports;
    }
    const localRequire = (spec: string): unknown => {
      const resolved = resolveRequire(this.distDir, rel, String(spec));
      if (!resolved.rel) throw new Error(resolved.error);
      return this.require(resolved.rel);
    };
    const slots = (this.context as { __miniModules: Record<string, unknown> }).__miniModules;
    const id = String(this.nextModuleId++);
    slots[id] = { module, require: localRequire, filename: `/${rel}`, dirname: `/${path.posix.dirname(rel)}` };
    const wrapper =
      `(function (exports, require, module, __filename, __dirname) {${readText(this.distDir, rel)}\n})` +
      `.call(__miniModules[${id}].module.exports, __miniModules[${id}].module.exports, __miniModules[${id}].require,` +
      ` __miniModules[${id}].module, __miniModules[${id}].filename, __miniModules[${id}].dirname);`;
    try {
      vm.runInContext(wrapper, this.context, { filename: path.join(this.distDir, rel), timeout: LOAD_TIMEOUT_MS });
    } catch (e) {
      this.modules.delete(rel);
      throw e;
    } finally {
      delete slots[id];
    }
    module.loaded = true;
    return module.exports;
  }
}
