/**
 * A safe evaluator for AXML `{{ }}` expressions and an interpreter for SJS modules, over ESTree nodes that
 * acorn produced (on the server) and that crossed to the browser as JSON. Nothing here calls `eval` or
 * `new Function`: code reaches only the values it is given, never the page's globals.
 *
 * What AXML expressions may do (/mini/framework/data-binding): literals, data paths (`a.b`, `list[0]`),
 * arithmetic, comparison, logic, `?:`, string concatenation, array and object literals (with `...`), calls
 * to SJS functions and to non-mutating methods of strings, arrays and numbers. A path through `null` or
 * `undefined` reads as `undefined`, as on the platform.
 *
 * SJS (/mini/framework/sjs) adds statements, functions (declarations, expressions, arrows), `var`/`let`/
 * `const`, loops, `switch`, `try`, assignment and `import`/`export`, with the small standard library its docs
 * list (Math, JSON, Date.now/parse/UTC, getDate, getRegExp, parseInt, …). It cannot reach `my`, the DOM or
 * the logic layer.
 */
import type * as ES from 'acorn';

/** A syntax tree node as it arrives (locations stripped). */
export type Expr = ES.Expression;
export type SjsProgram = ES.Program;

export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** Names that would lead out of the sandbox (to Function, prototypes) are never readable or writable. */
const BLOCKED_KEYS = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'caller',
  'callee',
  'arguments',
]);

const STRING_METHODS = new Set([
  'charAt',
  'charCodeAt',
  'codePointAt',
  'concat',
  'endsWith',
  'includes',
  'indexOf',
  'lastIndexOf',
  'match',
  'padEnd',
  'padStart',
  'repeat',
  'replace',
  'search',
  'slice',
  'split',
  'startsWith',
  'substr',
  'substring',
  'toLowerCase',
  'toUpperCase',
  'toString',
  'trim',
  'trimEnd',
  'trimStart',
  'valueOf',
  'localeCompare',
]);
const ARRAY_READ_METHODS = new Set([
  'concat',
  'every',
  'filter',
  'find',
  'findIndex',
  'forEach',
  'includes',
  'indexOf',
  'join',
  'lastIndexOf',
  'map',
  'reduce',
  'reduceRight',
  'slice',
  'some',
  'toString',
]);
const ARRAY_WRITE_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill']);
const NUMBER_METHODS = new Set(['toFixed', 'toPrecision', 'toString', 'valueOf']);
const DATE_METHODS = new Set([
  'getDate',
  'getDay',
  'getFullYear',
  'getHours',
  'getMilliseconds',
  'getMinutes',
  'getMonth',
  'getSeconds',
  'getTime',
  'getTimezoneOffset',
  'getUTCDate',
  'getUTCDay',
  'getUTCFullYear',
  'getUTCHours',
  'getUTCMinutes',
  'getUTCMonth',
  'getUTCSeconds',
  'toISOString',
  'toString',
  'toDateString',
  'toTimeString',
  'valueOf',
]);
const REGEXP_METHODS = new Set(['test', 'exec', 'toString']);
const OBJECT_METHODS = new Set(['hasOwnProperty']);

/** Functions that code inside the sandbox may call: SJS functions and the library handed to it. */
const callable = new WeakSet<object>();
/** Objects of the SJS library (Math, JSON, …): readable, never writable. */
const frozenFacades = new WeakSet<object>();

function allowCall<T extends (...args: never[]) => unknown>(fn: T): T {
  callable.add(fn);
  return fn;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

type Mode = 'template' | 'sjs';

function propertyKey(key: unknown): string | number {
  if (typeof key === 'number') return key;
  if (typeof key === 'symbol') throw new EvalError('symbols are not supported');
  return String(key);
}

function assertReadableKey(key: string | number): void {
  if (typeof key === 'string' && BLOCKED_KEYS.has(key)) throw new EvalError(`"${key}" is not accessible`);
}

function bindMethod(target: object | string | number, name: string): unknown {
  const method = (target as unknown as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
  if (typeof method !== 'function') return undefined;
  return allowCall((...args: unknown[]) => method.apply(target, args));
}

/** Reads `object[key]` the way the sandbox allows. */
export function readMember(object: unknown, rawKey: unknown, mode: Mode): unknown {
  if (object === null || object === undefined) {
    if (mode === 'template') return undefined;
    throw new EvalError(`cannot read "${String(rawKey)}" of ${object === null ? 'null' : 'undefined'}`);
  }
  const key = propertyKey(rawKey);
  assertReadableKey(key);
  if (typeof object === 'string') {
    if (key === 'length') return object.length;
    if (typeof key === 'number' || /^\d+$/.test(key)) return object[Number(key)];
    return STRING_METHODS.has(key) ? bindMethod(object, key) : undefined;
  }
  if (typeof object === 'number') return NUMBER_METHODS.has(String(key)) ? bindMethod(object, String(key)) : undefined;
  if (typeof object === 'boolean') return undefined;
  if (Array.isArray(object)) {
    if (key === 'length') return object.length;
    if (typeof key === 'number' || /^\d+$/.test(key)) return object[Number(key)];
    if (ARRAY_READ_METHODS.has(key) || (mode === 'sjs' && ARRAY_WRITE_METHODS.has(key))) return bindMethod(object, key);
    return undefined;
  }
  if (object instanceof Date) return DATE_METHODS.has(String(key)) ? bindMethod(object, String(key)) : undefined;
  if (object instanceof RegExp) {
    if (key === 'source' || key === 'flags' || key === 'global' || key === 'lastIndex')
      return (object as unknown as Record<string, unknown>)[key];
    return REGEXP_METHODS.has(String(key)) ? bindMethod(object, String(key)) : undefined;
  }
  if (typeof object === 'object' || typeof object === 'function') {
    if (Object.prototype.hasOwnProperty.call(object, key)) return (object as Record<string, unknown>)[key];
    if (OBJECT_METHODS.has(String(key)) && typeof object === 'object') return bindMethod(object, String(key));
    return undefined;
  }
  return undefined;
}

function writeMember(object: unknown, rawKey: unknown, value: unknown): void {
  if (object === null || object === undefined || (typeof object !== 'object' && typeof object !== 'function'))
    throw new EvalError(`cannot set "${String(rawKey)}" on ${describeValue(object)}`);
  const key = propertyKey(rawKey);
  assertReadableKey(key);
  if (frozenFacades.has(object) || callable.has(object)) throw new EvalError(`cannot change "${String(key)}"`);
  (object as Record<string | number, unknown>)[key] = value;
}

// ---------------------------------------------------------------------------------------------------------------
// Scopes

interface Binding {
  value: unknown;
  mutable: boolean;
  initialized: boolean;
}

/** A variable scope. Template evaluation uses a read-only scope backed by plain objects. */
export class Scope {
  private readonly vars = new Map<string, Binding>();
  constructor(
    readonly parent: Scope | null = null,
    /** Read-only names looked up after this scope's own variables (e.g. page data). */
    private readonly backing: Record<string, unknown> | null = null,
  ) {}

  /** A read-only scope over `values`, in front of `parent`. */
  static of(values: Record<string, unknown>, parent: Scope | null = null): Scope {
    return new Scope(parent, values);
  }

  declare(name: string, value: unknown, mutable = true): void {
    this.vars.set(name, { value, mutable, initialized: true });
  }

  private find(name: string): { scope: Scope; binding: Binding | null } | null {
    return Scope.lookup(this, name);
  }

  private static lookup(start: Scope, name: string): { scope: Scope; binding: Binding | null } | null {
    for (let scope: Scope | null = start; scope; scope = scope.parent) {
      const binding = scope.vars.get(name);
      if (binding) return { scope, binding };
      if (scope.backing && Object.prototype.hasOwnProperty.call(scope.backing, name)) return { scope, binding: null };
    }
    return null;
  }

  has(name: string): boolean {
    return this.find(name) !== null;
  }

  get(name: string): unknown {
    const found = this.find(name);
    if (!found) return undefined;
    if (found.binding) return found.binding.value;
    return (found.scope.backing as Record<string, unknown>)[name];
  }

  set(name: string, value: unknown): void {
    const found = this.find(name);
    if (!found) throw new EvalError(`${name} is not defined`);
    if (!found.binding) throw new EvalError(`${name} is read-only here`);
    if (!found.binding.mutable) throw new EvalError(`assignment to constant ${name}`);
    found.binding.value = value;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions

type AnyNode = ES.AnyNode;

interface Context {
  mode: Mode;
  /** Remaining steps before an SJS run is stopped as runaway; each call from a template starts a fresh one. */
  budget: { steps: number; depth?: number };
}

const SJS_STEP_BUDGET = 2_000_000;

function step(context: Context): void {
  if (context.mode === 'sjs' && --context.budget.steps < 0)
    throw new EvalError('SJS ran too long (a loop that never ends?)');
}

function binary(operator: string, left: unknown, right: unknown): unknown {
  const l = left as number;
  const r = right as number;
  switch (operator) {
    case '+':
      return (left as string) + (right as string);
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
    case '%':
      return l % r;
    case '**':
      return l ** r;
    case '==':
      return left == right;
    case '!=':
      return left != right;
    case '===':
      return left === right;
    case '!==':
      return left !== right;
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    case '>=':
      return l >= r;
    case '<<':
      return l << r;
    case '>>':
      return l >> r;
    case '>>>':
      return l >>> r;
    case '&':
      return l & r;
    case '|':
      return l | r;
    case '^':
      return l ^ r;
    case 'in':
      if (typeof right !== 'object' || right === null) throw new EvalError('"in" needs an object on the right');
      assertReadableKey(propertyKey(left));
      return Object.prototype.hasOwnProperty.call(right, propertyKey(left));
    default:
      throw new EvalError(`operator ${operator} is not supported`);
  }
}

function evaluate(node: AnyNode, scope: Scope, context: Context): unknown {
  step(context);
  switch (node.type) {
    case 'Literal':
      if (node.regex) return new RegExp(node.regex.pattern, node.regex.flags);
      return node.value;
    case 'Identifier':
      if (node.name === 'undefined' && !scope.has('undefined')) return undefined;
      if (context.mode === 'sjs' && !scope.has(node.name)) throw new EvalError(`${node.name} is not defined`);
      return scope.get(node.name);
    case 'TemplateLiteral': {
      let out = '';
      node.quasis.forEach((quasi, i) => {
        out += quasi.value.cooked ?? quasi.value.raw;
        if (i < node.expressions.length) out += String(evaluate(node.expressions[i], scope, context));
      });
      return out;
    }
    case 'ArrayExpression': {
      const out: unknown[] = [];
      for (const element of node.elements) {
        if (element === null) out.length += 1;
        else if (element.type === 'SpreadElement') {
          const spread = evaluate(element.argument, scope, context);
          if (spread !== null && spread !== undefined) out.push(...(spread as unknown[]));
        } else out.push(evaluate(element, scope, context));
      }
      return out;
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const property of node.properties) {
        if (property.type === 'SpreadElement') {
          const spread = evaluate(property.argument, scope, context);
          if (spread && typeof spread === 'object')
            for (const key of Object.keys(spread)) {
              if (!BLOCKED_KEYS.has(key)) out[key] = (spread as Record<string, unknown>)[key];
            }
          continue;
        }
        if (property.kind !== 'init') throw new EvalError('getters and setters are not supported');
        const key = property.computed
          ? propertyKey(evaluate(property.key, scope, context))
          : property.key.type === 'Identifier'
            ? property.key.name
            : propertyKey((property.key as ES.Literal).value);
        assertReadableKey(key);
        out[key] = evaluate(property.value, scope, context);
      }
      return out;
    }
    case 'MemberExpression': {
      if (node.object.type === 'Super') throw new EvalError('super is not supported');
      const object = evaluate(node.object, scope, context);
      if (node.optional && (object === null || object === undefined)) return undefined;
      const key =
        node.computed || node.property.type !== 'Identifier'
          ? evaluate(node.property as ES.Expression, scope, context)
          : node.property.name;
      return readMember(object, key, context.mode);
    }
    case 'ChainExpression':
      return evaluateChain(node.expression, scope, context).value;
    case 'ConditionalExpression':
      return evaluate(node.test, scope, context)
        ? evaluate(node.consequent, scope, context)
        : evaluate(node.alternate, scope, context);
    case 'LogicalExpression': {
      const left = evaluate(node.left, scope, context);
      if (node.operator === '&&') return left ? evaluate(node.right, scope, context) : left;
      if (node.operator === '||') return left ? left : evaluate(node.right, scope, context);
      return left === null || left === undefined ? evaluate(node.right, scope, context) : left;
    }
    case 'BinaryExpression':
      if (node.operator === 'instanceof') throw new EvalError('instanceof is not supported');
      return binary(
        node.operator,
        evaluate(node.left as ES.Expression, scope, context),
        evaluate(node.right, scope, context),
      );
    case 'UnaryExpression': {
      if (node.operator === 'typeof') {
        if (node.argument.type === 'Identifier' && !scope.has(node.argument.name)) return 'undefined';
        const value = evaluate(node.argument, scope, context);
        return typeof value;
      }
      if (node.operator === 'delete') {
        if (context.mode !== 'sjs' || node.argument.type !== 'MemberExpression')
          throw new EvalError('delete is not supported here');
        const target = evaluate(node.argument.object as ES.Expression, scope, context);
        const key = node.argument.computed
          ? evaluate(node.argument.property as ES.Expression, scope, context)
          : (node.argument.property as ES.Identifier).name;
        if (!target || typeof target !== 'object' || frozenFacades.has(target)) return false;
        assertReadableKey(propertyKey(key));
        return delete (target as Record<string, unknown>)[propertyKey(key)];
      }
      const value = evaluate(node.argument, scope, context);
      switch (node.operator) {
        case '!':
          return !value;
        case '-':
          return -(value as number);
        case '+':
          return +(value as number);
        case '~':
          return ~(value as number);
        case 'void':
          return undefined;
      }
      throw new EvalError(`operator ${String(node.operator)} is not supported`);
    }
    case 'CallExpression':
      return evaluateCall(node, scope, context).value;
    case 'NewExpression': {
      const constructor = evaluate(node.callee, scope, context);
      const args = evaluateArguments(node.arguments, scope, context);
      if (constructor === SJS_DATE) return new Date(...(args as []));
      if (constructor === SJS_REGEXP) return new RegExp(args[0] as string, args[1] as string | undefined);
      throw new EvalError('only new Date() and new RegExp() are supported');
    }
    case 'SequenceExpression': {
      let last: unknown;
      for (const expression of node.expressions) last = evaluate(expression, scope, context);
      return last;
    }
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      if (context.mode !== 'sjs') throw new EvalError('functions cannot be defined in a template expression');
      return makeFunction(node, scope, context);
    case 'AssignmentExpression':
      if (context.mode !== 'sjs') throw new EvalError('assignment is not allowed in a template expression');
      return assign(node, scope, context);
    case 'UpdateExpression': {
      if (context.mode !== 'sjs') throw new EvalError(`${node.operator} is not allowed in a template expression`);
      const before = Number(evaluate(node.argument, scope, context));
      const after = node.operator === '++' ? before + 1 : before - 1;
      storeTo(node.argument, after, scope, context);
      return node.prefix ? after : before;
    }
    case 'ThisExpression':
      return undefined;
    default:
      throw new EvalError(`${node.type} is not supported`);
  }
}

/** `a?.b.c()` — returns `{ value, short }`, `short` when an optional link met null/undefined. */
function evaluateChain(node: AnyNode, scope: Scope, context: Context): { value: unknown; short: boolean } {
  if (node.type === 'MemberExpression') {
    const inner = node.object.type === 'Super' ? null : evaluateChain(node.object, scope, context);
    if (!inner) throw new EvalError('super is not supported');
    if (inner.short) return inner;
    if (node.optional && (inner.value === null || inner.value === undefined)) return { value: undefined, short: true };
    const key =
      node.computed || node.property.type !== 'Identifier'
        ? evaluate(node.property as ES.Expression, scope, context)
        : node.property.name;
    return { value: readMember(inner.value, key, context.mode), short: false };
  }
  if (node.type === 'CallExpression') return evaluateCall(node, scope, context);
  return { value: evaluate(node, scope, context), short: false };
}

function evaluateArguments(args: Array<ES.Expression | ES.SpreadElement>, scope: Scope, context: Context): unknown[] {
  const out: unknown[] = [];
  for (const argument of args) {
    if (argument.type === 'SpreadElement')
      out.push(...((evaluate(argument.argument, scope, context) as unknown[]) ?? []));
    else out.push(evaluate(argument, scope, context));
  }
  return out;
}

function calleeName(node: AnyNode): string {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier')
    return `${calleeName(node.object as AnyNode)}.${node.property.name}`;
  return 'expression';
}

function evaluateCall(node: ES.CallExpression, scope: Scope, context: Context): { value: unknown; short: boolean } {
  let fn: unknown;
  if (node.callee.type === 'MemberExpression' || node.callee.type === 'CallExpression') {
    const chained = evaluateChain(node.callee, scope, context);
    if (chained.short) return chained;
    fn = chained.value;
  } else if (node.callee.type === 'Super') throw new EvalError('super is not supported');
  else fn = evaluate(node.callee, scope, context);
  if (node.optional && (fn === null || fn === undefined)) return { value: undefined, short: true };
  if (typeof fn !== 'function' || !callable.has(fn))
    throw new EvalError(`${calleeName(node.callee as AnyNode)} is not a function`);
  const args = evaluateArguments(node.arguments, scope, context);
  return { value: (fn as (...a: unknown[]) => unknown)(...args), short: false };
}

function storeTo(target: AnyNode, value: unknown, scope: Scope, context: Context): void {
  if (target.type === 'Identifier') scope.set(target.name, value);
  else if (target.type === 'MemberExpression') {
    const object = evaluate(target.object as ES.Expression, scope, context);
    const key =
      target.computed || target.property.type !== 'Identifier'
        ? evaluate(target.property as ES.Expression, scope, context)
        : target.property.name;
    writeMember(object, key, value);
  } else if (target.type === 'ObjectPattern' || target.type === 'ArrayPattern') {
    bindPattern(target, value, scope, context, (name, v) => scope.set(name, v));
  } else throw new EvalError(`cannot assign to ${target.type}`);
}

function assign(node: ES.AssignmentExpression, scope: Scope, context: Context): unknown {
  if (node.operator === '=') {
    const value = evaluate(node.right, scope, context);
    storeTo(node.left, value, scope, context);
    return value;
  }
  const current = evaluate(node.left as ES.Expression, scope, context);
  let value: unknown;
  if (node.operator === '&&=') value = current ? evaluate(node.right, scope, context) : current;
  else if (node.operator === '||=') value = current ? current : evaluate(node.right, scope, context);
  else if (node.operator === '??=')
    value = current === null || current === undefined ? evaluate(node.right, scope, context) : current;
  else value = binary(node.operator.slice(0, -1), current, evaluate(node.right, scope, context));
  storeTo(node.left, value, scope, context);
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns and functions (SJS)

type Declare = (name: string, value: unknown) => void;

function bindPattern(pattern: ES.Pattern, value: unknown, scope: Scope, context: Context, declare: Declare): void {
  switch (pattern.type) {
    case 'Identifier':
      declare(pattern.name, value);
      return;
    case 'AssignmentPattern':
      bindPattern(
        pattern.left,
        value === undefined ? evaluate(pattern.right, scope, context) : value,
        scope,
        context,
        declare,
      );
      return;
    case 'ArrayPattern': {
      const list = (value ?? []) as unknown[];
      pattern.elements.forEach((element, i) => {
        if (!element) return;
        if (element.type === 'RestElement') bindPattern(element.argument, list.slice(i), scope, context, declare);
        else bindPattern(element, list[i], scope, context, declare);
      });
      return;
    }
    case 'ObjectPattern': {
      const used = new Set<string>();
      for (const property of pattern.properties) {
        if (property.type === 'RestElement') {
          const rest: Record<string, unknown> = {};
          for (const key of Object.keys((value ?? {}) as object))
            if (!used.has(key)) rest[key] = (value as Record<string, unknown>)[key];
          bindPattern(property.argument, rest, scope, context, declare);
          continue;
        }
        const key = property.computed
          ? String(evaluate(property.key, scope, context))
          : property.key.type === 'Identifier'
            ? property.key.name
            : String((property.key as ES.Literal).value);
        used.add(key);
        bindPattern(property.value, readMember(value, key, 'sjs'), scope, context, declare);
      }
      return;
    }
    default:
      throw new EvalError(`${pattern.type} is not supported in a binding`);
  }
}

type FunctionNode = ES.FunctionDeclaration | ES.FunctionExpression | ES.ArrowFunctionExpression;

interface Completion {
  type: 'normal' | 'return' | 'break' | 'continue';
  value?: unknown;
  label?: string;
}
const NORMAL: Completion = { type: 'normal' };

function makeFunction(node: FunctionNode, closure: Scope, context: Context): (...args: unknown[]) => unknown {
  if (node.generator || node.async) throw new EvalError('async and generator functions are not supported in SJS');
  const fn = (...args: unknown[]): unknown => {
    const budget = context.budget;
    // A call from outside SJS (a template, or the module's own top level) is a run of its own.
    if (!budget.depth) budget.steps = SJS_STEP_BUDGET;
    budget.depth = (budget.depth ?? 0) + 1;
    try {
      const scope = new Scope(closure);
      // Non-arrow functions see their call's `arguments` (antd-mini's SJS uses it).
      if (node.type !== 'ArrowFunctionExpression') scope.declare('arguments', args);
      node.params.forEach((param, i) => {
        if (param.type === 'RestElement')
          bindPattern(param.argument, args.slice(i), scope, context, (n, v) => scope.declare(n, v));
        else bindPattern(param, args[i], scope, context, (n, v) => scope.declare(n, v));
      });
      if (node.body.type !== 'BlockStatement') return evaluate(node.body, scope, context);
      hoist(node.body.body, scope, context, true);
      const completion = executeBlock(node.body.body, scope, context);
      return completion.type === 'return' ? completion.value : undefined;
    } finally {
      budget.depth--;
    }
  };
  return allowCall(fn);
}

/** `var` names and function declarations are visible in the whole function. */
function hoist(
  statements: ES.Statement[] | Array<ES.Statement | ES.ModuleDeclaration>,
  scope: Scope,
  context: Context,
  functionScope: boolean,
): void {
  for (const statement of statements) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
        ? statement.declaration
        : statement;
    if (!declaration) continue;
    if (declaration.type === 'FunctionDeclaration' && declaration.id)
      scope.declare(declaration.id.name, makeFunction(declaration, scope, context));
    else if (functionScope && declaration.type === 'VariableDeclaration' && declaration.kind === 'var')
      for (const declarator of declaration.declarations)
        if (declarator.id.type === 'Identifier' && !scope.has(declarator.id.name))
          scope.declare(declarator.id.name, undefined);
  }
}

function executeBlock(statements: ES.Statement[], scope: Scope, context: Context): Completion {
  for (const statement of statements) {
    const completion = execute(statement, scope, context);
    if (completion.type !== 'normal') return completion;
  }
  return NORMAL;
}

function declareVariables(node: ES.VariableDeclaration, scope: Scope, context: Context): void {
  for (const declarator of node.declarations) {
    const value = declarator.init ? evaluate(declarator.init, scope, context) : undefined;
    bindPattern(declarator.id, value, scope, context, (name, v) => {
      if (node.kind === 'var' && scope.has(name)) scope.set(name, v);
      else scope.declare(name, v, node.kind !== 'const');
    });
  }
}

function loopBody(
  body: ES.Statement,
  scope: Scope,
  context: Context,
  label?: string,
): 'break' | 'continue' | Completion {
  const completion = execute(body, scope, context);
  if (completion.type === 'break' && (!completion.label || completion.label === label)) return 'break';
  if (completion.type === 'continue' && (!completion.label || completion.label === label)) return 'continue';
  if (completion.type !== 'normal') return completion;
  return 'continue';
}

function execute(
  node: ES.Statement | ES.ModuleDeclaration,
  scope: Scope,
  context: Context,
  label?: string,
): Completion {
  step(context);
  switch (node.type) {
    case 'ExpressionStatement':
      evaluate(node.expression, scope, context);
      return NORMAL;
    case 'VariableDeclaration':
      declareVariables(node, scope, context);
      return NORMAL;
    case 'FunctionDeclaration':
      return NORMAL; // hoisted
    case 'EmptyStatement':
      return NORMAL;
    case 'ReturnStatement':
      return { type: 'return', value: node.argument ? evaluate(node.argument, scope, context) : undefined };
    case 'BlockStatement': {
      const inner = new Scope(scope);
      hoist(node.body, inner, context, false);
      return executeBlock(node.body, inner, context);
    }
    case 'IfStatement':
      if (evaluate(node.test, scope, context)) return execute(node.consequent, scope, context);
      return node.alternate ? execute(node.alternate, scope, context) : NORMAL;
    case 'ForStatement': {
      const loopScope = new Scope(scope);
      if (node.init) {
        if (node.init.type === 'VariableDeclaration') declareVariables(node.init, loopScope, context);
        else evaluate(node.init, loopScope, context);
      }
      while (!node.test || evaluate(node.test, loopScope, context)) {
        const outcome = loopBody(node.body, new Scope(loopScope), context, label);
        if (outcome === 'break') break;
        if (outcome !== 'continue') return outcome;
        if (node.update) evaluate(node.update, loopScope, context);
      }
      return NORMAL;
    }
    case 'ForInStatement':
    case 'ForOfStatement': {
      const subject = evaluate(node.right, scope, context);
      const values =
        node.type === 'ForInStatement'
          ? Object.keys((subject ?? {}) as object)
          : Array.isArray(subject) || typeof subject === 'string'
            ? Array.from(subject as ArrayLike<unknown>)
            : (() => {
                throw new EvalError('for…of needs an array or a string');
              })();
      for (const value of values) {
        const iteration = new Scope(scope);
        if (node.left.type === 'VariableDeclaration')
          bindPattern(node.left.declarations[0].id, value, iteration, context, (n, v) =>
            iteration.declare(n, v, (node.left as ES.VariableDeclaration).kind !== 'const'),
          );
        else storeTo(node.left, value, iteration, context);
        const outcome = loopBody(node.body, iteration, context, label);
        if (outcome === 'break') break;
        if (outcome !== 'continue') return outcome;
      }
      return NORMAL;
    }
    case 'WhileStatement':
      while (evaluate(node.test, scope, context)) {
        const outcome = loopBody(node.body, scope, context, label);
        if (outcome === 'break') break;
        if (outcome !== 'continue') return outcome;
      }
      return NORMAL;
    case 'DoWhileStatement':
      do {
        const outcome = loopBody(node.body, scope, context, label);
        if (outcome === 'break') break;
        if (outcome !== 'continue') return outcome;
      } while (evaluate(node.test, scope, context));
      return NORMAL;
    case 'BreakStatement':
      return { type: 'break', label: node.label?.name };
    case 'ContinueStatement':
      return { type: 'continue', label: node.label?.name };
    case 'LabeledStatement': {
      const completion = execute(node.body, scope, context, node.label.name);
      if (completion.type === 'break' && completion.label === node.label.name) return NORMAL;
      return completion;
    }
    case 'SwitchStatement': {
      const discriminant = evaluate(node.discriminant, scope, context);
      const inner = new Scope(scope);
      let matched = false;
      const cases = node.cases;
      let start = cases.findIndex((c) => c.test && evaluate(c.test, inner, context) === discriminant);
      if (start < 0) start = cases.findIndex((c) => !c.test);
      if (start < 0) return NORMAL;
      for (let i = start; i < cases.length; i++) {
        matched = true;
        const completion = executeBlock(cases[i].consequent, inner, context);
        if (completion.type === 'break' && !completion.label) return NORMAL;
        if (completion.type !== 'normal') return completion;
      }
      void matched;
      return NORMAL;
    }
    case 'ThrowStatement': {
      const value = evaluate(node.argument, scope, context);
      throw value instanceof Error ? value : new EvalError(String(value));
    }
    case 'TryStatement': {
      let completion: Completion = NORMAL;
      try {
        completion = execute(node.block, scope, context);
      } catch (error) {
        if (!node.handler) throw error;
        const handlerScope = new Scope(scope);
        if (node.handler.param)
          bindPattern(node.handler.param, error, handlerScope, context, (n, v) => handlerScope.declare(n, v));
        completion = execute(node.handler.body, handlerScope, context);
      } finally {
        if (node.finalizer) {
          const final = execute(node.finalizer, scope, context);
          if (final.type !== 'normal') completion = final;
        }
      }
      return completion;
    }
    default:
      throw new EvalError(`${node.type} is not supported in SJS`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The SJS library (/mini/framework/sjs-lib)

const SJS_DATE = facade({
  now: allowCall(() => Date.now()),
  parse: allowCall((text: string) => Date.parse(text)),
  UTC: allowCall((...parts: number[]) => Date.UTC(...(parts as [number]))),
});
const SJS_REGEXP = facade({});

function facade<T extends object>(value: T): T {
  frozenFacades.add(value);
  return Object.freeze(value);
}

function mathFacade(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ['E', 'LN10', 'LN2', 'LOG2E', 'LOG10E', 'PI', 'SQRT1_2', 'SQRT2'])
    out[name] = (Math as unknown as Record<string, number>)[name];
  for (const name of [
    'abs',
    'acos',
    'asin',
    'atan',
    'atan2',
    'ceil',
    'cos',
    'exp',
    'floor',
    'log',
    'max',
    'min',
    'pow',
    'random',
    'round',
    'sin',
    'sqrt',
    'tan',
    'trunc',
    'sign',
  ]) {
    const fn = (Math as unknown as Record<string, (...args: number[]) => number>)[name];
    out[name] = allowCall((...args: number[]) => fn(...args));
  }
  return facade(out);
}

/** Values every SJS module sees as globals. */
export function sjsGlobals(log: (...args: unknown[]) => void = () => undefined): Record<string, unknown> {
  return {
    Infinity,
    NaN,
    undefined,
    decodeURI: allowCall((s: string) => decodeURI(s)),
    decodeURIComponent: allowCall((s: string) => decodeURIComponent(s)),
    encodeURI: allowCall((s: string) => encodeURI(s)),
    encodeURIComponent: allowCall((s: string) => encodeURIComponent(s)),
    isNaN: allowCall((v: unknown) => isNaN(v as number)),
    isFinite: allowCall((v: unknown) => isFinite(v as number)),
    parseFloat: allowCall((s: string) => parseFloat(s)),
    parseInt: allowCall((s: string, radix?: number) => parseInt(s, radix)),
    console: facade({ log: allowCall((...args: unknown[]) => log(...args)) }),
    Date: SJS_DATE,
    RegExp: SJS_REGEXP,
    Number: facade({
      MAX_VALUE: Number.MAX_VALUE,
      MIN_VALUE: Number.MIN_VALUE,
      NEGATIVE_INFINITY: Number.NEGATIVE_INFINITY,
      POSITIVE_INFINITY: Number.POSITIVE_INFINITY,
      isInteger: allowCall((v: unknown) => Number.isInteger(v)),
    }),
    String: allowCall((v: unknown) => String(v)),
    Array: facade({ isArray: allowCall((v: unknown) => Array.isArray(v)) }),
    Object: facade({
      keys: allowCall((o: object) => Object.keys(o ?? {})),
      assign: allowCall((target: object, ...sources: object[]) => {
        if (frozenFacades.has(target)) throw new EvalError('cannot change a library object');
        for (const source of sources)
          for (const key of Object.keys(source ?? {}))
            if (!BLOCKED_KEYS.has(key))
              (target as Record<string, unknown>)[key] = (source as Record<string, unknown>)[key];
        return target;
      }),
    }),
    JSON: facade({
      stringify: allowCall((value: unknown) => JSON.stringify(value)),
      parse: allowCall((text: string) => (text === undefined ? undefined : JSON.parse(text))),
    }),
    Math: mathFacade(),
    getDate: allowCall((...args: unknown[]) => new Date(...(args as []))),
    getRegExp: allowCall((pattern: string, flags?: string) => new RegExp(pattern, flags)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

/** Evaluates a template expression against a scope. Throws ExpressionError on anything not allowed. */
export function evaluateExpression(expression: Expr, scope: Scope): unknown {
  return evaluate(expression, scope, { mode: 'template', budget: { steps: Infinity } });
}

/** A module namespace: `default` plus named exports. */
export type SjsNamespace = Record<string, unknown>;

/**
 * Runs an SJS module. `importModule(from)` returns the namespace of another `.sjs` file (resolved by the
 * caller relative to this one). Returns the namespace: `default` and named exports.
 */
export function runSjsModule(
  program: SjsProgram,
  importModule: (from: string) => SjsNamespace,
  log?: (...args: unknown[]) => void,
): SjsNamespace {
  const context: Context = { mode: 'sjs', budget: { steps: SJS_STEP_BUDGET } };
  const scope = new Scope(Scope.of(sjsGlobals(log)));
  const namespace: SjsNamespace = {};
  const exportsLater: Array<() => void> = [];
  for (const statement of program.body)
    if (statement.type === 'ImportDeclaration') {
      const imported = importModule(String(statement.source.value));
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportDefaultSpecifier') scope.declare(specifier.local.name, imported.default, false);
        else if (specifier.type === 'ImportNamespaceSpecifier') scope.declare(specifier.local.name, imported, false);
        else {
          const name =
            specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
          scope.declare(specifier.local.name, imported[name], false);
        }
      }
    }
  hoist(program.body, scope, context, true);
  for (const statement of program.body) {
    context.budget.steps = SJS_STEP_BUDGET;
    switch (statement.type) {
      case 'ImportDeclaration':
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        if (declaration.type === 'FunctionDeclaration')
          namespace.default = declaration.id
            ? scope.get(declaration.id.name)
            : makeFunction(declaration as unknown as ES.FunctionExpression, scope, context);
        else if (declaration.type === 'ClassDeclaration') throw new EvalError('classes are not supported in SJS');
        else namespace.default = evaluate(declaration, scope, context);
        break;
      }
      case 'ExportNamedDeclaration': {
        if (statement.declaration) {
          const declaration = statement.declaration;
          if (declaration.type === 'VariableDeclaration') {
            declareVariables(declaration, scope, context);
            for (const declarator of declaration.declarations)
              if (declarator.id.type === 'Identifier') {
                const name = declarator.id.name;
                exportsLater.push(() => (namespace[name] = scope.get(name)));
              }
          } else if (declaration.type === 'FunctionDeclaration' && declaration.id) {
            const name = declaration.id.name;
            exportsLater.push(() => (namespace[name] = scope.get(name)));
          } else throw new EvalError(`export of ${declaration.type} is not supported`);
        }
        for (const specifier of statement.specifiers) {
          const local = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
          const exported =
            specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
          exportsLater.push(() => (namespace[exported] = scope.get(local)));
        }
        break;
      }
      case 'ExportAllDeclaration':
        throw new EvalError('export * is not supported in SJS');
      default:
        execute(statement, scope, context);
    }
  }
  for (const run of exportsLater) run();
  return namespace;
}
