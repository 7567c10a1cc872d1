/**
 * The compiled form of an AXML file that the simulator's server sends to the view layer: a tree of nodes
 * whose `{{ }}` expressions are already parsed (ESTree, as JSON). Directives (`a:if`, `a:for`, …) are
 * turned into fields; `<include>` is inlined; `<template name>` definitions are collected apart.
 */
import type { Expr, SjsProgram } from './interpreter';

/** An attribute value or a text run. */
export type Value =
  /** Plain text. */
  | { s: string }
  /** A bare attribute (`<title loading>`): `true`. */
  | { b: true }
  /** Exactly one `{{ }}`: the expression's own value, not a string. */
  | { e: Expr }
  /** Text and `{{ }}` mixed: always a string. */
  | { p: Array<string | Expr> }
  /** An expression that did not parse: rendered as a red error box. */
  | { err: string };

/** How a:key / key identifies list items (/mini/framework/list-render). */
export type KeySpec = { self: true } | { field: string } | { value: Value };

export interface ForLoop {
  list: Value;
  item: string;
  index: string;
  key?: KeySpec;
}

interface Directives {
  /** Unique within its file: part of a component instance's identity. */
  id: number;
  line: number;
  for?: ForLoop;
  /** a:if on an element that also has a:for: checked for each item. */
  if?: Value;
}

export interface ElementNode extends Directives {
  k: 'el';
  tag: string;
  attrs: Array<[string, Value]>;
  children: IrNode[];
}

export interface TextNode {
  k: 'text';
  v: Value;
}

/** An a:if / a:elif / a:else chain. A branch with `test: null` is the a:else. */
export interface CondNode {
  k: 'cond';
  branches: Array<{ test: Value | null; node: IrNode }>;
}

/** `<template is="…" data="{{…}}">` */
export interface CallNode extends Directives {
  k: 'call';
  is: Value;
  data?: Value;
}

/** `<slot name="…" x="{{…}}">fallback</slot>` in a component's template. */
export interface SlotNode extends Directives {
  k: 'slot';
  name: Value | null;
  /** Values offered to slot-scope. */
  attrs: Array<[string, Value]>;
  children: IrNode[];
}

export interface ErrorNode {
  k: 'error';
  message: string;
  line: number;
}

export type IrNode = ElementNode | TextNode | CondNode | CallNode | SlotNode | ErrorNode;

export interface SjsImport {
  /** Resolved path of the .sjs file, from the dist root without a leading slash. */
  from: string;
  /** `name="util"`: the default export under this name. */
  name?: string;
  /** `name="{x, y: z}"`: named exports as [exported, local]. */
  named?: Array<[string, string]>;
}

export interface CompiledAxml {
  /** From the dist root, e.g. `pages/jobs/index.axml`. */
  path: string;
  body: IrNode[];
  templates: Record<string, IrNode[]>;
  /** Resolved `<import src>` paths; only their own templates become visible (/mini/framework/import). */
  imports: string[];
  sjs: SjsImport[];
  /** Problems found while compiling; each also appears as an error node where it happened when it can. */
  errors: Array<{ message: string; line: number }>;
}

export interface CompiledSjs {
  path: string;
  program?: SjsProgram;
  error?: string;
}
