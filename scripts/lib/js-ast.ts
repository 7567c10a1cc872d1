import * as acorn from 'acorn';

/** ES2017: what iOS JavaScriptCore and Alipay's V8 run without transpiling (see the build's TARGET). */
export const SHIPPED_ECMA_VERSION = 2017;

/** Alipay's engine forbids touching these (opendocs: mini/framework 小程序的 JavaScript 引擎). */
export const FORBIDDEN_GLOBALS = ['globalThis', 'global'];

export type AstNode = acorn.Node & { [key: string]: unknown };

export interface JsFacts {
  /** Set when the file does not parse at SHIPPED_ECMA_VERSION. */
  syntaxError?: { message: string; line: number; column: number };
  requires: Array<{ spec: string; line: number }>;
  dynamicRequireLines: number[];
  forbiddenGlobals: Array<{ name: string; line: number }>;
  /** eval and the Function constructor: Alipay does not run dynamically created code. */
  dynamicCode: Array<{ what: string; line: number }>;
}

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Calls visit for every node under root with its parent and the key it hangs from. */
export function walk(root: AstNode, visit: (node: AstNode, parent: AstNode | undefined, key: string) => void): void {
  const stack: Array<[AstNode, AstNode | undefined, string]> = [[root, undefined, '']];
  while (stack.length) {
    const [node, parent, key] = stack.pop()!;
    visit(node, parent, key);
    for (const [childKey, child] of Object.entries(node)) {
      if (childKey === 'loc') continue;
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--)
          if (isNode(child[i])) stack.push([child[i] as AstNode, node, childKey]);
      } else if (isNode(child)) stack.push([child, node, childKey]);
    }
  }
}

/** True when an Identifier at parent[key] is a name in code, not a property name, object key or label. */
export function isNameReference(parent: AstNode | undefined, key: string): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
      return key !== 'property' || parent.computed === true;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return key !== 'key' || parent.computed === true;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key !== 'label';
    case 'MetaProperty':
      return false;
    default:
      return true;
  }
}

const staticString = (node: AstNode | undefined): string | undefined => {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    const quasi = (node.quasis as Array<{ value: { cooked: string } }>)[0];
    return quasi?.value.cooked;
  }
  return undefined;
};

function parseLoosely(code: string): AstNode | undefined {
  for (const sourceType of ['script', 'module'] as const) {
    try {
      return acorn.parse(code, {
        ecmaVersion: 'latest',
        sourceType,
        locations: true,
        allowHashBang: true,
      }) as unknown as AstNode;
    } catch {
      // try the next mode
    }
  }
  return undefined;
}

/**
 * Parses shipped JS at ES2017 (script, as the runtime loads it) and reports its requires and the names
 * Alipay forbids. Code newer than ES2017 is reported, then re-read with the newest syntax so its other
 * problems still show.
 */
export function analyzeJs(code: string): JsFacts {
  const facts: JsFacts = { requires: [], dynamicRequireLines: [], forbiddenGlobals: [], dynamicCode: [] };
  let ast: AstNode | undefined;
  try {
    ast = acorn.parse(code, {
      ecmaVersion: SHIPPED_ECMA_VERSION,
      sourceType: 'script',
      locations: true,
      allowHashBang: true,
    }) as unknown as AstNode;
  } catch (e) {
    const err = e as SyntaxError & { loc?: { line: number; column: number } };
    facts.syntaxError = {
      message: err.message.replace(/\s*\(\d+:\d+\)$/, ''),
      line: err.loc?.line ?? 0,
      column: (err.loc?.column ?? 0) + 1,
    };
    ast = parseLoosely(code);
  }
  if (!ast) return facts;

  walk(ast, (node, parent, key) => {
    const line = node.loc?.start.line ?? 0;
    if (node.type === 'Identifier' && FORBIDDEN_GLOBALS.includes(node.name as string)) {
      if (isNameReference(parent, key)) facts.forbiddenGlobals.push({ name: node.name as string, line });
      return;
    }
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return;
    const callee = node.callee as AstNode;
    if (callee.type !== 'Identifier') return;
    const args = node.arguments as AstNode[];
    if (callee.name === 'require' && node.type === 'CallExpression' && args.length > 0) {
      const spec = staticString(args[0]);
      if (spec === undefined) facts.dynamicRequireLines.push(line);
      else facts.requires.push({ spec, line });
    } else if (callee.name === 'eval' && node.type === 'CallExpression') {
      facts.dynamicCode.push({ what: 'eval()', line });
    } else if (callee.name === 'Function') {
      facts.dynamicCode.push({ what: `${node.type === 'NewExpression' ? 'new ' : ''}Function()`, line });
    }
  });
  return facts;
}
