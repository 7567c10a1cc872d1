/**
 * AXML and SJS → the simulator's compiled form (ir.ts), on the server: @wxml/parser reads the markup and
 * acorn parses every `{{ }}` expression and SJS module. What cannot be compiled becomes an error node, which
 * the view shows as a red box where it happened.
 */
import * as acorn from 'acorn';
import type { Expr, SjsProgram } from '../core/interpreter';
import type {
  CompiledAxml,
  CompiledSjs,
  ElementNode,
  ForLoop,
  IrNode,
  KeySpec,
  SjsImport,
  SlotNode,
  Value,
} from '../core/ir';
import { resolveFrom, withExtension } from '../../runtime/core/paths';
import {
  parseAxml,
  sjsImports,
  type Attribute as WxAttribute,
  type Element as WxElement,
  type AxmlNode as WxNode,
  type Interpolation as WxInterpolation,
  type TextNode as WxText,
} from '../../scripts/lib/axml';

const ACORN_OPTIONS: acorn.Options = { ecmaVersion: 2022, sourceType: 'module' };

/** Drops positions so the JSON sent to the browser stays small. */
function strip<T>(node: T): T {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) =>
      key === 'start' || key === 'end' || key === 'raw' ? undefined : value,
    ),
  ) as T;
}

/**
 * Parses one `{{ }}` body. Throws a SyntaxError naming the expression when it does not parse whole. A body in
 * parentheses (`{{({ item, index })}}`) is one expression too.
 */
export function parseExpression(source: string): Expr {
  let program: acorn.Program;
  try {
    program = acorn.parse(`(${source}\n)`, ACORN_OPTIONS);
  } catch {
    // Name what is left over after the longest expression, as that is the usual mistake.
    const expression = acorn.parseExpressionAt(source, 0, ACORN_OPTIONS);
    const rest = source.slice(expression.end).replace(/^\s*\)/, '');
    throw new SyntaxError(`unexpected "${rest.trim()}" in {{${source}}}`);
  }
  const statement = program.body[0];
  if (program.body.length !== 1 || statement.type !== 'ExpressionStatement')
    throw new SyntaxError(`{{${source}}} is not one expression`);
  return strip(statement.expression as unknown as Expr);
}

/** `{{ ...a, b: 1 }}`, `{{ a, b }}`: the object-literal form a template's `data` may use (/mini/framework/data-binding). */
export function parseObjectExpression(source: string): Expr {
  try {
    return parseExpression(`{${source}}`);
  } catch {
    return parseExpression(source);
  }
}

function tryParse(source: string, parser: (s: string) => Expr = parseExpression): Expr | { err: string } {
  try {
    return parser(source);
  } catch (error) {
    return { err: `{{${source.trim()}}}: ${(error as Error).message.replace(/ \(\d+:\d+\)$/, '')}` };
  }
}

function isErr(value: unknown): value is { err: string } {
  return typeof value === 'object' && value !== null && 'err' in value;
}

/** A run of text and interpolations → a Value. */
function toValue(parts: Array<WxText | WxInterpolation>, parser?: (s: string) => Expr): Value {
  const out: Array<string | Expr> = [];
  for (const part of parts) {
    if (part.type === 'WXComment') continue;
    if (part.type === 'WXText') {
      if (typeof out[out.length - 1] === 'string') out[out.length - 1] += part.value;
      else out.push(part.value);
      continue;
    }
    const parsed = tryParse(part.value, parser);
    if (isErr(parsed)) return parsed;
    out.push(parsed);
  }
  if (out.length === 1 && typeof out[0] !== 'string') return { e: out[0] };
  if (out.every((part) => typeof part === 'string')) return { s: out.join('') };
  return { p: out };
}

function attributeValue(attribute: WxAttribute, parser?: (s: string) => Expr): Value {
  if (attribute.value === null) return { b: true };
  const children = attribute.children ?? [];
  if (children.length === 0) return { s: attribute.value };
  return toValue(children, parser);
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

export type FileReader = (path: string) => string | undefined;

interface CompileState {
  path: string;
  source: string;
  read: FileReader;
  nextId: { value: number };
  templates: Record<string, IrNode[]>;
  imports: string[];
  sjs: SjsImport[];
  errors: Array<{ message: string; line: number }>;
  /** Files being included, to stop include cycles. */
  including: string[];
}

const DIRECTIVES = new Set(['a:if', 'a:elif', 'a:else', 'a:for', 'a:for-item', 'a:for-index', 'a:key', 'key']);

function errorNode(state: CompileState, message: string, offset: number): IrNode {
  const line = lineAt(state.source, offset);
  state.errors.push({ message, line });
  return { k: 'error', message: `${state.path}:${line}: ${message}`, line };
}

function keySpec(attrs: Map<string, WxAttribute>): KeySpec | undefined {
  const aKey = attrs.get('a:key');
  if (aKey && aKey.value !== null) {
    const raw = aKey.value.trim();
    if (raw === '*this') return { self: true };
    if (!raw.includes('{{')) return { field: raw };
    return { value: attributeValue(aKey) };
  }
  const key = attrs.get('key');
  if (key && key.value !== null) return { value: attributeValue(key) };
  return undefined;
}

interface Pending {
  node: IrNode;
  ifValue?: Value;
  elif?: Value;
  isElse?: boolean;
  offset: number;
}

function compileChildren(nodes: WxNode[], state: CompileState): IrNode[] {
  const pending: Pending[] = [];
  let textRun: Array<WxText | WxInterpolation> = [];
  const flushText = () => {
    const meaningful = textRun.some((piece) => piece.type === 'WXInterpolation' || piece.value.trim() !== '');
    // whitespace alone between tags is layout, not content
    if (meaningful) pending.push({ node: { k: 'text', v: toValue(textRun) }, offset: textRun[0].start });
    textRun = [];
  };
  for (const child of nodes) {
    if (child.type === 'WXComment') continue;
    if (child.type === 'WXText' || child.type === 'WXInterpolation') {
      textRun.push(child);
      continue;
    }
    flushText();
    const compiled = compileElement(child as WxElement, state);
    if (compiled) pending.push(compiled);
  }
  flushText();
  const out: IrNode[] = [];
  for (let i = 0; i < pending.length; i++) {
    const item = pending[i];
    if (item.elif || item.isElse) {
      out.push(errorNode(state, `${item.elif ? 'a:elif' : 'a:else'} without a preceding a:if`, item.offset));
      continue;
    }
    if (!item.ifValue) {
      out.push(item.node);
      continue;
    }
    const branches: Array<{ test: Value | null; node: IrNode }> = [{ test: item.ifValue, node: item.node }];
    while (i + 1 < pending.length) {
      const next = pending[i + 1];
      if (next.elif) branches.push({ test: next.elif, node: next.node });
      else if (next.isElse) branches.push({ test: null, node: next.node });
      else break;
      i++;
      if (next.isElse) break;
    }
    out.push({ k: 'cond', branches });
  }
  return out;
}

function compileElement(element: WxElement, state: CompileState): Pending | null {
  const attrs = new Map<string, WxAttribute>();
  for (const attribute of element.startTag.attributes) attrs.set(attribute.key, attribute);
  const tag = element.name;
  const offset = element.start;
  const line = lineAt(state.source, offset);
  const children = element.children ?? [];

  // ---- file-level tags ----
  if (tag === 'import' || tag === 'include') {
    const src = attrs.get('src')?.value;
    if (!src) return { node: errorNode(state, `<${tag}> needs a src`, offset), offset };
    const resolved = withExtension(resolveFrom(state.path, src), '.axml');
    if (tag === 'import') {
      if (state.read(resolved) === undefined)
        return { node: errorNode(state, `<import src="${src}">: ${resolved} not found`, offset), offset };
      state.imports.push(resolved);
      return null;
    }
    return { node: includeFile(resolved, src, offset, state), offset };
  }
  if (tag === 'import-sjs') {
    const from = attrs.get('from')?.value;
    const name = attrs.get('name')?.value;
    if (!from || !name) return { node: errorNode(state, '<import-sjs> needs from and name', offset), offset };
    const resolved = resolveFrom(state.path, from);
    if (/^[({]/.test(name.trim())) state.sjs.push({ from: resolved, named: sjsImports(name) });
    else state.sjs.push({ from: resolved, name: name.trim() });
    return null;
  }
  if (tag === 'template' && attrs.has('name')) {
    const name = attrs.get('name')?.value ?? '';
    state.templates[name] = compileChildren(children, state);
    return null;
  }

  // ---- directives ----
  const pending: Pending = { node: { k: 'error', message: '', line }, offset };
  let forLoop: ForLoop | undefined;
  const forAttr = attrs.get('a:for');
  if (forAttr) {
    forLoop = {
      list: attributeValue(forAttr),
      item: attrs.get('a:for-item')?.value?.trim() || 'item',
      index: attrs.get('a:for-index')?.value?.trim() || 'index',
      key: keySpec(attrs),
    };
  }
  const ifAttr = attrs.get('a:if');
  const ifValue = ifAttr ? attributeValue(ifAttr) : undefined;
  const elifAttr = attrs.get('a:elif');
  if (elifAttr) pending.elif = attributeValue(elifAttr);
  if (attrs.has('a:else')) pending.isElse = true;
  if (ifValue && !forLoop) pending.ifValue = ifValue;

  const unknownDirective = [...attrs.keys()].find((key) => key.startsWith('a:') && !DIRECTIVES.has(key));
  const id = ++state.nextId.value;
  const base = { id, line, for: forLoop, if: forLoop ? ifValue : undefined };

  if (unknownDirective) {
    pending.node = errorNode(state, `directive ${unknownDirective} is not supported by the simulator`, offset);
    return pending;
  }

  if (tag === 'template') {
    const is = attrs.get('is');
    if (!is) {
      pending.node = errorNode(state, '<template> needs name or is', offset);
      return pending;
    }
    const data = attrs.get('data');
    pending.node = {
      k: 'call',
      ...base,
      is: attributeValue(is),
      data: data ? attributeValue(data, parseObjectExpression) : undefined,
    };
    return pending;
  }

  const ownAttrs: Array<[string, Value]> = [];
  for (const [key, attribute] of attrs) if (!DIRECTIVES.has(key)) ownAttrs.push([key, attributeValue(attribute)]);

  if (tag === 'slot') {
    const nameAttr = ownAttrs.find(([key]) => key === 'name');
    const slot: SlotNode = {
      k: 'slot',
      ...base,
      name: nameAttr ? nameAttr[1] : null,
      attrs: ownAttrs.filter(([key]) => key !== 'name'),
      children: compileChildren(children, state),
    };
    pending.node = slot;
    return pending;
  }

  const node: ElementNode = { k: 'el', ...base, tag, attrs: ownAttrs, children: compileChildren(children, state) };
  pending.node = node;
  return pending;
}

function includeFile(resolved: string, src: string, offset: number, state: CompileState): IrNode {
  if (state.including.includes(resolved)) return errorNode(state, `<include src="${src}"> includes itself`, offset);
  const source = state.read(resolved);
  if (source === undefined) return errorNode(state, `<include src="${src}">: ${resolved} not found`, offset);
  const inner: CompileState = {
    ...state,
    path: resolved,
    source,
    templates: {},
    including: [...state.including, resolved],
  };
  const body = compileSource(inner);
  // include copies everything but <template> definitions (/mini/framework/import)
  return {
    k: 'el',
    id: ++state.nextId.value,
    line: lineAt(state.source, offset),
    tag: 'block',
    attrs: [],
    children: body,
  };
}

function compileSource(state: CompileState): IrNode[] {
  const document = parseAxml(state.source);
  const body: IrNode[] = [];
  for (const error of document.errors ?? []) body.push(errorNode(state, `AXML syntax: ${error.value}`, error.start));
  body.push(...compileChildren(document.body, state));
  return body;
}

/** Compiles one AXML file. `read` returns other dist files (for include/import checks), by dist path. */
export function compileAxml(path: string, source: string, read: FileReader): CompiledAxml {
  const state: CompileState = {
    path,
    source,
    read,
    nextId: { value: 0 },
    templates: {},
    imports: [],
    sjs: [],
    errors: [],
    including: [path],
  };
  const body = compileSource(state);
  return { path, body, templates: state.templates, imports: state.imports, sjs: state.sjs, errors: state.errors };
}

/** Parses an SJS module (ES module syntax). */
export function compileSjs(path: string, source: string): CompiledSjs {
  try {
    const program = acorn.parse(source, ACORN_OPTIONS) as unknown as SjsProgram;
    return { path, program: strip(program) };
  } catch (error) {
    return { path, error: `${path}: ${(error as Error).message}` };
  }
}

/** ACSS `@import "x.acss";` inlined (the view gets one stylesheet per file). */
export function inlineAcssImports(path: string, source: string, read: FileReader, seen: string[] = [path]): string {
  return source.replace(/@import\s+(?:url\()?["']([^"']+)["']\)?\s*;/g, (_match, spec: string) => {
    const resolved = resolveFrom(path, spec);
    if (seen.includes(resolved)) return '';
    const imported = read(resolved);
    if (imported === undefined) return `/* @import ${spec}: ${resolved} not found */`;
    return inlineAcssImports(resolved, imported, read, [...seen, resolved]);
  });
}
