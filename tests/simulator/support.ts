/** Helpers for the simulator's unit tests: compile AXML from strings and render it without a DOM. */
import { runSjsModule, type SjsNamespace } from '../../simulator/core/interpreter';
import type { CompiledAxml } from '../../simulator/core/ir';
import { resolveFrom } from '../../runtime/core/paths';
import {
  renderOwner,
  type ComponentRequest,
  type ComponentState,
  type RenderHost,
  type VElement,
  type VNode,
} from '../../simulator/core/render';
import { compileAxml, compileSjs } from '../../simulator/server/compile';

export interface FakeComponent {
  /** Template of the component, by file name in `files`. */
  template: string;
  data?: Record<string, unknown>;
  defaults?: Record<string, unknown>;
  components?: Record<string, string>;
}

/** A render host over in-memory files: `files` maps dist paths to AXML/SJS text. */
export class TestHost implements RenderHost {
  readonly requests: ComponentRequest[] = [];
  private readonly sjsCache = new Map<string, SjsNamespace>();
  private ids = 0;
  private readonly states = new Map<string, ComponentState>();

  constructor(
    readonly files: Record<string, string>,
    readonly components: Record<string, FakeComponent> = {},
  ) {}

  file(path: string): CompiledAxml | undefined {
    const source = this.files[path];
    return source === undefined ? undefined : compileAxml(path, source, (p) => this.files[p]);
  }

  sjs(path: string): SjsNamespace {
    const cached = this.sjsCache.get(path);
    if (cached) return cached;
    const compiled = compileSjs(path, this.files[path] ?? '');
    if (!compiled.program) throw new Error(compiled.error ?? `${path} missing`);
    const namespace = runSjsModule(compiled.program, (from) => this.sjs(resolveFrom(path, from)));
    this.sjsCache.set(path, namespace);
    return namespace;
  }

  component(request: ComponentRequest): ComponentState {
    this.requests.push(request);
    const existing = this.states.get(request.identity);
    if (existing) return existing;
    const definition = this.components[request.path];
    const id = `c${++this.ids}`;
    const state: ComponentState = definition
      ? {
          id,
          ready: true,
          props: { ...definition.defaults, ...request.props },
          data: { ...definition.data },
          file: this.file(definition.template),
          components: definition.components ?? {},
        }
      : { id, ready: false, props: {}, data: {}, components: {} };
    this.states.set(request.identity, state);
    return state;
  }
}

/** Renders `axml` (as pages/index/index.axml) with `data`. */
export function render(
  axml: string,
  data: Record<string, unknown> = {},
  options: {
    files?: Record<string, string>;
    components?: Record<string, FakeComponent>;
    using?: Record<string, string>;
  } = {},
): { nodes: VNode[]; host: TestHost } {
  const host = new TestHost({ 'pages/index/index.axml': axml, ...options.files }, options.components);
  const file = host.file('pages/index/index.axml') as CompiledAxml;
  const nodes = renderOwner({ id: 'p1', file, data, components: options.using ?? {} }, host);
  return { nodes, host };
}

/** Text of the rendered tree, elements as `<tag>…</tag>`, errors as `[error: …]`. */
export function html(nodes: VNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text.replace(/\s+/g, ' ');
      if (node.kind === 'error') return `[error: ${node.message}]`;
      const cls = node.attrs.class ? ` class="${String(node.attrs.class)}"` : '';
      return `<${node.tag}${cls}>${html(node.children)}</${node.tag}>`;
    })
    .join('');
}

export function elements(nodes: VNode[]): VElement[] {
  const out: VElement[] = [];
  const walk = (list: VNode[]) => {
    for (const node of list)
      if (node.kind === 'el') {
        out.push(node);
        walk(node.children);
      }
  };
  walk(nodes);
  return out;
}
