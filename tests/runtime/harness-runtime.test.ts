import { createRuntime, type AppJson, type Runtime } from '../../runtime/harness/runtime';
import { parsePath } from '../../runtime/core/set-data';
import { sendJson, startServer, type TestServer } from './fixtures/http-server';

const FIXTURES = 'tests/runtime/fixtures';
const PAGES = `${FIXTURES}/pages`;
const APP_JSON: AppJson = {
  pages: ['lifecycle', 'detail', 'data-ops', 'tab-jobs', 'tab-me'].map((name) => `${PAGES}/${name}`),
  tabBar: { items: [{ pagePath: `${PAGES}/tab-jobs` }, { pagePath: `${PAGES}/tab-me` }] },
};

interface DataOps {
  filter: { city: string };
  list: Array<{ title: string; applied?: boolean }>;
  grid: number[][];
  counter: number;
  profile?: { tags: Array<{ name: string } | null> };
}

let rt: Runtime;
let callLog: string[];

beforeEach(() => {
  // A fresh module registry per test: fixtures (and, in page tests, stores) load anew and share it.
  jest.resetModules();
  rt = createRuntime({ appJson: APP_JSON });
  callLog = rt.requireFromRoot<typeof import('./fixtures/call-log')>(`${FIXTURES}/call-log`).callLog;
});

afterEach(() => rt.dispose());

describe('setData with path keys', () => {
  it('updates nested objects and array items, and creates missing objects and arrays', () => {
    const page = rt.mountPage<DataOps>(`${PAGES}/data-ops`);
    page.call('setCity', '上海');
    page.call('markApplied', 1);
    page.call('setCell', 1, 0, 7);
    page.call('createDeep');
    expect(page.data.filter).toEqual({ city: '上海' });
    expect(page.data.list).toEqual([{ title: 'A' }, { title: 'B', applied: true }]);
    expect(page.data.grid).toEqual([
      [0, 0],
      [7, 0],
    ]);
    expect(Array.isArray(page.data.profile?.tags)).toBe(true);
    expect(page.data.profile?.tags[1]).toEqual({ name: '实习' });
    expect(page.setDataCalls.map((call) => call.payload)).toEqual([
      { 'filter.city': '上海' },
      { 'list[1].applied': true },
      { 'grid[1][0]': 7 },
      { 'profile.tags[1].name': '实习' },
    ]);
    expect(page.setDataCalls[0]).toMatchObject({
      kind: 'setData',
      bytes: Buffer.byteLength('{"filter.city":"上海"}'),
      transfer: 1,
      batched: false,
    });
    expect(page.transferCount).toBe(4);
  });

  it('parses Alipay data paths and rejects malformed ones', () => {
    expect(parsePath('list[3].title')).toEqual(['list', 3, 'title']);
    expect(parsePath('a[0][1]')).toEqual(['a', 0, 1]);
    expect(parsePath('a.b.c')).toEqual(['a', 'b', 'c']);
    for (const bad of ['a..b', '.a', 'a.', '[0]', 'a.[0]', 'a[x]'])
      expect(() => parsePath(bad)).toThrow(/setData path/);
  });

  it('skips undefined values and stores what JSON carries, not references', () => {
    const page = rt.mountPage<DataOps & Record<string, unknown>>(`${PAGES}/data-ops`);
    const filter = { city: '广州' };
    page.instance.setData({ filter, counter: undefined });
    filter.city = 'changed';
    expect(page.data.filter.city).toBe('广州');
    expect(page.data.counter).toBe(0);
    expect(page.setDataCalls[0].payload).toEqual({ filter: { city: '广州' } });
  });

  it('runs the callback after applying, asynchronously', async () => {
    const page = rt.mountPage<DataOps>(`${PAGES}/data-ops`);
    const done = jest.fn();
    page.call('setWithCallback', done);
    expect(page.data.counter).toBe(42);
    expect(done).not.toHaveBeenCalled();
    await page.flush();
    expect(done).toHaveBeenCalledWith(42);
  });
});

describe('$spliceData and $batchedUpdates', () => {
  it('appends, inserts and deletes with [start, deleteCount, ...items]', () => {
    const page = rt.mountPage<DataOps>(`${PAGES}/data-ops`);
    page.call('append', 'C', 'D');
    expect(page.data.list.map((job) => job.title)).toEqual(['A', 'B', 'C', 'D']);
    page.call('insertAt', 1, 'X');
    expect(page.data.list.map((job) => job.title)).toEqual(['A', 'X', 'B', 'C', 'D']);
    page.call('removeAt', 0, 2);
    expect(page.data.list.map((job) => job.title)).toEqual(['B', 'C', 'D']);
    expect(page.setDataCalls.map((call) => [call.kind, call.payload])).toEqual([
      ['$spliceData', { list: [2, 0, { title: 'C' }, { title: 'D' }] }],
      ['$spliceData', { list: [1, 0, { title: 'X' }] }],
      ['$spliceData', { list: [0, 2] }],
    ]);
  });

  it('takes path keys and refuses a target that is not an array', () => {
    const page = rt.mountPage<DataOps & { a?: { b: number[] } }>(`${PAGES}/data-ops`);
    page.instance.$spliceData({ 'a.b': [0, 0, 1, 2] });
    page.instance.$spliceData({ 'a.b': [1, 0, 5] });
    expect(page.data.a).toEqual({ b: [1, 5, 2] });
    expect(() => page.instance.$spliceData({ filter: [0, 0, 1] })).toThrow(/not an array/);
  });

  it('counts the calls inside $batchedUpdates as one transfer', () => {
    const page = rt.mountPage<DataOps>(`${PAGES}/data-ops`);
    page.call('setCity', '深圳');
    page.call('plusTwoBatched');
    expect(page.data.counter).toBe(2);
    expect(page.data.list).toEqual([{ title: 'B' }]);
    expect(page.transferCount).toBe(2);
    expect(page.setDataCalls.map((call) => [call.kind, call.transfer, call.batched])).toEqual([
      ['setData', 1, false],
      ['setData', 2, true],
      ['setData', 2, true],
      ['$spliceData', 2, true],
    ]);
  });
});

describe('pages', () => {
  it('runs onLoad(query), onShow, onReady in order, with route, options and a deep copy of data', () => {
    const page = rt.mountPage(`${PAGES}/lifecycle`, { from: 'search', id: 'j9' });
    expect(callLog).toEqual(['lifecycle:onLoad', 'lifecycle:onShow', 'lifecycle:onReady']);
    expect(page.lifecycle).toEqual(['onLoad', 'onShow', 'onReady']);
    expect(page.data.lastQuery).toEqual({ from: 'search', id: 'j9' });
    expect(page.instance.route).toBe(`${PAGES}/lifecycle`);
    expect(page.instance.options).toEqual({ from: 'search', id: 'j9' });
    expect(page.state).toBe('shown');
    const second = rt.mountPage(`${PAGES}/lifecycle?id=j1`);
    expect(second.data.lastQuery).toEqual({ id: 'j1' });
    expect(page.data.lastQuery).toEqual({ from: 'search', id: 'j9' });
    expect(callLog.slice(3)).toEqual(['lifecycle:onHide', 'lifecycle:onLoad', 'lifecycle:onShow', 'lifecycle:onReady']);
  });

  it('drives hide, show, reach bottom, pull-down refresh, share and unload', async () => {
    const page = rt.mountPage(`${PAGES}/lifecycle`);
    callLog.length = 0;
    page.hide();
    page.show();
    page.reachBottom();
    page.pullDownRefresh();
    page.tap('onSelectJob', { dataset: { id: 'j7' } });
    await expect(page.shareAppMessage()).resolves.toMatchObject({
      title: '职位推荐',
      path: `/${PAGES}/lifecycle?id=j7`,
    });
    page.unload();
    expect(callLog).toEqual([
      'lifecycle:onHide',
      'lifecycle:onShow',
      'lifecycle:onReachBottom',
      'lifecycle:onPullDownRefresh:manual',
      'lifecycle:onUnload',
    ]);
    expect(rt.fake.ui).toEqual([{ api: 'stopPullDownRefresh' }]);
    expect(rt.routes()).toEqual([]);
    expect(() => page.show()).toThrow(/unloaded/);
  });

  it('builds realistic event objects for tap and fire', () => {
    const page = rt.mountPage(`${PAGES}/lifecycle`);
    page.tap('onSelectJob', { dataset: { id: 'j1', index: 0 } });
    expect(page.data.selectedId).toBe('j1');
    expect(page.instance.lastEvent).toEqual({
      type: 'tap',
      timeStamp: expect.any(Number),
      target: {
        id: '',
        tagName: 'view',
        dataset: { id: 'j1', index: 0 },
        targetDataset: { id: 'j1', index: 0 },
        offsetLeft: 0,
        offsetTop: 0,
      },
      currentTarget: { id: '', tagName: 'view', dataset: { id: 'j1', index: 0 }, offsetLeft: 0, offsetTop: 0 },
      detail: {},
    });
    page.fire('onSelectJob', { dataset: { id: 'j2' }, detail: { value: '3' }, tagName: 'picker', id: 'city' });
    expect(page.instance.lastEvent).toMatchObject({
      type: 'selectJob',
      detail: { value: '3' },
      currentTarget: { id: 'city', tagName: 'picker', dataset: { id: 'j2' } },
    });
    expect(() => page.tap('onMissing')).toThrow(/onMissing is not a method of page/);
  });

  it('gives getApp() the mounted app after onLaunch and onShow', () => {
    const app = rt.mountApp(`${FIXTURES}/app`, { scene: 1011 });
    expect(callLog).toEqual(['app:onLaunch:1011', 'app:onShow']);
    expect(app.instance.globalData).toEqual({ userName: '小明', launchScene: 1011 });
    const page = rt.mountPage(`${PAGES}/needs-app`);
    expect(page.data.greeting).toBe('你好，小明');
    callLog.length = 0;
    rt.mountPage(`${PAGES}/lifecycle`);
    callLog.length = 0;
    rt.enterBackground();
    rt.enterForeground();
    expect(callLog).toEqual(['lifecycle:onHide', 'app:onHide', 'app:onShow', 'lifecycle:onShow']);
  });
});

describe('navigation through the fake my', () => {
  it('navigateTo mounts the target when asked, links an event channel, and navigateBack returns', async () => {
    rt.mountOnNavigate = true;
    const list = rt.mountPage(`${PAGES}/lifecycle`);
    list.tap('onSelectJob', { dataset: { id: 'j3' } });
    callLog.length = 0;
    list.call('openDetail');
    await rt.flush();
    expect(rt.fake.navigation).toEqual([{ api: 'navigateTo', url: 'detail?id=j3' }]);
    expect(rt.routes()).toEqual([`${PAGES}/lifecycle`, `${PAGES}/detail`]);
    const pages = getCurrentPages();
    expect(pages.map((page) => page.route)).toEqual(rt.routes());
    expect(callLog).toEqual([
      'lifecycle:onHide',
      'detail:onLoad:j3',
      'lifecycle:detailOpened:{"id":"j3"}',
      'detail:onShow',
      'detail:onReady',
    ]);
    const detail = rt.currentPage<{ id: string }>();
    expect(detail?.data.id).toBe('j3');
    callLog.length = 0;
    detail?.call('back');
    await rt.flush();
    expect(callLog).toEqual(['detail:onUnload', 'lifecycle:onShow']);
    expect(rt.routes()).toEqual([`${PAGES}/lifecycle`]);
  });

  it('without mountOnNavigate, records the navigation and stacks a stub', async () => {
    const list = rt.mountPage(`${PAGES}/lifecycle`);
    list.call('openDetail');
    await rt.flush();
    expect(callLog.filter((entry) => entry.startsWith('detail:'))).toEqual([]);
    const top = getCurrentPages()[1];
    expect(top).toMatchObject({ route: `${PAGES}/detail`, options: { id: '' }, $stub: true });
    expect(rt.currentPage()).toBeUndefined();
  });

  it('fails like Alipay for a tab page through navigateTo, an unknown page, and a full stack', async () => {
    rt.mountPage(`${PAGES}/lifecycle`);
    await expect(my.navigateTo({ url: '/tests/runtime/fixtures/pages/tab-jobs' })).rejects.toMatchObject({
      error: 1,
      errorMessage: expect.stringMatching(/is tab, which is not valid/),
    });
    await expect(my.navigateTo({ url: 'nowhere' })).rejects.toMatchObject({
      error: 1,
      errorMessage: `nowhere resolved to ${PAGES}/nowhere is not found`,
    });
    for (let i = 0; i < 9; i++) await my.navigateTo({ url: `detail?n=${i}` });
    expect(rt.routes()).toHaveLength(10);
    await expect(my.navigateTo({ url: 'detail' })).rejects.toMatchObject({ error: 1 });
    expect(rt.fake.navigation.filter((entry) => entry.failure)).toHaveLength(3);
  });

  it('redirectTo replaces the top; switchTab keeps tab pages alive; reLaunch ends everything', async () => {
    rt.mountOnNavigate = true;
    rt.mountPage(`${PAGES}/tab-jobs`);
    await my.navigateTo({ url: 'lifecycle' });
    await my.redirectTo({ url: 'detail?id=r1' });
    expect(rt.routes()).toEqual([`${PAGES}/tab-jobs`, `${PAGES}/detail`]);
    expect(callLog).toContain('lifecycle:onUnload');
    callLog.length = 0;
    await my.switchTab({ url: `/${PAGES}/tab-me` });
    expect(rt.routes()).toEqual([`${PAGES}/tab-me`]);
    expect(callLog).toEqual(['detail:onUnload', 'tab-me:onLoad', 'tab-me:onShow']);
    callLog.length = 0;
    await my.switchTab({ url: `/${PAGES}/tab-jobs` });
    expect(callLog).toEqual(['tab-me:onHide', 'tab-jobs:onShow']);
    await expect(my.switchTab({ url: `/${PAGES}/detail` })).rejects.toMatchObject({ error: 1 });
    callLog.length = 0;
    await my.reLaunch({ url: `/${PAGES}/detail?id=z` });
    expect(rt.routes()).toEqual([`${PAGES}/detail`]);
    expect(callLog).toEqual([
      'tab-jobs:onUnload',
      'tab-me:onUnload',
      'detail:onLoad:z',
      'detail:onShow',
      'detail:onReady',
    ]);
  });
});

describe('components (Component2)', () => {
  type CounterData = { count: number; label: string; fromMixin: boolean };
  type CounterProps = { start: number; step: number; tone: string; onChange: (count: number) => void };

  it('mounts with onInit, deriveDataFromProps, didMount; mixins merge; its own setData runs deriveDataFromProps then didUpdate', () => {
    const onChange = jest.fn();
    const counter = rt.mountComponent<CounterData, CounterProps>(`${FIXTURES}/components/counter`, {
      start: 2,
      onChange,
    });
    expect(callLog).toEqual([
      'mixin:onInit',
      'counter:onInit:2',
      'counter:deriveDataFromProps:2',
      'mixin:didMount',
      'counter:didMount',
    ]);
    expect(counter.lifecycle).toEqual(['onInit', 'deriveDataFromProps', 'didMount']);
    expect(counter.props).toMatchObject({ start: 2, step: 1, tone: 'plain' });
    expect(counter.data).toMatchObject({ count: 2, label: 'counter', fromMixin: true });
    expect(counter.call('describe')).toBe('counter at 2');
    expect(counter.call('shout')).toBe('MIXIN');
    expect(counter.instance.is).toBe(`/${FIXTURES}/components/counter`);
    callLog.length = 0;
    counter.tap('increment');
    expect(counter.data.count).toBe(3);
    expect(onChange).toHaveBeenCalledWith(3);
    // Alipay: deriveDataFromProps runs "before every update", the component's own setData included.
    expect(callLog).toEqual(['counter:deriveDataFromProps:2', 'counter:didUpdate:2->2:2->3']);
  });

  it('tells my.onComponentError listeners what the code of a component threw, and the test still sees it', () => {
    const counter = rt.mountComponent<CounterData, CounterProps>(`${FIXTURES}/components/counter`, {});
    const seen: string[] = [];
    rt.my.onComponentError((error: Error, method: string, component: { is: string }) =>
      seen.push(`${method}:${error.message}:${component.is}`),
    );
    expect(() => counter.call('describe', 'extra')).not.toThrow();
    expect(() => counter.fire('explode')).toThrow('counter broke');
    expect(seen).toEqual([`explode:counter broke:/${FIXTURES}/components/counter`]);
  });

  it('keeps the default of a prop given as undefined, and falls back to it when a parent stops passing it', () => {
    const counter = rt.mountComponent<CounterData, CounterProps>(`${FIXTURES}/components/counter`, { step: undefined });
    expect(counter.props.step).toBe(1);
    counter.setProps({ step: 5 });
    expect(counter.props.step).toBe(5);
    counter.setProps({ step: undefined });
    expect(counter.props.step).toBe(1);
  });

  it('hands didUpdate a prevData whose untouched values keep their identity, so a setData there settles', () => {
    const settling = rt.mountComponent<{ shown: string[]; shownCount: number; note: string }, { items: string[] }>(
      `${FIXTURES}/components/settling`,
      { items: ['a'] },
    );
    // Nested mixins run their hooks too, innermost first.
    expect(callLog).toEqual(['inner-mixin:didMount', 'outer-mixin:didMount']);
    // A non-function entry of methods is copied onto the instance as it is.
    expect(settling.instance.version).toBe('2');
    callLog.length = 0;
    settling.call('annotate', '新');
    expect(settling.data).toEqual({ shown: ['a'], shownCount: 1, note: '新' });
    expect(callLog).toEqual(['settling:didUpdate']);
    expect(settling.setDataCalls.map((call) => call.payload)).toEqual([{ note: '新' }]);
  });

  it('setProps runs deriveDataFromProps(nextProps) with the old props, then one didUpdate', () => {
    const counter = rt.mountComponent<CounterData, CounterProps>(`${FIXTURES}/components/counter`, { start: 1 });
    callLog.length = 0;
    counter.setProps({ start: 10 });
    expect(callLog).toEqual(['counter:deriveDataFromProps:10', 'counter:didUpdate:1->10:1->10']);
    expect(counter.props.start).toBe(10);
    expect(() => {
      (counter.props as { start: number }).start = 3;
    }).toThrow();
  });

  it('passes events out through function props and unmounts with didUnmount', () => {
    const onChange = jest.fn();
    const counter = rt.mountComponent<CounterData, CounterProps>(`${FIXTURES}/components/counter`, { onChange });
    counter.fire('onChange', { detail: { value: 1 } });
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ type: 'change', detail: { value: 1 } }));
    callLog.length = 0;
    counter.unmount();
    expect(callLog).toEqual(['counter:didUnmount']);
    expect(counter.mounted).toBe(false);
  });
});

describe('violations', () => {
  it('reports setData after unload (an undisposed timer) when flushed and on dispose', async () => {
    const page = rt.mountPage(`${PAGES}/leaky`);
    page.unload();
    await rt.flush();
    expect(rt.violations).toEqual([expect.stringMatching(/setData\(ticks\) on page .*leaky after it was unloaded/)]);
    expect(() => rt.dispose()).toThrow(/broke platform rules/);
  });

  it('reports a transfer over 256 KB', () => {
    const page = rt.mountPage(`${PAGES}/data-ops`);
    page.instance.setData({ blob: 'x'.repeat(256 * 1024) });
    expect(rt.violations).toEqual([expect.stringMatching(/over the 262144-byte limit/)]);
    expect(() => rt.dispose()).toThrow(/262144/);
  });
});

describe('globals, modules and settling', () => {
  it('installs the runtime globals and removes them on dispose; one runtime at a time', () => {
    expect(typeof Page).toBe('function');
    expect((globalThis as Record<string, unknown>).my).toBe(rt.my);
    expect(() => createRuntime()).toThrow(/another runtime is still active/);
    rt.dispose();
    for (const name of ['my', 'Page', 'Component', 'App', 'getApp', 'getCurrentPages'])
      expect(name in globalThis).toBe(false);
    rt = createRuntime();
  });

  it('starts each test with fresh fixture modules after jest.resetModules()', () => {
    expect(callLog).toEqual([]);
    rt.mountPage(`${PAGES}/tab-me`);
    expect(callLog).toEqual(['tab-me:onLoad', 'tab-me:onShow']);
  });

  it('flush() waits for requests and short retry timers; the fake runs my.request over real HTTP', async () => {
    const server: TestServer = await startServer((request, response) =>
      request.url === '/ok' ? sendJson(response, 200, { jobs: 3 }) : sendJson(response, 404, { message: 'gone' }),
    );
    try {
      const ok = rt.mountPage(`${PAGES}/remote`, { url: `${server.origin}/ok` });
      expect(ok.data.status).toBe('loading');
      await ok.flush();
      expect(ok.data).toMatchObject({ status: 'ready', body: { jobs: 3 }, httpStatus: 200 });

      const missing = rt.mountPage(`${PAGES}/remote`, { url: `${server.origin}/missing` });
      await missing.flush();
      expect(missing.data).toMatchObject({ status: 'error', httpStatus: 404, failure: { error: 19 } });

      rt.fake.setOffline(true);
      const offline = rt.mountPage(`${PAGES}/remote`, { url: `${server.origin}/ok` });
      await offline.flush();
      expect(offline.instance.attempts).toBe(2); // the retry ran after its 150 ms timer
      expect(offline.data).toMatchObject({ status: 'error', failure: { error: 12 } });
      expect(rt.fake.lastToast()).toMatchObject({ content: '加载失败', type: 'fail' });
      expect(rt.fake.requestCount).toBe(4);
    } finally {
      await server.close();
    }
  });

  it('under jest fake timers, flush() settles I/O and the test advances timers itself', async () => {
    jest.useFakeTimers();
    try {
      rt.fake.setOffline(true);
      const page = rt.mountPage(`${PAGES}/remote`, { url: 'http://127.0.0.1:9/jobs' });
      await page.flush();
      expect(page.instance.attempts).toBe(1); // the retry waits on a fake 150 ms timer
      jest.advanceTimersByTime(150);
      await page.flush();
      expect(page.instance.attempts).toBe(2);
      expect(page.data).toMatchObject({ status: 'error', failure: { error: 12 } });
    } finally {
      jest.useRealTimers();
    }
  });

  it('flush() throws, naming the request, when work does not settle in time', async () => {
    const server = await startServer(() => undefined);
    try {
      rt.mountPage(`${PAGES}/remote`, { url: `${server.origin}/hang` });
      await expect(rt.flush({ timeoutMs: 100 })).rejects.toThrow(/still busy .*GET http:\/\/127\.0\.0\.1:\d+\/hang/);
    } finally {
      rt.dispose();
      await server.close();
    }
  });
});
