import * as acorn from 'acorn';
import { parse } from '@wxml/parser';
import { isNameReference, walk, type AstNode } from './js-ast';

/**
 * The one reading of AXML, for the build checks (check-dist, check-templates) and the simulator's compiler
 * (simulator/server/compile.ts): @wxml/parser, after the rewrites that let it read what AXML allows.
 */

/** The parts of @wxml/parser's AST that are read (it reads AXML as well as WXML). */
export interface Location {
  start: { line: number; column: number };
}
export interface Interpolation {
  type: 'WXInterpolation' | 'WXAttributeInterpolation';
  /** The expression between the braces. */
  value: string;
  start: number;
  loc?: Location;
}
export interface Attribute {
  type: 'WXAttribute';
  key: string;
  /** Raw attribute text; null for a bare attribute such as `disabled`. */
  value: string | null;
  interpolations?: Interpolation[];
  /** Text and interpolations of the value, in order. */
  children?: Array<TextNode | Interpolation>;
  start: number;
  loc?: Location;
}
export interface Element {
  type: 'WXElement' | 'WXScript';
  name: string;
  children?: AxmlNode[];
  startTag: { name: string; attributes: Attribute[]; loc?: Location };
  endTag: { name: string; loc?: Location } | null;
  start: number;
  loc?: Location;
}
export interface TextNode {
  type: 'WXText' | 'WXComment';
  value: string;
  start: number;
  loc?: Location;
}
export type AxmlNode = Element | TextNode | Interpolation;
export interface AxmlDocument {
  body: AxmlNode[];
  errors: Array<{ value: string; start: number; loc?: Location }>;
}

/**
 * @wxml/parser rejects a lone `{` or `}` in an attribute value, which AXML allows (`<import-sjs
 * name="{ a, b: c }">`). Such braces outside `{{ }}` become parentheses before parsing; the length stays
 * the same so lines and columns still match the file.
 */
function protectLoneBraces(source: string): string {
  return source.replace(/(=\s*)("[^"]*"|'[^']*')/g, (_, assign: string, quoted: string) => {
    const parts = quoted.split(/(\{\{[\s\S]*?\}\})/);
    const cleaned = parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/\{/g, '(').replace(/\}/g, ')')));
    return assign + cleaned.join('');
  });
}

/** Where the `}}` closing a binding whose body starts at `from` is: outside strings, braces balanced. */
function bindingEnd(source: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < source.length - 1; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '}' && source[i + 1] === '}' && depth === 0) return i;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  return source.indexOf('}}', from);
}

/** `'a {{b}}'` inside a binding → `('a ' + (b) + '')`: AXML interpolates bindings inside string literals. */
function interpolateStrings(body: string): string {
  return body.replace(/(['"])((?:\\.|(?!\1)[^\\])*?)\1/g, (literal: string, quote: string, text: string) => {
    if (!text.includes('{{')) return literal;
    const pieces = text.split(/\{\{([\s\S]*?)\}\}/);
    return `(${pieces.map((piece, i) => (i % 2 === 1 ? `(${piece})` : `${quote}${piece}${quote}`)).join(' + ')})`;
  });
}

/**
 * Rewrites bindings the template parser would split wrongly, without moving any line: `{{{ a: 1 }}}` (an
 * object literal), `}}` inside a body (nested objects), and `{{ }}` inside a string literal of a binding.
 */
export function normalizeBindings(source: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = source.indexOf('{{', at);
    if (open < 0) return out + source.slice(at);
    const end = bindingEnd(source, open + 2);
    if (end < 0) return out + source.slice(at);
    let body = interpolateStrings(source.slice(open + 2, end));
    if (body.includes('}}') || body.includes('{{') || /^\s*\{|\}\s*$/.test(body))
      body = ` ${body.replace(/\}\}/g, '} }').replace(/\{\{/g, '{ {')} `;
    out += `${source.slice(at, open)}{{${body}}}`;
    at = end + 2;
  }
}

export const parseAxml = (source: string): AxmlDocument =>
  parse(protectLoneBraces(normalizeBindings(source))) as AxmlDocument;

export const isElement = (node: AxmlNode): node is Element => node.type === 'WXElement' || node.type === 'WXScript';

export const lineOf = (node: { loc?: Location }): number | undefined => node.loc?.start.line;

export const attribute = (element: Element, key: string): Attribute | undefined =>
  element.startTag.attributes.find((a) => a.key === key);

/** An attribute's value when it has no `{{ }}`; undefined when absent or dynamic. */
export function staticValue(element: Element, key: string): string | undefined {
  const attr = attribute(element, key);
  if (!attr || attr.value === null || attr.value.includes('{{')) return undefined;
  return attr.value.trim();
}

/** Calls visit for each element in document order; returning false skips the element's children. */
export function forEachElement(nodes: AxmlNode[], visit: (element: Element) => boolean | void): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (visit(node) === false) continue;
    forEachElement(node.children ?? [], visit);
  }
}

/** `{ a, b: c }` of an `<import-sjs name>` → [['a', 'a'], ['b', 'c']] (exported, local). */
export function sjsImports(name: string): Array<[string, string]> {
  // parseAxml hands the braces over as parentheses (see protectLoneBraces)
  return name
    .replace(/^[\s{(]+|[\s})]+$/g, '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [exported, local] = part.split(':').map((s) => s.trim());
      return [exported, local || exported] as [string, string];
    });
}

/** Names an `<import-sjs name>` brings in: `util`, or the local names of `{ a, b: c }`. */
export function sjsImportNames(name: string): string[] {
  const trimmed = name.trim();
  if (!/^[{(]/.test(trimmed)) return trimmed ? [trimmed] : [];
  return sjsImports(trimmed).map(([, local]) => local);
}

const parsesWhole = (source: string): AstNode | undefined => {
  try {
    const node = acorn.parseExpressionAt(source, 0, {
      ecmaVersion: 'latest',
      locations: true,
      preserveParens: true,
    }) as AstNode;
    return source.slice(node.end).trim() === '' ? node : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The root names an AXML expression reads: `a.b.c` reads a, `fn(x[y])` reads fn, x and y; object
 * keys, names after a dot and string contents are not names. `{{...item}}` and `{{a: 1, b}}` (the
 * object forms `<template data>` takes) are read as object literals.
 */
export function expressionNames(source: string): { names: string[]; error?: string } {
  const ast = parsesWhole(`(${source}\n)`) ?? parsesWhole(`({${source}\n})`);
  if (!ast) return { names: [], error: `cannot parse expression {{${source.trim()}}}` };
  const names = new Set<string>();
  const bound = new Set<string>();
  walk(ast, (node, parent, key) => {
    if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') {
      for (const param of node.params as AstNode[]) {
        walk(param, (p) => {
          if (p.type === 'Identifier') bound.add(p.name as string);
        });
      }
    }
    if (node.type === 'Identifier' && isNameReference(parent, key)) names.add(node.name as string);
  });
  return { names: [...names].filter((n) => !bound.has(n)) };
}
