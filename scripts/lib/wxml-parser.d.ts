// @wxml/parser ships no typings; scripts/lib/axml.ts describes the AST it returns.
declare module '@wxml/parser' {
  export function parse(source: string): unknown;
}
