/** The view layer's files (compiled AXML, SJS, ACSS), fetched per package from the simulator's server. */
import type { SjsNamespace, SjsProgram } from '../core/interpreter';
import type { CompiledAxml, CompiledSjs } from '../core/ir';
import { normalize } from '../../runtime/core/paths';

interface ViewPackage {
  templates: Record<string, CompiledAxml>;
  sjs: Record<string, CompiledSjs>;
  styles: Record<string, string>;
}

type RunSjs = (
  program: SjsProgram,
  importModule: (from: string) => SjsNamespace,
  log?: (...args: unknown[]) => void,
) => SjsNamespace;

export class ViewPackages {
  private readonly loading = new Map<string, Promise<void>>();
  private readonly templates = new Map<string, CompiledAxml>();
  private readonly sjsSources = new Map<string, CompiledSjs>();
  private readonly styles = new Map<string, string>();
  private readonly modules = new Map<string, SjsNamespace | Error>();
  private readonly running = new Set<string>();
  roots: string[] = [];

  constructor(private readonly origin: string) {}

  rootOf(route: string): string {
    return this.roots.find((root) => route === root || route.startsWith(`${root}/`)) ?? '';
  }

  private load(root: string): Promise<void> {
    let pending = this.loading.get(root);
    if (!pending) {
      pending = fetch(`${this.origin}/__sim/package?layer=view&root=${encodeURIComponent(root)}`)
        .then(async (response) => {
          if (!response.ok) {
            const body = (await response.json().catch(() => ({}))) as { error?: string };
            throw new Error(body.error ?? `HTTP ${response.status}`);
          }
          return response.json() as Promise<ViewPackage>;
        })
        .then((pkg) => {
          for (const [path, template] of Object.entries(pkg.templates)) this.templates.set(path, template);
          for (const [path, sjs] of Object.entries(pkg.sjs)) this.sjsSources.set(path, sjs);
          for (const [path, css] of Object.entries(pkg.styles)) this.styles.set(path, css);
        });
      this.loading.set(root, pending);
      pending.catch(() => this.loading.delete(root));
    }
    return pending;
  }

  /** The main package, plus the subpackage of `route` when it is in one. */
  async ensure(route: string): Promise<void> {
    await this.load('');
    const root = this.rootOf(normalize(route));
    if (root) await this.load(root);
  }

  template(path: string): CompiledAxml | undefined {
    return this.templates.get(normalize(path));
  }

  style(path: string): string | undefined {
    return this.styles.get(normalize(path));
  }

  sjsModule(path: string, importFrom: (from: string, importer: string) => SjsNamespace, run: RunSjs): SjsNamespace {
    const key = normalize(path);
    const cached = this.modules.get(key);
    if (cached instanceof Error) throw cached;
    if (cached) return cached;
    const source = this.sjsSources.get(key);
    if (!source) throw new Error(`${key} is not in dist/`);
    if (source.error || !source.program) throw new Error(source.error ?? `${key} did not parse`);
    if (this.running.has(key)) throw new Error(`${key} imports itself`);
    this.running.add(key);
    try {
      const namespace = run(
        source.program,
        (from) => importFrom(from, key),
        (...args) => console.log(`[sjs ${key}]`, ...args),
      );
      this.modules.set(key, namespace);
      return namespace;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.modules.set(key, failure);
      throw failure;
    } finally {
      this.running.delete(key);
    }
  }
}
