/**
 * AXML's rendering rules, without a DOM: compiled templates (ir.ts) + data → virtual nodes. The browser
 * view patches the DOM from these; unit tests read them directly.
 *
 * - `a:for` before `a:if` on the same node; `a:if`/`a:elif`/`a:else` chains (/mini/framework/conditional-render)
 * - `<block>` and custom components leave no element of their own (components are "virtual hosts")
 * - `<template is data>`: the template sees only `data`; imported files give only their own templates
 * - slots: default, named (`slot="x"`), scoped (`slot-scope="props"` sees the slot's attributes)
 * - custom components: attributes become props; `onX="name"` becomes a function prop of the owner
 */
import { EvalError, evaluateExpression, Scope, type Expr, type SjsNamespace } from './interpreter';
import type { CompiledAxml, ForLoop, IrNode, KeySpec, SlotNode, Value } from './ir';

export interface Handler {
  /** Method name in the owner (page or component). */
  name: string;
  /** `catchX`: does not bubble further. */
  catch: boolean;
}

export interface VElement {
  kind: 'el';
  tag: string;
  /** From a:key / key, scoped to the list it came from. */
  key: string | null;
  /** Attributes other than events and data-*, evaluated. */
  attrs: Record<string, unknown>;
  dataset: Record<string, unknown>;
  /** Event type (`tap`, `input`, `change`…) → handler. */
  handlers: Record<string, Handler>;
  /** View id of the page or component whose template produced this element (where events go). */
  owner: string;
  /**
   * The template node (and list item) it comes from. The view reuses an element only for the same origin, as
   * Alipay does: an `a:if` sibling that appears or goes never turns one element into another.
   */
  origin: string;
  children: VNode[];
}
export interface VText {
  kind: 'text';
  text: string;
}
/** A red box: something the simulator cannot render or a template error. */
export interface VError {
  kind: 'error';
  message: string;
}
export type VNode = VElement | VText | VError;

/** A function prop as it crosses to the logic layer: the owner's method to call. */
export interface FunctionProp {
  __fn: string;
  owner: string;
}

export interface ComponentRequest {
  /** Stable while the same node of the same owner renders the same list item: reused across renders. */
  identity: string;
  /** Component path from the dist root, e.g. `npm/antd-mini/es/Button/index`. */
  path: string;
  tag: string;
  props: Record<string, unknown>;
  /** The page or component that renders it. */
  owner: string;
  ref?: string;
}

/** What the view knows about a component instance the logic layer created. */
export interface ComponentState {
  id: string;
  /** False until the logic layer sent its initial props and data. */
  ready: boolean;
  props: Record<string, unknown>;
  data: Record<string, unknown>;
  file?: CompiledAxml;
  /** usingComponents of the component (tag → path). */
  components: Record<string, string>;
  /** A load problem (missing template…), shown as a red box. */
  error?: string;
}

/** What the renderer needs from its surroundings. */
export interface RenderHost {
  /** A compiled AXML file by dist path (imports, component templates). */
  file(path: string): CompiledAxml | undefined;
  /** An SJS module's namespace by dist path; throws when it fails. */
  sjs(path: string): SjsNamespace;
  /** Finds or creates the component for this node. */
  component(request: ComponentRequest): ComponentState;
}

/** The page or component being rendered. */
export interface Owner {
  id: string;
  file: CompiledAxml;
  data: Record<string, unknown>;
  /** Component props (data wins over props of the same name). */
  props?: Record<string, unknown>;
  components: Record<string, string>;
  /** Slot content given by the parent, for a component. */
  slots?: SlotContent;
}

interface SlotContent {
  nodes: IrNode[];
  ctx: Context;
  scope: Scope;
}

interface Context {
  owner: Owner;
  host: RenderHost;
  /** Identity path of enclosing list items and template calls. */
  path: string;
  /** Template names visible here → nodes and the file they came from. */
  templates: Map<string, { nodes: IrNode[]; file: CompiledAxml }>;
  /** Template call depth, to stop runaway recursion. */
  depth: number;
}

export const BUILTIN_TAGS = new Set([
  'view',
  'text',
  'image',
  'button',
  'input',
  'textarea',
  'scroll-view',
  'swiper',
  'swiper-item',
  'movable-area',
  'movable-view',
  'navigator',
  'form',
  'label',
  'checkbox',
  'checkbox-group',
  'radio',
  'radio-group',
  'switch',
  'slider',
  'picker-view',
  'picker-view-column',
  'picker',
  'icon',
  'progress',
  'cover-view',
  'cover-image',
  'page-meta',
  // labeled stand-ins
  'camera',
  'video',
  'map',
  'canvas',
  'web-view',
  'lottie',
]);

const EVENT_ATTR = /^(on|catch)([A-Z][A-Za-z]*)$/;
const NOT_PROPS = new Set(['slot', 'slot-scope', 'ref', 'key']);

export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** How a value shows as text: undefined and null show nothing; objects as JSON. */
export function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export function evaluateValue(value: Value, scope: Scope): unknown {
  if ('s' in value) return value.s;
  if ('b' in value) return true;
  if ('e' in value) return evaluateExpression(value.e, scope);
  if ('p' in value)
    return value.p
      .map((part) => (typeof part === 'string' ? part : toText(evaluateExpression(part as Expr, scope))))
      .join('');
  throw new EvalError(value.err);
}

function errorText(ctx: Context, line: number | undefined, what: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${ctx.owner.file.path}${line ? `:${line}` : ''}: ${what}: ${message}`;
}

/** Builds the scope an owner's template sees: sjs modules, then data, then props. */
export function ownerScope(owner: Owner, host: RenderHost, file: CompiledAxml = owner.file): Scope {
  const base = owner.props ? Scope.of(owner.props) : null;
  const dataScope = Scope.of(owner.data, base);
  return sjsScope(file, host, dataScope);
}

function sjsScope(file: CompiledAxml, host: RenderHost, parent: Scope | null): Scope {
  if (file.sjs.length === 0) return parent ?? Scope.of({});
  const modules: Record<string, unknown> = {};
  for (const entry of file.sjs) {
    let namespace: SjsNamespace;
    try {
      namespace = host.sjs(entry.from);
    } catch (error) {
      // A broken module shows where it is used: calls to it fail with this message.
      const message = `import-sjs ${entry.from}: ${(error as Error).message}`;
      if (entry.name) modules[entry.name] = brokenModule(message);
      for (const [, local] of entry.named ?? []) modules[local] = brokenModule(message);
      continue;
    }
    if (entry.name) modules[entry.name] = namespace.default;
    for (const [exported, local] of entry.named ?? []) modules[local] = namespace[exported];
  }
  return Scope.of(modules, parent);
}

function brokenModule(message: string): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get() {
        throw new EvalError(message);
      },
      has() {
        return true;
      },
    },
  );
}

function visibleTemplates(file: CompiledAxml, host: RenderHost): Map<string, { nodes: IrNode[]; file: CompiledAxml }> {
  const out = new Map<string, { nodes: IrNode[]; file: CompiledAxml }>();
  for (const path of file.imports) {
    const imported = host.file(path);
    if (!imported) continue;
    for (const [name, nodes] of Object.entries(imported.templates)) out.set(name, { nodes, file: imported });
  }
  for (const [name, nodes] of Object.entries(file.templates)) out.set(name, { nodes, file });
  return out;
}

/** Renders an owner's whole template. */
export function renderOwner(owner: Owner, host: RenderHost): VNode[] {
  const ctx: Context = { owner, host, path: '', templates: visibleTemplates(owner.file, host), depth: 0 };
  let scope: Scope;
  try {
    scope = ownerScope(owner, host);
  } catch (error) {
    return [{ kind: 'error', message: errorText(ctx, undefined, 'import-sjs', error) }];
  }
  if (owner.props) scope.declare('$id', owner.id.replace(/^\D+/, ''), false);
  return renderNodes(owner.file.body, scope, ctx);
}

function renderNodes(nodes: IrNode[], scope: Scope, ctx: Context): VNode[] {
  const out: VNode[] = [];
  for (const node of nodes)
    forEachInstance(node, scope, ctx, (instance, itemScope, itemCtx, key) => {
      out.push(...renderInstance(instance, itemScope, itemCtx, key));
    });
  return out;
}

type InstanceCallback = (node: IrNode, scope: Scope, ctx: Context, key: string | null) => void;

function loopKey(spec: KeySpec | undefined, item: unknown, scope: Scope): string | null {
  if (!spec) return null;
  if ('self' in spec) return toText(item);
  if ('field' in spec)
    return toText(
      item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[spec.field] : undefined,
    );
  return toText(evaluateValue(spec.value, scope));
}

function listOf(value: unknown): Array<[unknown, unknown]> {
  if (Array.isArray(value)) return value.map((item, index) => [item, index]);
  if (typeof value === 'number') return Array.from({ length: Math.max(0, Math.floor(value)) }, (_, i) => [i, i]);
  if (typeof value === 'string') return Array.from(value).map((ch, i) => [ch, i]);
  if (value && typeof value === 'object')
    return Object.keys(value).map((key) => [(value as Record<string, unknown>)[key], key]);
  return [];
}

/** Expands a node's a:for / a:if / chain into the instances to render. */
function forEachInstance(node: IrNode, scope: Scope, ctx: Context, emit: InstanceCallback): void {
  if (node.k === 'cond') {
    for (const branch of node.branches) {
      let pass: boolean;
      try {
        pass = branch.test === null || Boolean(evaluateValue(branch.test, scope));
      } catch (error) {
        emit({ k: 'error', message: errorText(ctx, lineOf(branch.node), 'a:if', error), line: 0 }, scope, ctx, null);
        return;
      }
      if (pass) {
        forEachInstance(branch.node, scope, ctx, emit);
        return;
      }
    }
    return;
  }
  if (node.k === 'text' || node.k === 'error' || !node.for) {
    emit(node, scope, ctx, null);
    return;
  }
  const loop: ForLoop = node.for;
  let list: Array<[unknown, unknown]>;
  try {
    list = listOf(evaluateValue(loop.list, scope));
  } catch (error) {
    emit({ k: 'error', message: errorText(ctx, node.line, 'a:for', error), line: node.line }, scope, ctx, null);
    return;
  }
  const bare = { ...node, for: undefined, if: undefined } as IrNode;
  list.forEach(([item, index], position) => {
    const itemScope = Scope.of({ [loop.item]: item, [loop.index]: index }, scope);
    let key: string | null;
    try {
      key = loopKey(loop.key, item, itemScope);
    } catch (error) {
      emit({ k: 'error', message: errorText(ctx, node.line, 'a:key', error), line: node.line }, scope, ctx, null);
      return;
    }
    if (node.if) {
      try {
        if (!evaluateValue(node.if, itemScope)) return;
      } catch (error) {
        emit({ k: 'error', message: errorText(ctx, node.line, 'a:if', error), line: node.line }, itemScope, ctx, null);
        return;
      }
    }
    const itemCtx: Context = { ...ctx, path: `${ctx.path}/${node.id}[${key ?? position}]` };
    emit(bare, itemScope, itemCtx, key === null ? null : `${node.id}:${key}`);
  });
}

function lineOf(node: IrNode): number | undefined {
  return 'line' in node ? node.line : undefined;
}

function renderInstance(node: IrNode, scope: Scope, ctx: Context, key: string | null): VNode[] {
  switch (node.k) {
    case 'text':
      try {
        return [{ kind: 'text', text: toText(evaluateValue(node.v, scope)) }];
      } catch (error) {
        return [{ kind: 'error', message: errorText(ctx, undefined, 'text', error) }];
      }
    case 'error':
      return [{ kind: 'error', message: node.message }];
    case 'cond':
      return renderNodes([node], scope, ctx);
    case 'call':
      return renderCall(node, scope, ctx);
    case 'slot':
      return renderSlot(node, scope, ctx);
    case 'el':
      if (node.tag === 'block') return renderNodes(node.children, scope, ctx);
      if (Object.prototype.hasOwnProperty.call(ctx.owner.components, node.tag))
        return renderComponent(node, scope, ctx, key);
      if (!BUILTIN_TAGS.has(node.tag))
        return [
          {
            kind: 'error',
            message: `${ctx.owner.file.path}:${node.line}: <${node.tag}> is not a built-in component the simulator supports, nor in usingComponents`,
          },
        ];
      return renderElement(node, scope, ctx, key);
  }
}

function renderElement(node: Extract<IrNode, { k: 'el' }>, scope: Scope, ctx: Context, key: string | null): VNode[] {
  const element: VElement = {
    kind: 'el',
    tag: node.tag,
    key,
    attrs: {},
    dataset: {},
    handlers: {},
    owner: ctx.owner.id,
    origin: `${ctx.path}/${node.id}`,
    children: [],
  };
  for (const [name, value] of node.attrs) {
    if (name === 'slot' || name === 'slot-scope') continue;
    let evaluated: unknown;
    try {
      evaluated = evaluateValue(value, scope);
    } catch (error) {
      return [{ kind: 'error', message: errorText(ctx, node.line, `<${node.tag} ${name}>`, error) }];
    }
    const event = EVENT_ATTR.exec(name);
    if (event) {
      if (typeof evaluated === 'string' && evaluated !== '')
        element.handlers[lowerFirst(event[2])] = { name: evaluated, catch: event[1] === 'catch' };
      continue;
    }
    if (name.startsWith('data-')) element.dataset[camelCase(name.slice(5))] = evaluated;
    else element.attrs[name] = evaluated;
  }
  element.children = renderNodes(node.children, scope, ctx);
  return [element];
}

function renderComponent(node: Extract<IrNode, { k: 'el' }>, scope: Scope, ctx: Context, key: string | null): VNode[] {
  const props: Record<string, unknown> = {};
  let ref: string | undefined;
  for (const [name, value] of node.attrs) {
    let evaluated: unknown;
    try {
      evaluated = evaluateValue(value, scope);
    } catch (error) {
      return [{ kind: 'error', message: errorText(ctx, node.line, `<${node.tag} ${name}>`, error) }];
    }
    if (name === 'ref') {
      if (typeof evaluated === 'string' && evaluated) ref = evaluated;
      continue;
    }
    if (NOT_PROPS.has(name)) continue;
    if (EVENT_ATTR.test(name)) {
      if (typeof evaluated === 'string' && evaluated !== '')
        props[name] = { __fn: evaluated, owner: ctx.owner.id } satisfies FunctionProp;
      continue;
    }
    props[name] = evaluated;
  }
  const path = ctx.owner.components[node.tag];
  const identity = `${ctx.owner.id}${ctx.path}/${node.id}${key === null ? '' : `#${key}`}`;
  const state = ctx.host.component({ identity, path, tag: node.tag, props, owner: ctx.owner.id, ref });
  if (state.error) return [{ kind: 'error', message: `<${node.tag}> (${path}): ${state.error}` }];
  if (!state.ready || !state.file) return [];
  const owner: Owner = {
    id: state.id,
    file: state.file,
    data: state.data,
    props: state.props,
    components: state.components,
    slots: { nodes: node.children, ctx, scope },
  };
  return renderOwner(owner, ctx.host);
}

function renderCall(node: Extract<IrNode, { k: 'call' }>, scope: Scope, ctx: Context): VNode[] {
  let name: string;
  let data: unknown;
  try {
    name = toText(evaluateValue(node.is, scope));
    data = node.data ? evaluateValue(node.data, scope) : {};
  } catch (error) {
    return [{ kind: 'error', message: errorText(ctx, node.line, '<template is>', error) }];
  }
  const template = ctx.templates.get(name);
  if (!template)
    return [
      { kind: 'error', message: `${ctx.owner.file.path}:${node.line}: <template is="${name}">: no such template` },
    ];
  if (ctx.depth > 20)
    return [{ kind: 'error', message: `${ctx.owner.file.path}:${node.line}: <template is="${name}"> nests too deep` }];
  const values = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  let templateScope: Scope;
  try {
    templateScope = sjsScope(template.file, ctx.host, Scope.of(values));
  } catch (error) {
    return [{ kind: 'error', message: errorText(ctx, node.line, 'import-sjs', error) }];
  }
  const inner: Context = {
    ...ctx,
    path: `${ctx.path}/t${node.id}`,
    templates: template.file === ctx.owner.file ? ctx.templates : visibleTemplates(template.file, ctx.host),
    depth: ctx.depth + 1,
  };
  return renderNodes(template.nodes, templateScope, inner);
}

function slotNameOf(node: IrNode, scope: Scope): string | null {
  if (node.k !== 'el' && node.k !== 'call' && node.k !== 'slot') return '';
  if (node.k !== 'el') return '';
  const attr = node.attrs.find(([name]) => name === 'slot');
  if (!attr) return '';
  try {
    return toText(evaluateValue(attr[1], scope));
  } catch {
    return null;
  }
}

function renderSlot(node: SlotNode, scope: Scope, ctx: Context): VNode[] {
  let name = '';
  const slotProps: Record<string, unknown> = {};
  try {
    if (node.name) name = toText(evaluateValue(node.name, scope));
    for (const [attr, value] of node.attrs) slotProps[attr] = evaluateValue(value, scope);
  } catch (error) {
    return [{ kind: 'error', message: errorText(ctx, node.line, '<slot>', error) }];
  }
  const content = ctx.owner.slots;
  const out: VNode[] = [];
  if (content) {
    for (const child of content.nodes)
      forEachInstance(child, content.scope, content.ctx, (instance, itemScope, itemCtx, key) => {
        if (slotNameOf(instance, itemScope) !== name) return;
        let instanceScope = itemScope;
        if (instance.k === 'el') {
          const scopeAttr = instance.attrs.find(([attr]) => attr === 'slot-scope');
          if (scopeAttr && 's' in scopeAttr[1])
            instanceScope = Scope.of({ [scopeAttr[1].s.trim()]: slotProps }, itemScope);
        }
        const slotCtx: Context = { ...itemCtx, path: `${itemCtx.path}/s${node.id}` };
        out.push(...renderInstance(instance, instanceScope, slotCtx, key));
      });
  }
  if (out.length > 0) return out;
  return renderNodes(node.children, scope, ctx);
}
