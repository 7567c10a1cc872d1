import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { checkTemplates } from '../../scripts/check-templates';
import { expressionNames, sjsImportNames } from '../../scripts/lib/axml';
import { makeFixture, type Fixture } from './fixture';

let fixture: Fixture;
beforeEach(() => {
  fixture = makeFixture();
});
afterEach(() => fixture.cleanup());

const errorsOf = () => checkTemplates(fixture.dist).errors;

describe('checkTemplates on the clean fixture', () => {
  it('passes: a:for item/index and custom names, slot-scope, sjs (default and named), props, function data, templates', () => {
    expect(errorsOf()).toEqual([]);
  });

  it('skips npm code: antd-mini templates are not the project’s', () => {
    fixture.write('npm/antd-mini/es/Tag/index.axml', '<unknown-tag onTap="nothing">{{ whatever }}</unknown-tag>\n');
    expect(errorsOf()).toEqual([]);
  });
});

describe('event handlers', () => {
  it('fails when a page handler is not a method of the page', () => {
    fixture.replace('pages/jobs/index.axml', 'onTap="loadMore"', 'onTap="loadMoreJobs"');
    expect(errorsOf()).toEqual([
      'pages/jobs/index.axml:13: onTap="loadMoreJobs" is not a method of the page pages/jobs/index',
    ]);
  });

  it('fails on catch* handlers and handlers in included files too', () => {
    fixture.replace('pages/jobs/index.axml', 'catchTap="handleJobTap"', 'catchTap="handleTap"');
    fixture.write('pages/me/header.axml', '<view onLongTap="showMenu">{{ user }}</view>\n');
    expect(errorsOf()).toEqual([
      'pages/jobs/index.axml:9: catchTap="handleTap" is not a method of the page pages/jobs/index',
      'pages/me/header.axml:1: onLongTap="showMenu" is not a method of the page pages/me/index',
    ]);
  });

  it('fails when a component handler is outside `methods`', () => {
    fixture.write(
      'components/job-card/index.js',
      'Component({ props: { job: null, index: 0 }, data: { expanded: false }, toggle() {}, methods: { handleTap() {} } });\n',
    );
    expect(errorsOf()).toEqual([
      'components/job-card/index.axml:4: catchTap="toggle" is not a method of the component (in methods) components/job-card/index',
    ]);
  });

  it('checks handlers of imported templates against the page that uses them', () => {
    fixture.replace('pages/jobs/item.axml', 'onTap="handleJobTap"', 'onTap="openJob"');
    expect(errorsOf()).toEqual([
      'pages/jobs/item.axml:2: onTap="openJob" is not a method of the page pages/jobs/index',
    ]);
  });

  it('accepts methods from mixins and a dynamic handler reading data', () => {
    fixture.write(
      'pages/me/index.js',
      'var mixin = { data: { tapName: "openResume" }, openResume() {} };\nPage({ mixins: [mixin], data: { user: null } });\n',
    );
    fixture.replace('pages/me/index.axml', 'onTap="openResume"', 'onTap="{{ tapName }}"');
    expect(errorsOf()).toEqual([]);
  });
});

describe('data names', () => {
  it('fails when a page reads a name that is not in its data', () => {
    fixture.replace('pages/jobs/index.axml', '{{title}}', '{{pageTitle}}');
    expect(errorsOf()).toEqual([
      `pages/jobs/index.axml:5: {{pageTitle}} reads "pageTitle", which is not in the page's data (pages/jobs/index), an a:for scope, a slot-scope or an <import-sjs> name`,
    ]);
  });

  it('fails when a component reads a name that is neither data nor props', () => {
    fixture.replace('components/job-card/index.axml', '{{index}}', '{{position}}');
    expect(errorsOf()).toEqual([
      `components/job-card/index.axml:4: {{position}} reads "position", which is not in the component's data or props (components/job-card/index), an a:for scope, a slot-scope or an <import-sjs> name`,
    ]);
  });

  it('reads only root names: not object keys, member names, strings or literals', () => {
    fixture.replace(
      'pages/jobs/index.axml',
      '{{ undefined }}',
      "{{ {city: job.id}.city }} {{ job['salary'] }} {{ 'salary' + true + null }} {{ jobs[i].salary.max }} {{ salry }}",
    );
    expect(errorsOf()).toEqual([expect.stringMatching(/^pages\/jobs\/index\.axml:10: \{\{salry\}\} reads "salry"/)]);
  });

  it('does not leak a:for, slot-scope or sjs names outside where they apply', () => {
    fixture.replace(
      'pages/jobs/index.axml',
      '<text>{{title}}',
      '<text>{{item}} {{props}} {{job}} {{fmt2.x}} {{title}}',
    );
    expect(errorsOf().map((e) => e.replace(/, which.*/, ''))).toEqual([
      'pages/jobs/index.axml:5: {{item}} reads "item"',
      'pages/jobs/index.axml:5: {{props}} reads "props"',
      'pages/jobs/index.axml:5: {{job}} reads "job"',
      'pages/jobs/index.axml:5: {{fmt2.x}} reads "fmt2"',
    ]);
  });

  it('checks names in attributes, a:for sources and template data, but not inside <template name>', () => {
    fixture.replace('pages/jobs/index.axml', 'a:for="{{jobs}}" a:key', 'a:for="{{jobList}}" a:key');
    fixture.replace('pages/jobs/index.axml', '{{...filter, title: title}}', '{{...filters, title: title}}');
    fixture.write(
      'pages/jobs/item.axml',
      '<template name="job-row">\n  <view>{{anything}} {{goes}}</view>\n</template>\n',
    );
    expect(errorsOf().map((e) => e.replace(/, which.*/, ''))).toEqual([
      'pages/jobs/index.axml:6: {{jobList}} reads "jobList"',
      'pages/jobs/index.axml:12: {{...filters, title: title}} reads "filters"',
    ]);
  });

  it('checks included files in the including page’s scope', () => {
    fixture.write('pages/me/header.axml', "<view>{{ user ? user.name : '' }} {{ nickname }}</view>\n");
    expect(errorsOf()).toEqual([
      expect.stringMatching(/^pages\/me\/header\.axml:1: \{\{nickname\}\} reads "nickname".*pages\/me\/index/),
    ]);
  });
});

describe('tags', () => {
  it('fails on a tag that is neither built in, declared nor a template', () => {
    fixture.replace(
      'pages/jobs/index.axml',
      '<ant-button onTap="loadMore">更多</ant-button>',
      '<ant-buton onTap="loadMore">更多</ant-buton>',
    );
    expect(errorsOf()).toEqual([
      'pages/jobs/index.axml:13: <ant-buton> is neither a built-in component nor declared in usingComponents',
    ]);
  });

  it('fails on a component declared for another page only, and on an unknown tag in a component', () => {
    fixture.write('pages/me/index.axml', '<view><job-card job="{{user}}"/><button onTap="openResume"/></view>\n');
    fixture.replace('components/job-card/index.axml', '<text>{{job.title}}</text>', '<txt>{{job.title}}</txt>');
    expect(errorsOf()).toEqual([
      'components/job-card/index.axml:2: <txt> is neither a built-in component nor declared in usingComponents',
      'pages/me/index.axml:1: <job-card> is neither a built-in component nor declared in usingComponents',
    ]);
  });

  it('accepts app.json global components anywhere and fails on <template is> with no such template', () => {
    fixture.write(
      'pages/me/index.axml',
      '<view><app-empty/><template is="profile-row"/><button onTap="openResume"/></view>\n',
    );
    expect(errorsOf()).toEqual([
      'pages/me/index.axml:1: <template is="profile-row"> names no template defined here or in an imported file',
    ]);
  });

  it('reports parse errors and mismatched closing tags with their line', () => {
    fixture.write(
      'pages/me/index.axml',
      '<view>\n  <text>{{user}}</view>\n<image src="/assets/logo.png">\n<button onTap="openResume"/>\n',
    );
    const errors = errorsOf();
    expect(errors).toContain('pages/me/index.axml:2: </view> closes <text>');
    expect(errors.some((e) => /^pages\/me\/index\.axml:\d+: AXML parse error/.test(e))).toBe(true);
  });
});

describe('loading the compiled JS', () => {
  it('reports a page whose JS throws while loading', () => {
    fixture.write('pages/me/index.js', "throw new Error('boom');\n");
    expect(errorsOf()).toEqual(['pages/me/index.js: throws while loading (boom); its template cannot be checked']);
  });

  it('reports a page whose JS never calls Page()', () => {
    fixture.write('pages/me/index.js', 'module.exports = {};\n');
    expect(errorsOf()).toEqual([
      'pages/me/index.js: does not register with Page(), so pages/me/index.axml has no methods or data',
    ]);
  });

  it('gives loaded code a no-op `my`, getApp() and timers, so loading performs no I/O', () => {
    fixture.write(
      'pages/me/index.js',
      [
        "my.request({ url: 'http://127.0.0.1:1' });",
        'setTimeout(function () { throw new Error("timer ran"); }, 0);',
        'var app = getApp();',
        'Page({ data: { user: app.globalData.http.baseUrl }, openResume() {} });',
      ].join('\n'),
    );
    expect(errorsOf()).toEqual([]);
  });
});

describe('expression helpers', () => {
  it('finds root names of AXML expressions', () => {
    expect(expressionNames("a.b[c] + fn(d, 'e') + {f: g}.h").names.sort()).toEqual(['a', 'c', 'd', 'fn', 'g']);
    expect(expressionNames('...item, index: i').names.sort()).toEqual(['i', 'item']);
    expect(expressionNames('list.map(x => x + y)').names.sort()).toEqual(['list', 'y']);
    expect(expressionNames('a +').error).toMatch(/cannot parse/);
  });

  it('reads default and named import-sjs names', () => {
    expect(sjsImportNames('util')).toEqual(['util']);
    expect(sjsImportNames('{ a, b: c }')).toEqual(['a', 'c']);
  });
});

describe('CLI', () => {
  const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
  const script = path.resolve(__dirname, '../../scripts/check-templates.ts');

  it('exits 0 on a clean dist and 1 naming the file on a planted mistake', () => {
    expect(execFileSync(tsx, [script, fixture.dist], { encoding: 'utf8' })).toContain('template check passed');
    fixture.replace('pages/jobs/index.axml', '{{title}}', '{{pageTitle}}');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(tsx, [script, fixture.dist], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = (e as { stderr: string }).stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain('error: pages/jobs/index.axml:5: {{pageTitle}} reads "pageTitle"');
  });
});
