/**
 * The `{{ }}` evaluator and the SJS interpreter, against what Alipay documents:
 * /mini/framework/data-binding (operators, data paths, combining arrays and objects) and /mini/framework/sjs
 * (ES module syntax, the SJS library).
 */
import { evaluateExpression, runSjsModule, Scope, type SjsNamespace } from '../../simulator/core/interpreter';
import { compileSjs, parseExpression, parseObjectExpression } from '../../simulator/server/compile';

function run(source: string, data: Record<string, unknown> = {}): unknown {
  return evaluateExpression(parseExpression(source), Scope.of(data));
}

function sjs(source: string, modules: Record<string, string> = {}): SjsNamespace {
  const compiled = compileSjs('a.sjs', source);
  if (!compiled.program) throw new Error(compiled.error);
  return runSjsModule(compiled.program, (from) => sjs(modules[from] ?? '', modules));
}

describe('template expressions (/mini/framework/data-binding)', () => {
  it('does the documented operations', () => {
    expect(run('flag ? true : false', { flag: 0 })).toBe(false);
    expect(run('a + b', { a: 1, b: 2 })).toBe(3);
    expect(run('length > 5', { length: 6 })).toBe(true);
    expect(run('"hello" + name', { name: 'alipay' })).toBe('helloalipay');
    expect(run('object.key + array[0]', { object: { key: 'Hello ' }, array: ['alipay'] })).toBe('Hello alipay');
    expect(run('!done && count % 2 === 1', { done: false, count: 3 })).toBe(true);
    expect(run('a ?? "x"', { a: null })).toBe('x');
    expect(run('`n=${n}`', { n: 2 })).toBe('n=2');
  });

  it('combines arrays and objects, spreads, and shorthand keys as a template data attribute may', () => {
    expect(run('[zero, 1, 2]', { zero: 0 })).toEqual([0, 1, 2]);
    const data = { obj1: { a: 1, b: 2 }, obj2: { b: 3, c: 4 }, a: 5, foo: 'f' };
    expect(evaluateExpression(parseObjectExpression('...obj1, ...obj2, a, c: 6'), Scope.of(data))).toEqual({
      a: 5,
      b: 3,
      c: 6,
    });
    expect(evaluateExpression(parseObjectExpression('foo: a, bar: foo'), Scope.of(data))).toEqual({ foo: 5, bar: 'f' });
    expect(evaluateExpression(parseObjectExpression('...obj1'), Scope.of(data))).toEqual({ a: 1, b: 2 });
  });

  it('reads a path through null or undefined as undefined, like the platform', () => {
    expect(run('a.b.c', {})).toBeUndefined();
    expect(run('list[3].title', { list: [] })).toBeUndefined();
    expect(run('missing', {})).toBeUndefined();
    expect(run('a?.b', { a: { b: 1 } })).toBe(1);
  });

  it('calls non-mutating methods of strings, arrays and numbers', () => {
    expect(run('name.slice(0, 1)', { name: '支付宝' })).toBe('支');
    expect(run('list.join("/")', { list: ['a', 'b'] })).toBe('a/b');
    expect(run('list.length', { list: [1, 2, 3] })).toBe(3);
    expect(run('price.toFixed(1)', { price: 3.14159 })).toBe('3.1');
    expect(run('list.indexOf(2) >= 0', { list: [1, 2] })).toBe(true);
  });

  it('refuses what would leave the sandbox or change data', () => {
    expect(() => run('"".constructor.constructor("return 1")()')).toThrow(/constructor/);
    expect(() => run('obj.__proto__', { obj: {} })).toThrow(/__proto__/);
    expect(() => run('list.push(1)', { list: [] })).toThrow(/not a function/);
    expect(() => run('a = 1', { a: 0 })).toThrow(/assignment/);
    expect(() => run('(() => 1)()')).toThrow(/functions cannot be defined/);
    expect(() => run('fn()', { fn: () => 1 })).toThrow(/not a function/);
    expect(() => run('window', {})).not.toThrow();
    expect(run('window', {})).toBeUndefined();
  });

  it('rejects text that is not one whole expression', () => {
    expect(() => parseExpression('a b')).toThrow();
    expect(() => parseExpression('a +')).toThrow();
  });
});

describe('SJS modules (/mini/framework/sjs)', () => {
  it('exports a default object with functions the template can call', () => {
    const module = sjs(`
      const message = 'hello alipay';
      const getMsg = x => x;
      function bar(prefix) { return prefix + '!'; }
      export default { message, getMsg, bar };
    `);
    const scope = Scope.of({ m1: module.default, msg: 'hello taobao' });
    expect(evaluateExpression(parseExpression('m1.message'), scope)).toBe('hello alipay');
    expect(evaluateExpression(parseExpression('m1.getMsg(msg)'), scope)).toBe('hello taobao');
    expect(evaluateExpression(parseExpression('m1.bar("x")'), scope)).toBe('x!');
  });

  it('supports named exports and imports between modules', () => {
    const module = sjs(
      `import util from './util.sjs'; export const x = 3; export function twice(n) { return util.mul(n, 2); }`,
      {
        './util.sjs': 'export default { mul: function (a, b) { return a * b; } };',
      },
    );
    expect(module.x).toBe(3);
    expect((module.twice as (n: number) => number)(4)).toBe(8);
  });

  it('runs statements: loops, switch, closures, try, destructuring', () => {
    const module = sjs(`
      function sum(list) { var total = 0; for (var i = 0; i < list.length; i++) { if (list[i] < 0) continue; total += list[i]; } return total; }
      function label(kind) { switch (kind) { case 'a': return 'A'; case 'b': return 'B'; default: return '?'; } }
      function counter() { let n = 0; return () => ++n; }
      function safe() { try { throw new Error('x'); } catch (e) { return 'caught'; } }
      function pick({ a, b = 2 }) { const [first, ...rest] = [a, b, 3]; return first + rest.length; }
      function keys(o) { var out = []; for (var k in o) out.push(k); return out.join(','); }
      export default { sum, label, counter, safe, pick, keys };
    `).default as Record<string, (...args: unknown[]) => unknown>;
    expect(module.sum([1, -5, 2, 3])).toBe(6);
    expect(module.label('b')).toBe('B');
    expect(module.label('z')).toBe('?');
    const next = module.counter() as () => number;
    next();
    expect(next()).toBe(2);
    expect(module.safe()).toBe('caught');
    expect(module.pick({ a: 1 })).toBe(3);
    expect(module.keys({ x: 1, y: 2 })).toBe('x,y');
  });

  it('offers the documented library and nothing of the host', () => {
    const module = sjs(`
      export default {
        round: Math.round(2.6),
        json: JSON.stringify({ a: 1 }),
        parsed: parseInt('42px', 10),
        date: getDate(0).getTime(),
        re: getRegExp('^a+$', 'i').test('AAA'),
        hasWindow: typeof window,
        hasMy: typeof my,
      };
    `).default as Record<string, unknown>;
    expect(module).toEqual({
      round: 3,
      json: '{"a":1}',
      parsed: 42,
      date: 0,
      re: true,
      hasWindow: 'undefined',
      hasMy: 'undefined',
    });
    expect(() => sjs('export default my.request;')).toThrow(/my is not defined/);
  });

  it('gives every call from a template its own step budget, so a long session never exhausts it', () => {
    const module = sjs(`
      function count(n) { var total = 0; for (var i = 0; i < n; i++) total += 1; return total; }
      export default { count };
    `);
    const count = (module.default as { count: (n: number) => number }).count;
    // Each call takes about a third of the budget; together they take more than all of it.
    for (let call = 0; call < 6; call++) expect(count(200_000)).toBe(200_000);
    const endless = sjs('export default function spin() { while (true) {} }').default as () => void;
    expect(() => endless()).toThrow(/ran too long/);
    expect(count(3)).toBe(3);
  });

  it("lets a function read its call's arguments", () => {
    const module = sjs(`
      function join() { var out = []; for (var i = 0; i < arguments.length; i++) out.push(arguments[i]); return out.join('-'); }
      export default { join };
    `);
    expect((module.default as { join: (...parts: string[]) => string }).join('a', 'b', 'c')).toBe('a-b-c');
  });

  it('stops a loop that never ends', () => {
    expect(() => sjs('while (true) {} export default 1;')).toThrow(/ran too long/);
  });
});
