import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The files of a minimal dist that passes both checks, by dist-relative path. */
export function cleanDistFiles(): Record<string, string | Buffer> {
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return {
    'app.json': json({
      pages: ['pages/jobs/index', 'pages/me/index'],
      subPackages: [{ root: 'subpackages/resume', pages: ['pages/edit/index'] }],
      preloadRule: { 'pages/me/index': { packages: ['subpackages/resume'] } },
      window: { defaultTitle: '求职' },
      tabBar: {
        items: [
          { pagePath: 'pages/jobs/index', name: '职位', icon: 'assets/tab-jobs.png' },
          { pagePath: 'pages/me/index', name: '我的' },
        ],
      },
      usingComponents: { 'app-empty': '/components/app-empty/index' },
    }),
    'app.js': "var http = require('./services/http');\nApp({ globalData: { http: http }, onLaunch() {} });\n",
    'app.acss': "@import './styles/base.acss';\npage { background: #f5f5f5; }\n",
    'styles/base.acss': '.row { display: flex; }\n',
    'assets/tab-jobs.png': Buffer.alloc(2 * 1024, 1),
    'assets/logo.png': Buffer.alloc(4 * 1024, 2),

    'services/http.js':
      "var config = require('../config');\nmodule.exports = { baseUrl: config.baseUrl, request: function () {} };\n",
    'config/index.js': "module.exports = { baseUrl: 'http://127.0.0.1:3000' };\n",
    'stores/jobs.js':
      "var mobx = require('/npm/mobx');\nvar dayjs = require('../npm/dayjs.js');\n" +
      'module.exports = { jobsStore: mobx.observable({ jobs: [] }), today: dayjs() };\n',
    'npm/mobx.js': 'exports.observable = function (x) { return x; };\n',
    'npm/dayjs.js': 'module.exports = function () { return { format: function () { return "" } } };\n',

    'pages/jobs/index.json': json({
      usingComponents: {
        'job-card': '/components/job-card/index',
        'ant-button': '/npm/antd-mini/es/Button/index',
      },
    }),
    'pages/jobs/index.js':
      "var store = require('../../stores/jobs');\n" +
      'Page({\n' +
      "  data: { jobs: store.jobsStore.jobs, title: '职位', loading: false, filter: { city: '杭州' } },\n" +
      '  onLoad() {},\n' +
      '  handleJobTap(e) { return e; },\n' +
      '  loadMore() {},\n' +
      '});\n',
    'pages/jobs/index.axml': [
      '<import-sjs from="./format.sjs" name="fmt"/>',
      '<import-sjs from="./format.sjs" name="{ salary: formatSalary }"/>',
      '<import src="./item.axml"/>',
      "<view class=\"page {{ loading ? 'is-loading' : '' }}\" style=\"color: {{ filter.city === '杭州' ? 'red' : 'blue' }}\">",
      '  <text>{{title}} · {{ filter.city }}</text>',
      '  <job-card a:for="{{jobs}}" a:key="id" job="{{item}}" index="{{index}}" onTap="handleJobTap">',
      '    <view slot="footer" slot-scope="props">{{props.applied}}</view>',
      '  </job-card>',
      '  <view a:for="{{jobs}}" a:for-item="job" a:for-index="i" data-id="{{job.id}}" catchTap="handleJobTap">',
      '    {{fmt.salary(job.salary)}} {{ formatSalary(job.salary) }} {{i}} {{ {a: job.id}.a }} {{ undefined }}',
      '  </view>',
      '  <template is="job-row" data="{{...filter, title: title}}"/>',
      '  <block a:if="{{!loading}}"><ant-button onTap="loadMore">更多</ant-button></block>',
      '  <app-empty a:else/>',
      '</view>',
    ].join('\n'),
    'pages/jobs/format.sjs': 'export const salary = (s) => s + "K";\nexport default { salary };\n',
    'pages/jobs/item.axml':
      '<template name="job-row">\n  <view onTap="handleJobTap">{{city}} {{title}}</view>\n</template>\n',
    'pages/jobs/index.acss': '.page { padding: 12rpx; }\n',

    'pages/me/index.json': json({}),
    'pages/me/index.js':
      "Page({ data: { user: null }, openResume() { my.navigateTo({ url: '/subpackages/resume/pages/edit/index' }); } });\n",
    'pages/me/index.axml':
      '<view>\n  <image src="/assets/logo.png"/>\n  <include src="./header.axml"/>\n  <button onTap="openResume">简历</button>\n</view>\n',
    'pages/me/header.axml': '<view class="header">{{ user ? user.name : \'未登录\' }}</view>\n',
    'pages/me/index.acss': '',

    'components/job-card/index.json': json({
      component: true,
      usingComponents: { 'ant-tag': '../../npm/antd-mini/es/Tag' },
    }),
    'components/job-card/index.js':
      'Component({\n' +
      '  props: { job: null, index: 0, onTap: function () {} },\n' +
      '  data: function () { return { expanded: false }; },\n' +
      '  methods: {\n' +
      '    handleTap() { this.props.onTap(this.props.job); },\n' +
      '    toggle() { this.setData({ expanded: !this.data.expanded }); },\n' +
      '  },\n' +
      '});\n',
    'components/job-card/index.axml':
      '<view class="job-card" onTap="handleTap">\n' +
      '  <text>{{job.title}}</text>\n' +
      '  <ant-tag>{{job.city}}</ant-tag>\n' +
      '  <view a:if="{{expanded}}" catchTap="toggle">{{index}} {{$id}}</view>\n' +
      '  <slot name="footer" applied="{{job.applied}}"/>\n' +
      '</view>\n',
    'components/job-card/index.acss': '.job-card { margin: 8rpx; }\n',

    'components/app-empty/index.json': json({ component: true }),
    'components/app-empty/index.js': "Component({ props: { text: '暂无内容' }, methods: {} });\n",
    'components/app-empty/index.axml': '<view class="empty">{{text}}</view>\n',

    'subpackages/resume/pages/edit/index.json': json({ usingComponents: { 'job-card': '/components/job-card/index' } }),
    'subpackages/resume/pages/edit/index.js':
      "var http = require('../../../../services/http');\nvar util = require('../../util');\n" +
      'Page({ data: { resume: {} }, save() { return [http, util]; } });\n',
    'subpackages/resume/pages/edit/index.axml':
      '<view><text>{{resume.name}}</text><button onTap="save">保存</button></view>\n',
    'subpackages/resume/util/index.js': 'module.exports = {};\n',

    // antd-mini as the build copies it: ES2017 CommonJS, components naming each other by folder.
    'npm/antd-mini/es/Button/index.json': json({ component: true, usingComponents: { loading: '../Loading' } }),
    'npm/antd-mini/es/Button/index.js':
      "var fmt = require('../_util/fmtEvent');\nComponent({ methods: { onTap: fmt.default } });\n",
    'npm/antd-mini/es/Button/index.axml':
      '<import-sjs from="./index.sjs" name="utils"></import-sjs>\n<button onTap="{{onTap ? \'onTap\' : \'\'}}"><slot/><loading a:if="{{loading}}"/></button>\n',
    'npm/antd-mini/es/Button/index.sjs': "import helper from '../_util/helper.sjs';\nexport default { helper };\n",
    'npm/antd-mini/es/Button/index.acss': "@import '../style/base.acss';\n",
    'npm/antd-mini/es/style/base.acss': '',
    'npm/antd-mini/es/_util/fmtEvent.js': 'exports.default = function (e) { return e; };\n',
    'npm/antd-mini/es/_util/helper.sjs': 'export default {};\n',
    'npm/antd-mini/es/Loading/index.json': json({ component: true }),
    'npm/antd-mini/es/Loading/index.js': 'Component({});\n',
    'npm/antd-mini/es/Loading/index.axml': '<view class="ant-loading"/>\n',
    'npm/antd-mini/es/Tag/index.json': json({ component: true }),
    'npm/antd-mini/es/Tag/index.js': 'Component({});\n',
    'npm/antd-mini/es/Tag/index.axml': '<view class="ant-tag"><slot/></view>\n',
  };
}

export interface Fixture {
  dist: string;
  write(rel: string, content: string | Buffer): void;
  remove(rel: string): void;
  read(rel: string): string;
  /** Replaces text in a file, failing loudly when the text is not there (so a plant cannot miss). */
  replace(rel: string, from: string, to: string): void;
  editJson(rel: string, edit: (value: Record<string, unknown>) => void): void;
  cleanup(): void;
}

/** Writes the clean minimal dist into a new temp folder. */
export function makeFixture(): Fixture {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-dist-'));
  const dist = path.join(root, 'dist');
  const write = (rel: string, content: string | Buffer) => {
    const file = path.join(dist, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  for (const [rel, content] of Object.entries(cleanDistFiles())) write(rel, content);
  const read = (rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8');
  return {
    dist,
    write,
    read,
    remove: (rel) => fs.rmSync(path.join(dist, rel)),
    replace(rel, from, to) {
      const text = read(rel);
      if (!text.includes(from)) throw new Error(`fixture ${rel} does not contain ${from}`);
      write(rel, text.replace(from, to));
    },
    editJson(rel, edit) {
      const value = JSON.parse(read(rel)) as Record<string, unknown>;
      edit(value);
      write(rel, JSON.stringify(value, null, 2));
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
