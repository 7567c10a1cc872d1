import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  checkDist,
  IMAGE_LIMIT_BYTES,
  MAIN_PACKAGE_BUDGET_BYTES,
  PACKAGE_LIMIT_BYTES,
  SUBPACKAGE_BUDGET_BYTES,
} from '../../scripts/check-dist';
import { makeFixture, type Fixture } from './fixture';

let fixture: Fixture;
beforeEach(() => {
  fixture = makeFixture();
});
afterEach(() => fixture.cleanup());

const errorsOf = () => checkDist(fixture.dist).errors;

/** Exactly one error, naming the given file, and matching the given text. */
function expectOneError(file: string, text: RegExp | string): void {
  const errors = errorsOf();
  expect(errors).toHaveLength(1);
  expect(errors[0].startsWith(`${file}:`) || errors[0].startsWith(`${file} `)).toBe(true);
  expect(errors[0]).toEqual(expect.stringMatching(text));
}

describe('checkDist on the clean fixture', () => {
  it('passes with no errors or warnings and measures main and subpackage', () => {
    const result = checkDist(fixture.dist);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.packages.map((p) => [p.name, p.budget])).toEqual([
      ['main', MAIN_PACKAGE_BUDGET_BYTES],
      ['subpackages/resume', SUBPACKAGE_BUDGET_BYTES],
    ]);
    expect(result.packages[1].files).toBe(4);
    expect(result.packages[0].bytes).toBeGreaterThan(6 * 1024);
  });

  it('reports a missing dist folder', () => {
    expect(checkDist(path.join(fixture.dist, 'nope')).errors[0]).toMatch(/does not exist/);
  });
});

describe('pages', () => {
  it('fails when a main-package page file is missing', () => {
    fixture.remove('pages/me/index.axml');
    expectOneError(
      'pages/me/index.axml',
      /page "pages\/me\/index" listed in app.json is missing pages\/me\/index.axml/,
    );
  });

  it('fails when a subpackage page file is missing', () => {
    fixture.remove('subpackages/resume/pages/edit/index.json');
    expectOneError('subpackages/resume/pages/edit/index.json', /missing subpackages\/resume\/pages\/edit\/index.json/);
  });

  it('fails when app.json lists a page that was never built', () => {
    fixture.editJson('app.json', (app) => (app.pages as string[]).push('pages/ghost/index'));
    expectOneError(
      'pages/ghost/index.axml',
      /missing pages\/ghost\/index.axml, pages\/ghost\/index.js, pages\/ghost\/index.json/,
    );
  });

  it('fails when a tabBar page is in a subpackage', () => {
    fixture.editJson('app.json', (app) => {
      (app.tabBar as { items: Array<{ pagePath: string }> }).items[1].pagePath = 'subpackages/resume/pages/edit/index';
    });
    expectOneError(
      'app.json',
      /tabBar page "subpackages\/resume\/pages\/edit\/index" is in subpackage "subpackages\/resume"/,
    );
  });

  it('fails when the launch page is inside a subpackage', () => {
    fixture.editJson('app.json', (app) => {
      app.entryPagePath = 'subpackages/resume/pages/edit/index';
    });
    expectOneError('app.json', /launch page "subpackages\/resume\/pages\/edit\/index" is in subpackage/);
  });

  it('fails when the first page of "pages" lies under a subpackage root', () => {
    fixture.editJson('app.json', (app) => {
      app.pages = ['subpackages/resume/pages/edit/index', 'pages/jobs/index', 'pages/me/index'];
      (app.subPackages as Array<{ pages: string[] }>)[0].pages = [];
    });
    const errors = errorsOf();
    expect(errors).toContain(
      'app.json: launch page "subpackages/resume/pages/edit/index" is in subpackage "subpackages/resume"; it must be in the main package',
    );
    expect(errors.every((e) => e.startsWith('app.json:'))).toBe(true);
  });

  it('fails on a tabBar icon or preloadRule package that does not exist', () => {
    fixture.remove('assets/tab-jobs.png');
    fixture.editJson('app.json', (app) => {
      app.preloadRule = { 'pages/me/index': { packages: ['subpackages/chat'] } };
    });
    expect(errorsOf()).toEqual([
      'app.json: tabBar icon "assets/tab-jobs.png" is missing from dist',
      'app.json: preloadRule for "pages/me/index" names "subpackages/chat", which is not a subpackage root',
    ]);
  });
});

describe('usingComponents', () => {
  it('fails when a page names a component that does not exist', () => {
    fixture.editJson('pages/jobs/index.json', (json) => {
      (json.usingComponents as Record<string, string>)['salary-tag'] = '/components/salary-tag/index';
    });
    expectOneError(
      'pages/jobs/index.json',
      /usingComponents "salary-tag": "\/components\/salary-tag\/index" is missing components\/salary-tag\/index.axml/,
    );
  });

  it('fails when a component lacks one of its files', () => {
    fixture.remove('components/job-card/index.js');
    const errors = errorsOf();
    expect(errors).toContain(
      'pages/jobs/index.json: usingComponents "job-card": "/components/job-card/index" is missing components/job-card/index.js',
    );
    expect(errors.every((e) => / is missing components\/job-card\/index.js$/.test(e))).toBe(true);
  });

  it('follows components recursively, antd-mini ones included (folder paths like ../Loading resolve)', () => {
    fixture.remove('npm/antd-mini/es/Loading/index.axml');
    expectOneError(
      'npm/antd-mini/es/Button/index.json',
      /usingComponents "loading": "..\/Loading" is missing npm\/antd-mini\/es\/Loading\/index.axml/,
    );
  });

  it('fails on a relative path from a component json and on a global app.json component', () => {
    fixture.editJson('components/job-card/index.json', (json) => {
      json.usingComponents = { 'ant-tag': '../../npm/antd-mini/es/Tags' };
    });
    fixture.editJson('app.json', (app) => {
      app.usingComponents = { 'app-empty': './components/app-empty/missing' };
    });
    const errors = errorsOf();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^app\.json: usingComponents "app-empty".* is missing components\/app-empty\/missing.axml/,
    );
    expect(errors[1]).toMatch(/^components\/job-card\/index\.json: usingComponents "ant-tag"/);
  });

  it('fails on a bare npm path (dist has no node_modules) and skips plugin:// paths', () => {
    fixture.editJson('pages/me/index.json', (json) => {
      json.usingComponents = { 'ant-list': 'antd-mini/es/List/index', map: 'plugin://maps/map' };
    });
    expectOneError('pages/me/index.json', /"ant-list": "antd-mini\/es\/List\/index" is missing .*node_modules/);
  });

  it('fails when a used component json lacks "component": true', () => {
    fixture.write('components/app-empty/index.json', '{}');
    expectOneError('components/app-empty/index.json', /lacks "component": true/);
  });
});

describe('requires', () => {
  it('accepts relative, absolute (/npm/mobx), .js-less, explicit .js and folder index.js requires', () => {
    expect(fixture.read('stores/jobs.js')).toContain("require('/npm/mobx')");
    expect(fixture.read('services/http.js')).toContain("require('../config')");
    expect(errorsOf()).toEqual([]);
  });

  it('fails on a require that does not resolve inside dist, naming file and line', () => {
    fixture.replace('pages/jobs/index.js', "require('../../stores/jobs')", "require('../../stores/job')");
    expectOneError(
      'pages/jobs/index.js',
      /^pages\/jobs\/index\.js:1: require\('..\/..\/stores\/job'\) does not resolve inside dist/,
    );
  });

  it('fails on a require that leaves dist', () => {
    fixture.replace('services/http.js', "require('../config')", "require('../../config')");
    expectOneError('services/http.js', /points outside dist/);
  });

  it('fails on a bare require the build should have rewritten', () => {
    fixture.replace('stores/jobs.js', "require('/npm/mobx')", "require('mobx')");
    expectOneError('stores/jobs.js', /^stores\/jobs\.js:1: bare require\('mobx'\)/);
  });

  it('fails when a subpackage requires another subpackage or the main package requires a subpackage', () => {
    fixture.editJson('app.json', (app) => {
      (app.subPackages as unknown[]).push({ root: 'subpackages/chat', pages: ['pages/room/index'] });
    });
    fixture.write('subpackages/chat/pages/room/index.json', '{}');
    fixture.write('subpackages/chat/pages/room/index.axml', '<view/>');
    fixture.write('subpackages/chat/pages/room/index.js', "require('../../../resume/util');\nPage({});\n");
    fixture.write('services/leak.js', "require('../subpackages/resume/util');\n");
    expect(errorsOf()).toEqual([
      `services/leak.js:1: require('../subpackages/resume/util'): the main package cannot use subpackages/resume/util/index.js from subpackage "subpackages/resume"`,
      `subpackages/chat/pages/room/index.js:1: require('../../../resume/util'): subpackage "subpackages/chat" cannot use subpackages/resume/util/index.js from subpackage "subpackages/resume"`,
    ]);
  });

  it('warns (does not fail) on a computed require path', () => {
    fixture.write('services/dynamic.js', "var name = 'http';\nmodule.exports = require('./' + name);\n");
    const result = checkDist(fixture.dist);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual(['services/dynamic.js:2: require() with a computed path cannot be checked']);
  });
});

describe('forbidden globals and dynamic code', () => {
  it('fails on a globalThis reference, naming file and line', () => {
    fixture.write(
      'services/env.js',
      "var a = {};\nmodule.exports = typeof globalThis !== 'undefined' ? globalThis : a;\n",
    );
    expect(errorsOf()).toEqual([
      "services/env.js:2: references `globalThis`, which Alipay's engine forbids",
      "services/env.js:2: references `globalThis`, which Alipay's engine forbids",
    ]);
  });

  it('fails on a bare `global` identifier', () => {
    fixture.write('services/env.js', 'module.exports = global.Symbol;\n');
    expectOneError('services/env.js', /:1: references `global`/);
  });

  it('does not flag property names, object keys, labels or strings called global', () => {
    fixture.write(
      'services/env.js',
      [
        'var a = { global: 1, globalThis: 2 };',
        "var b = a.global + a.globalThis + a['global'];",
        "var c = 'global globalThis';",
        'var d = { get global() { return 1; } };',
        'global: for (;;) { break global; }',
        'module.exports = [a, b, c, d];',
      ].join('\n'),
    );
    expect(errorsOf()).toEqual([]);
  });

  it('fails on eval and new Function, which Alipay does not run', () => {
    fixture.write('services/env.js', "eval('1');\nmodule.exports = new Function('return 1');\n");
    expect(errorsOf()).toEqual([
      "services/env.js:1: uses eval(), which Alipay's engine does not run",
      "services/env.js:2: uses new Function(), which Alipay's engine does not run",
    ]);
  });
});

describe('syntax level', () => {
  it('fails on ES2020 optional chaining, naming file, line and column', () => {
    fixture.replace('services/http.js', 'baseUrl: config.baseUrl', 'baseUrl: config?.baseUrl');
    expectOneError('services/http.js', /^services\/http\.js:2:\d+: does not parse as ES2017 script/);
  });

  it('fails on ES modules syntax and ES2018 object spread in shipped JS', () => {
    fixture.write('services/esm.js', 'export const a = 1;\n');
    fixture.write('services/spread.js', 'var a = {};\nmodule.exports = { ...a };\n');
    const errors = errorsOf();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^services\/esm\.js:1:1: does not parse as ES2017 script/);
    expect(errors[1]).toMatch(/^services\/spread\.js:2:\d+: does not parse as ES2017 script/);
  });

  it('accepts ES2017 (async functions, classes, template literals)', () => {
    fixture.write(
      'services/modern.js',
      'class A {}\nmodule.exports = async function () { await 1; return `${A.name}`; };\n',
    );
    expect(errorsOf()).toEqual([]);
  });

  it('still reports problems in a file newer than ES2017', () => {
    fixture.write('services/new.js', 'var a = globalThis?.b;\nrequire("./nope");\n');
    const errors = errorsOf();
    expect(errors).toHaveLength(3);
    expect(errors[1]).toBe("services/new.js:1: references `globalThis`, which Alipay's engine forbids");
    expect(errors[2]).toMatch(/^services\/new\.js:2: require\('.\/nope'\) does not resolve/);
  });
});

describe('template and style references', () => {
  it('fails on an unresolved <import-sjs from>, <import src>, <include src> and acss @import', () => {
    fixture.remove('pages/jobs/format.sjs');
    fixture.remove('pages/jobs/item.axml');
    fixture.remove('pages/me/header.axml');
    fixture.remove('styles/base.acss');
    expect(errorsOf()).toEqual([
      `app.acss:1: @import "./styles/base.acss": './styles/base.acss' does not resolve inside dist`,
      `pages/jobs/index.axml:1: <import-sjs from="./format.sjs">: './format.sjs' does not resolve inside dist`,
      `pages/jobs/index.axml:2: <import-sjs from="./format.sjs">: './format.sjs' does not resolve inside dist`,
      `pages/jobs/index.axml:3: <import src="./item.axml">: './item.axml' does not resolve inside dist`,
      `pages/me/index.axml:3: <include src="./header.axml">: './header.axml' does not resolve inside dist`,
    ]);
  });

  it("fails on an unresolved import inside an sjs file (antd-mini's own included)", () => {
    fixture.remove('npm/antd-mini/es/_util/helper.sjs');
    expectOneError('npm/antd-mini/es/Button/index.sjs', /import '..\/_util\/helper.sjs'/);
  });
});

describe('images', () => {
  it('fails on an image above 100 KB, naming it', () => {
    fixture.write('assets/logo.png', Buffer.alloc(IMAGE_LIMIT_BYTES + 1));
    expectOneError('assets/logo.png', /image is 100.0 KB, above Alipay's 100.0 KB per image/);
  });

  it('accepts an image of exactly 100 KB and warns on an unreferenced one', () => {
    fixture.write('assets/logo.png', Buffer.alloc(IMAGE_LIMIT_BYTES));
    fixture.write('assets/unused.jpg', Buffer.alloc(10));
    const result = checkDist(fixture.dist);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([expect.stringMatching(/^assets\/unused\.jpg: image is not referenced/)]);
  });
});

describe('package sizes', () => {
  it('fails when a subpackage is above its 1 MB budget, though within 2 MB', () => {
    fixture.write('subpackages/resume/data.json', JSON.stringify({ blob: 'x'.repeat(SUBPACKAGE_BUDGET_BYTES) }));
    expect(checkDist(fixture.dist).errors).toEqual([
      expect.stringMatching(/^subpackages\/resume\/: 1024.\d KB, above this project's 1024.0 KB budget/),
    ]);
  });

  it('fails when the main package is above its 450 KB budget', () => {
    fixture.write('data.json', JSON.stringify({ blob: 'x'.repeat(MAIN_PACKAGE_BUDGET_BYTES) }));
    expect(checkDist(fixture.dist).errors).toEqual([
      expect.stringMatching(/^main package: 4\d\d.\d KB, above this project's 450.0 KB budget/),
    ]);
  });

  it('fails when a subpackage is above Alipay’s 2 MB', () => {
    fixture.write('subpackages/resume/data.json', JSON.stringify({ blob: 'x'.repeat(PACKAGE_LIMIT_BYTES) }));
    const result = checkDist(fixture.dist);
    expect(result.errors).toEqual([
      expect.stringMatching(/^subpackages\/resume\/: 2048.\d KB, above Alipay's 2048.0 KB per package/),
    ]);
    expect(result.packages.find((p) => p.name === 'subpackages/resume')!.bytes).toBeGreaterThan(PACKAGE_LIMIT_BYTES);
  });

  it('fails when the main package is above 2 MB', () => {
    fixture.write('services/big.json', JSON.stringify({ blob: 'x'.repeat(PACKAGE_LIMIT_BYTES) }));
    expectOneError('main package', /above Alipay's 2048.0 KB per package/);
  });

  it('fails when all packages together are above 8 MB', () => {
    // Nine subpackages, each within its own budget, together over Alipay's total.
    const extras = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const blob = JSON.stringify({ blob: 'x'.repeat(SUBPACKAGE_BUDGET_BYTES - 50 * 1024) });
    fixture.editJson('app.json', (app) => {
      for (const n of extras) (app.subPackages as unknown[]).push({ root: `subpackages/extra${n}`, pages: [] });
    });
    for (const n of extras) fixture.write(`subpackages/extra${n}/data.json`, blob);
    const errors = errorsOf();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/all packages together are 8\d{3}\.\d KB, above Alipay's 8192.0 KB/);
  });
});

describe('CLI', () => {
  const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
  const script = path.resolve(__dirname, '../../scripts/check-dist.ts');

  it('prints the size table and exits 0 on a clean dist', () => {
    const out = execFileSync(tsx, [script, fixture.dist], { encoding: 'utf8' });
    expect(out).toMatch(/package\s+files\s+bytes\s+KB\s+budget\s+status/);
    expect(out).toMatch(/^main\s+\d+\s+\d+\s+[\d.]+ KB\s+450.0 KB\s+ok$/m);
    expect(out).toMatch(/^subpackages\/resume\s+4\s+/m);
    expect(out).toMatch(/^total\s+/m);
    expect(out).toContain('dist check passed');
  });

  it('prints each error naming the file and exits 1', () => {
    fixture.remove('pages/me/index.js');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(tsx, [script, fixture.dist], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = (e as { stderr: string }).stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain(
      'error: pages/me/index.js: page "pages/me/index" listed in app.json is missing pages/me/index.js',
    );
  });
});
