/**
 * The simulator's logic layer in Node, driven by the messages the view would send. Checked against
 * /mini/framework/page-detail (page lifecycle, setData, $spliceData, $batchedUpdates),
 * /mini/framework/component-lifecycle and /mini/framework/component-template (Component2 order),
 * /mini/framework/mixins, and the navigation APIs (/mini/api/zwi8gx).
 */
import { LogicRuntime, type MyApis } from '../../simulator/core/logic-runtime';
import type { LaunchConfig, LogicToMain, MainToLogic } from '../../simulator/core/protocol';

const APP_JSON = {
  pages: ['pages/index/index', 'pages/tab2/index'],
  subPackages: [{ root: 'packages/sub', pages: ['pages/detail/index'] }],
  tabBar: {
    items: [
      { pagePath: 'pages/index/index', name: 'A' },
      { pagePath: 'pages/tab2/index', name: 'B' },
    ],
  },
};

/** A page that records every hook through my.record, and offers setData helpers to the test. */
const RECORDING_PAGE = (name: string) => `
Page({
  data: { list: [1, 2], user: { name: 'a' } },
  onLoad(query) { my.record('${name}.onLoad:' + JSON.stringify(query)); },
  onShow() { my.record('${name}.onShow'); },
  onReady() { my.record('${name}.onReady'); },
  onHide() { my.record('${name}.onHide'); },
  onUnload() { my.record('${name}.onUnload'); },
  onCardTap(id, event) { my.record('${name}.onCardTap:' + id + ':' + (event && event.type)); },
  onTapView(event) { my.record('${name}.onTapView:' + event.currentTarget.dataset.id); },
  change() {
    this.setData({ 'user.name': 'b', 'list[2]': 3 }, () => my.record('${name}.setData callback'));
  },
  append() { this.$spliceData({ list: [this.data.list.length, 0, 9, 10] }); },
  batch() {
    this.$batchedUpdates(() => {
      this.setData({ a: 1 });
      this.setData({ b: 2 });
      this.$spliceData({ list: [0, 1] });
    });
  },
  go(url) { my.navigateTo({ url, fail: (e) => my.record('navigateTo fail ' + e.error + ' ' + e.errorMessage) }); },
  protect() { my.enableAlertBeforeUnload({ message: '内容未保存' }); },
});`;

const COMPONENT = `
const mixin = { props: { fromMixin: 'm' }, data: { mixed: true }, onInit() { my.record('mixin.onInit'); }, methods: { hello() { return 'hi'; } } };
Component({
  mixins: [mixin],
  props: { title: 'default', onTap: function () {} },
  data: { count: 0 },
  onInit() { my.record('onInit:' + this.props.title + ':' + this.props.fromMixin + ':' + this.hello()); },
  deriveDataFromProps(next) { my.record('deriveDataFromProps:' + next.title); },
  didMount() { my.record('didMount'); },
  didUpdate(prevProps, prevData) { my.record('didUpdate:' + prevProps.title + '->' + this.props.title + ':' + prevData.count + '->' + this.data.count); },
  didUnmount() { my.record('didUnmount'); },
  methods: {
    handleTap() { this.props.onTap('job-1'); },
    bump() { this.setData({ count: this.data.count + 1 }); },
    breakDown() { throw new Error('boom'); },
  },
  onError() { my.record('component onError hook'); },
});`;

const FILES: Record<string, string> = {
  'app.json': JSON.stringify(APP_JSON),
  'app.js': `App({ onLaunch(o) { my.record('App.onLaunch:' + o.path); }, onShow() { my.record('App.onShow'); }, globalData: { n: 1 } });`,
  'pages/index/index.js': RECORDING_PAGE('index'),
  'pages/index/index.json': JSON.stringify({
    defaultTitle: 'Index',
    usingComponents: { card: '/components/card/index' },
  }),
  'pages/tab2/index.js': RECORDING_PAGE('tab2'),
  'components/card/index.js': COMPONENT,
  'components/card/index.json': JSON.stringify({ component: true }),
};
const SUB_FILES: Record<string, string> = {
  'packages/sub/pages/detail/index.js': RECORDING_PAGE('detail'),
};

interface Harness {
  runtime: LogicRuntime;
  sent: LogicToMain[];
  log: string[];
  loads: string[];
  send(message: MainToLogic): void;
  settle(): Promise<void>;
  of<T extends LogicToMain['t']>(t: T): Array<Extract<LogicToMain, { t: T }>>;
  page(id?: string): Record<string, (...args: unknown[]) => unknown>;
}

const CONFIG: LaunchConfig = {
  appApiBase: 'http://127.0.0.1:3780',
  mockUrl: 'http://127.0.0.1:3780',
  settings: {
    authUser: 'sim',
    offline: false,
    location: { longitude: 0, latitude: 0, city: '', cityAdcode: '', province: '', district: '' },
  },
  storage: {},
  systemInfo: {},
  launch: { query: {} },
  origin: 'http://127.0.0.1:3790',
};

async function start(): Promise<Harness> {
  const sent: LogicToMain[] = [];
  const log: string[] = [];
  const loads: string[] = [];
  const errors: unknown[] = [];
  const runtime = new LogicRuntime(
    {
      post: (message) => sent.push(message),
      loadPackage: async (root) => {
        loads.push(root);
        return root === '' ? FILES : SUB_FILES;
      },
      console: {
        log: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: (...args: unknown[]) => errors.push(args),
      },
    },
    (): MyApis => ({
      record: (entry: string) => log.push(entry),
      $componentError: (error: Error, method: string, component: { is: string }) =>
        log.push(`my.onComponentError:${method}:${error.message}:${component.is}`),
    }),
  );
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  runtime.handle({ t: 'init', config: CONFIG });
  await settle();
  const harness: Harness = {
    runtime,
    sent,
    log,
    loads,
    send: (message) => runtime.handle(message),
    settle,
    of: <T extends LogicToMain['t']>(t: T) =>
      sent.filter((message) => message.t === t) as Array<Extract<LogicToMain, { t: T }>>,
    page: (id) => {
      const record = id ? runtime.stack.find((page) => page.id === id) : runtime.stack[runtime.stack.length - 1];
      return record?.instance as Record<string, (...args: unknown[]) => unknown>;
    },
  };
  return harness;
}

describe('launch and page lifecycle', () => {
  it('runs App.onLaunch/onShow, then the first page onLoad(query) → onShow, and onReady only after the view rendered', async () => {
    const h = await start();
    expect(h.log).toEqual(['App.onLaunch:pages/index/index', 'App.onShow', 'index.onLoad:{}', 'index.onShow']);
    const [create] = h.of('page:create');
    expect(create).toMatchObject({ route: 'pages/index/index', data: { list: [1, 2], user: { name: 'a' } } });
    expect(create.config).toMatchObject({ defaultTitle: 'Index', usingComponents: { card: 'components/card/index' } });
    h.send({ t: 'view:ready', pageId: create.pageId });
    h.send({ t: 'view:ready', pageId: create.pageId });
    expect(h.log.slice(-1)).toEqual(['index.onReady']);
    expect(h.log.filter((entry) => entry === 'index.onReady')).toHaveLength(1);
  });

  it('sends setData with path keys as one transfer and runs its callback after the view says it rendered', async () => {
    const h = await start();
    h.page().change();
    const [update] = h.of('update');
    expect(update).toMatchObject({
      ops: [{ kind: 'set', payload: { 'user.name': 'b', 'list[2]': 3 } }],
      calls: 1,
      ack: true,
    });
    expect(update.bytes).toBe(Buffer.byteLength(JSON.stringify({ 'user.name': 'b', 'list[2]': 3 })));
    expect(h.page().data).toEqual({ list: [1, 2, 3], user: { name: 'b' } });
    await h.settle();
    expect(h.log).not.toContain('index.setData callback');
    h.send({ t: 'rendered', transfers: [update.transfer] });
    expect(h.log).toContain('index.setData callback');
  });

  it('$spliceData sends only the change; $batchedUpdates merges several calls into one transfer', async () => {
    const h = await start();
    h.page().append();
    expect(h.of('update')[0].ops).toEqual([{ kind: 'splice', payload: { list: [2, 0, 9, 10] } }]);
    expect(h.page().data).toMatchObject({ list: [1, 2, 9, 10] });
    h.page().batch();
    const updates = h.of('update');
    expect(updates).toHaveLength(2);
    expect(updates[1]).toMatchObject({ calls: 3, ops: [{ kind: 'set' }, { kind: 'set' }, { kind: 'splice' }] });
    expect(h.page().data).toMatchObject({ a: 1, b: 2, list: [2, 9, 10] });
  });

  it('navigates: navigateTo hides the opener, loads a subpackage on first use; navigateBack unloads and shows', async () => {
    const h = await start();
    h.page().go('/packages/sub/pages/detail/index?id=7');
    await h.settle();
    expect(h.loads).toEqual(['', 'packages/sub']);
    expect(h.log.slice(-3)).toEqual(['index.onHide', 'detail.onLoad:{"id":"7"}', 'detail.onShow']);
    expect(
      h
        .of('stack')
        .at(-1)
        ?.pages.map((page) => page.route),
    ).toEqual(['pages/index/index', 'packages/sub/pages/detail/index']);
    h.send({ t: 'navigate', api: 'navigateBack', delta: 1, from: 'user' });
    await h.settle();
    // Closing a page runs onUnload only, no onHide first (/mini/framework/page-detail).
    expect(h.log.slice(-2)).toEqual(['detail.onUnload', 'index.onShow']);
    expect(h.log).not.toContain('detail.onHide');
    expect(h.of('page:destroy')).toHaveLength(1);
  });

  it('refuses navigateTo a tab page and switchTab keeps tab pages alive', async () => {
    const h = await start();
    h.page().go('/pages/tab2/index');
    await h.settle();
    expect(h.log.at(-1)).toMatch(/^navigateTo fail 1 .*is tab, which is not valid/);
    h.send({ t: 'navigate', api: 'switchTab', url: '/pages/tab2/index', from: 'user' });
    await h.settle();
    expect(h.log.slice(-3)).toEqual(['index.onHide', 'tab2.onLoad:{}', 'tab2.onShow']);
    h.send({ t: 'navigate', api: 'switchTab', url: '/pages/index/index', from: 'user' });
    await h.settle();
    expect(h.log.slice(-2)).toEqual(['tab2.onHide', 'index.onShow']);
    expect(h.log.filter((entry) => entry.startsWith('index.onLoad'))).toHaveLength(1);
  });
});

describe('my.enableAlertBeforeUnload', () => {
  it('asks before the user goes back, and stays when they cancel', async () => {
    const h = await start();
    h.page().go('/packages/sub/pages/detail/index');
    await h.settle();
    h.page().protect();
    await h.settle();
    const back = () => h.send({ t: 'navigate', api: 'navigateBack', delta: 1, from: 'user' });
    back();
    await h.settle();
    const ask = h.of('api').at(-1);
    expect(ask).toMatchObject({ name: 'confirm', options: { content: '内容未保存' } });
    h.send({ t: 'api:result', id: ask?.id ?? 0, ok: true, value: { confirm: false } });
    await h.settle();
    expect(h.runtime.stack.map((page) => page.route)).toEqual(['pages/index/index', 'packages/sub/pages/detail/index']);
    back();
    await h.settle();
    h.send({ t: 'api:result', id: h.of('api').at(-1)?.id ?? 0, ok: true, value: { confirm: true } });
    await h.settle();
    expect(h.runtime.stack.map((page) => page.route)).toEqual(['pages/index/index']);
  });
});

describe('Component2 lifecycle', () => {
  async function withComponent(props: (pageId: string) => Record<string, unknown> = () => ({ title: 'T' })) {
    const h = await start();
    const pageId = h.of('page:create')[0].pageId;
    h.log.length = 0;
    h.send({
      t: 'component:create',
      pageId,
      viewId: 'c1',
      path: 'components/card/index',
      props: props(pageId),
      owner: pageId,
    });
    return { h, pageId };
  }

  it('runs onInit (mixins first) → deriveDataFromProps, then didMount once the view mounted it', async () => {
    const { h, pageId } = await withComponent();
    expect(h.log).toEqual(['mixin.onInit', 'onInit:T:m:hi', 'deriveDataFromProps:T']);
    const [ready] = h.of('component:ready');
    expect(ready.defaults).toEqual({ fromMixin: 'm', title: 'default', onTap: true });
    expect(ready.data).toEqual({ mixed: true, count: 0 });
    h.send({ t: 'component:mounted', pageId, viewIds: ['c1'] });
    expect(h.log.at(-1)).toBe('didMount');
  });

  it('keeps a default for a prop bound to undefined, as props cross to the logic as JSON', async () => {
    const { h } = await withComponent(() => ({ title: undefined }));
    expect(h.log).toContain('deriveDataFromProps:default');
  });

  it('hands an error of its code to my.onComponentError (no onError hook: Component2 has none)', async () => {
    const { h, pageId } = await withComponent();
    h.send({ t: 'event', pageId, owner: 'c1', handler: 'breakDown', event: { type: 'tap' } });
    expect(h.log.at(-1)).toBe('my.onComponentError:breakDown:boom:/components/card/index');
    expect(h.log).not.toContain('component onError hook');
    expect(h.of('error').at(-1)?.message).toMatch(/^\/components\/card\/index breakDown: Error: boom/);
  });

  it('new props run deriveDataFromProps(nextProps) then didUpdate(prevProps, prevData)', async () => {
    const { h, pageId } = await withComponent();
    h.send({ t: 'component:mounted', pageId, viewIds: ['c1'] });
    h.log.length = 0;
    h.send({ t: 'component:update', pageId, viewId: 'c1', props: { title: 'U' } });
    expect(h.log).toEqual(['deriveDataFromProps:U', 'didUpdate:T->U:0->0']);
  });

  it('its own setData is sent and also runs deriveDataFromProps and didUpdate, as documented', async () => {
    const { h, pageId } = await withComponent();
    h.send({ t: 'component:mounted', pageId, viewIds: ['c1'] });
    h.log.length = 0;
    h.send({ t: 'event', pageId, owner: 'c1', handler: 'bump', event: { type: 'tap' } });
    expect(h.of('update').at(-1)).toMatchObject({ viewId: 'c1', ops: [{ kind: 'set', payload: { count: 1 } }] });
    expect(h.log).toEqual(['deriveDataFromProps:T', 'didUpdate:T->T:0->1']);
  });

  it('a function prop calls the owner page’s method with the component’s arguments', async () => {
    const { h, pageId } = await withComponent((page) => ({ title: 'T', onTap: { __fn: 'onCardTap', owner: page } }));
    h.send({ t: 'event', pageId, owner: 'c1', handler: 'handleTap', event: { type: 'tap' } });
    expect(h.log.at(-1)).toBe('index.onCardTap:job-1:undefined');
  });

  it('runs didUnmount when the view removes it, and ignores its setData afterwards', async () => {
    const { h, pageId } = await withComponent();
    h.send({ t: 'component:mounted', pageId, viewIds: ['c1'] });
    h.send({ t: 'component:destroy', pageId, viewIds: ['c1'] });
    expect(h.log.at(-1)).toBe('didUnmount');
    const before = h.of('update').length;
    h.send({ t: 'event', pageId, owner: 'c1', handler: 'bump', event: {} });
    expect(h.of('update')).toHaveLength(before);
  });
});

describe('events and my', () => {
  it('hands the view’s event object to the page method', async () => {
    const h = await start();
    const pageId = h.of('page:create')[0].pageId;
    h.send({
      t: 'event',
      pageId,
      owner: pageId,
      handler: 'onTapView',
      event: { type: 'tap', currentTarget: { dataset: { id: 5 } } },
    });
    expect(h.log.at(-1)).toBe('index.onTapView:5');
  });

  it('reports a missing handler as an error the shell shows', async () => {
    const h = await start();
    const pageId = h.of('page:create')[0].pageId;
    h.send({ t: 'event', pageId, owner: pageId, handler: 'nope', event: {} });
    expect(h.of('error').at(-1)?.message).toMatch(/has no method "nope"/);
  });

  it('an API the simulator lacks fails the call and names itself once', async () => {
    const h = await start();
    const my = h.runtime.my as Record<string, (options: Record<string, unknown>) => Promise<unknown>>;
    const failures: unknown[] = [];
    await my.startBeaconDiscovery({ fail: (failure: unknown) => failures.push(failure) }).catch(() => undefined);
    await my.startBeaconDiscovery({}).catch(() => undefined);
    expect(failures).toEqual([{ error: 3, errorMessage: 'my.startBeaconDiscovery is not supported by the simulator' }]);
    expect(h.of('unsupported')).toEqual([{ t: 'unsupported', what: 'my.startBeaconDiscovery' }]);
    expect((h.runtime.my as { canIUse(name: string): boolean }).canIUse('startBeaconDiscovery')).toBe(false);
    expect((h.runtime.my as { canIUse(name: string): boolean }).canIUse('component2')).toBe(true);
  });
});
