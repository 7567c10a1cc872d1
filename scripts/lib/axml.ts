import * as acorn from 'acorn';
import { parse } from '@wxml/parser';
import { isNameReference, walk, type AstNode } from './js-ast';

/** The parts of @wxml/parser's AST the checks read (it reads AXML as well as WXML). */
export interface Location {
  start: { line: number; column: number };
}
export interface Interpolation {
  type: 'WXInterpolation' | 'WXAttributeInterpolation';
  /** The expression between the braces. */
  value: string;
  loc?: Location;
}
export interface Attribute {
  type: 'WXAttribute';
  key: string;
  /** Raw attribute text; null for a bare attribute such as `disabled`. */
  value: string | null;
  interpolations?: Interpolation[];
  loc?: Location;
}
export interface Element {
  type: 'WXElement' | 'WXScript';
  name: string;
  children?: AxmlNode[];
  startTag: { name: string; attributes: Attribute[]; loc?: Location };
  endTag: { name: string; loc?: Location } | null;
  loc?: Location;
}
export interface TextNode {
  type: 'WXText' | 'WXComment';
  value: string;
  loc?: Location;
}
export type AxmlNode = Element | TextNode | Interpolation;
export interface AxmlDocument {
  body: AxmlNode[];
  errors: Array<{ value: string; loc?: Location }>;
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

export const parseAxml = (source: string): AxmlDocument => parse(protectLoneBraces(source)) as AxmlDocument;

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

/** Names an `<import-sjs name>` brings in: `util`, or the local names of `{ a, b: c }`. */
export function sjsImportNames(name: string): string[] {
  const trimmed = name.trim();
  // parseAxml hands the braces over as parentheses (see protectLoneBraces)
  if (!/^[{(]/.test(trimmed)) return trimmed ? [trimmed] : [];
  return trimmed
    .replace(/^[{(]|[})]$/g, '')
    .split(',')
    .map((part) => part.split(':').pop()!.trim())
    .filter(Boolean);
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
