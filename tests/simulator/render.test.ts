/**
 * AXML rendering rules, checked against Alipay's documentation: /mini/framework/conditional-render,
 * /mini/framework/list-render, /mini/framework/axml-template, /mini/framework/import, /mini/framework/sjs,
 * /mini/framework/component-template (slots), /mini/framework/events (on/catch, dataset).
 */
import { elements, html, render } from './support';

describe('directives', () => {
  it('a:if / a:elif / a:else pick one branch', () => {
    const axml = `<view a:if="{{n > 5}}">big</view><view a:elif="{{n > 2}}">mid</view><view a:else>small</view>`;
    expect(html(render(axml, { n: 9 }).nodes)).toBe('<view>big</view>');
    expect(html(render(axml, { n: 3 }).nodes)).toBe('<view>mid</view>');
    expect(html(render(axml, { n: 1 }).nodes)).toBe('<view>small</view>');
  });

  it('a:for defaults to item and index, and a:for-item / a:for-index rename them', () => {
    const list = { array: [{ message: 'foo' }, { message: 'bar' }] };
    expect(html(render(`<view a:for="{{array}}">{{index}}: {{item.message}}</view>`, list).nodes)).toBe(
      '<view>0: foo</view><view>1: bar</view>',
    );
    expect(
      html(
        render(
          `<view a:for="{{array}}" a:for-index="idx" a:for-item="itemName">{{idx}}-{{itemName.message}}</view>`,
          list,
        ).nodes,
      ),
    ).toBe('<view>0-foo</view><view>1-bar</view>');
  });

  it('nests a:for (the multiplication table of the docs) and applies a:if per item', () => {
    const axml = `<view a:for="{{[1, 2, 3]}}" a:for-item="i"><view a:for="{{[1, 2, 3]}}" a:for-item="j"><text a:if="{{i <= j}}">{{i * j}} </text></view></view>`;
    expect(
      html(render(axml).nodes)
        .replace(/<\/?view>/g, '')
        .replace(/<\/?text>/g, ''),
    ).toBe('1 2 3 4 6 9 ');
    expect(html(render(`<text a:for="{{list}}" a:if="{{item % 2}}">{{item}}</text>`, { list: [1, 2, 3] }).nodes)).toBe(
      '<text>1</text><text>3</text>',
    );
  });

  it('block a:for renders several nodes per item without an element of its own', () => {
    expect(html(render(`<block a:for="{{[1, 2]}}"><view>{{index}}:</view><view>{{item}}</view></block>`).nodes)).toBe(
      '<view>0:</view><view>1</view><view>1:</view><view>2</view>',
    );
  });

  it('a:key takes a field, *this, or key="{{expr}}", scoped to the list', () => {
    const keys = (axml: string, data: Record<string, unknown>) =>
      elements(render(axml, data).nodes).map((el) => el.key);
    const ids = keys(`<view a:for="{{list}}" a:key="id">{{item.id}}</view>`, { list: [{ id: 'a' }, { id: 'b' }] });
    expect(ids.map((key) => key?.split(':')[1])).toEqual(['a', 'b']);
    expect(
      keys(`<view a:for="{{list}}" a:key="*this"/>`, { list: ['x', 'y'] }).map((key) => key?.split(':')[1]),
    ).toEqual(['x', 'y']);
    expect(
      keys(`<view a:for="{{list}}" key="k{{index}}"/>`, { list: [5, 6] }).map((key) => key?.split(':')[1]),
    ).toEqual(['k0', 'k1']);
  });

  it('a:for over a number counts from 0 (antd-mini Skeleton renders rows this way)', () => {
    expect(html(render(`<view a:for="{{rows}}">{{item}}</view>`, { rows: 3 }).nodes)).toBe(
      '<view>0</view><view>1</view><view>2</view>',
    );
  });

  it('shows a red box, not a blank, for an a:elif without a:if and for an unknown directive', () => {
    expect(html(render(`<view a:elif="{{x}}"/>`).nodes)).toMatch(/\[error: .*a:elif without a preceding a:if/);
    expect(html(render(`<view a:show="{{x}}"/>`).nodes)).toMatch(/\[error: .*a:show is not supported/);
  });
});

describe('bindings', () => {
  it('binds class and style strings and keeps the type of a whole {{ }} attribute', () => {
    const [view] = elements(
      render(`<view class="card {{active ? 'on' : ''}}" style="width: {{w}}rpx" hidden="{{false}}" count="{{2}}"/>`, {
        active: true,
        w: 20,
      }).nodes,
    );
    expect(view.attrs.class).toBe('card on');
    expect(view.attrs.style).toBe('width: 20rpx');
    expect(view.attrs.hidden).toBe(false);
    expect(view.attrs.count).toBe(2);
  });

  it('renders undefined as nothing and a bare attribute as true', () => {
    const { nodes } = render(`<view>[{{missing}}]</view><checkbox checked/>`);
    expect(html(nodes)).toBe('<view>[]</view><checkbox></checkbox>');
    expect(elements(nodes)[1].attrs.checked).toBe(true);
  });

  it('shows a red box for an expression that does not parse and for an unknown tag', () => {
    expect(html(render(`<view>{{a +}}</view>`).nodes)).toMatch(/\[error: .*\{\{a \+\}\}/);
    expect(html(render(`<fancy-thing/>`).nodes)).toMatch(/\[error: .*<fancy-thing> is not a built-in component/);
  });
});

describe('events and dataset (/mini/framework/events)', () => {
  it('records on/catch handlers by event type and data-* as a camelCase dataset', () => {
    const [outer, inner] = elements(
      render(
        `<view onTap="handleTap1" data-alpha-beta="1"><view catchTap="{{name}}" onLongTap="hold" data-id="{{id}}"/></view>`,
        { name: 'handleTap2', id: 7 },
      ).nodes,
    );
    expect(outer.handlers).toEqual({ tap: { name: 'handleTap1', catch: false } });
    expect(outer.dataset).toEqual({ alphaBeta: '1' });
    expect(inner.handlers).toEqual({
      tap: { name: 'handleTap2', catch: true },
      longTap: { name: 'hold', catch: false },
    });
    expect(inner.dataset).toEqual({ id: 7 });
    expect(outer.owner).toBe('p1');
  });

  it("binds no handler when the name evaluates to an empty string (antd-mini Button: onTap=\"{{onTap ? 'onTap' : ''}}\")", () => {
    const [button] = elements(render(`<button onTap="{{onTap ? 'onTap' : ''}}"/>`, {}).nodes);
    expect(button.handlers).toEqual({});
  });
});

describe('templates, import, include, import-sjs', () => {
  it('<template is data> sees only the data passed (spread, shorthand, object)', () => {
    const axml = `<template name="msgItem"><text>{{index}}: {{msg}} {{outside}}</text></template>
      <template is="msgItem" data="{{...item}}"/><template is="msgItem" data="{{index: 9, msg}}"/>`;
    expect(html(render(axml, { item: { index: 0, msg: 'hi' }, msg: 'm', outside: 'X' }).nodes)).toBe(
      '<text>0: hi </text><text>9: m </text>',
    );
  });

  it('chooses the template by expression', () => {
    const axml = `<template name="odd"><view>odd</view></template><template name="even"><view>even</view></template>
      <block a:for="{{[1, 2, 3]}}"><template is="{{item % 2 == 0 ? 'even' : 'odd'}}"/></block>`;
    expect(html(render(axml).nodes)).toBe('<view>odd</view><view>even</view><view>odd</view>');
  });

  it('import brings only the imported file’s own templates; include copies everything but templates', () => {
    const files = {
      'pages/index/a.axml': `<template name="A"><text>A</text></template>`,
      'pages/index/b.axml': `<import src="./a.axml"/><template name="B"><text>B</text></template>`,
      'pages/index/header.axml': `<view>header</view><template name="H"><text>H</text></template>`,
    };
    const { nodes } = render(
      `<import src="./b.axml"/><include src="./header.axml"/><template is="B"/><template is="A"/>`,
      {},
      { files },
    );
    expect(html(nodes)).toMatch(
      /^<view>header<\/view><text>B<\/text>\[error: .*<template is="A">: no such template\]$/,
    );
  });

  it('import-sjs gives the module’s default export under its name, and named exports by {x, y: z}', () => {
    const files = {
      'pages/index/index.sjs': `function bar(p) { return p; } export default { foo: 'foo', bar: bar };`,
      'pages/index/named.sjs': `export const x = 3; export const y = 4;`,
    };
    const axml = `<import-sjs from="./index.sjs" name="test"/><import-sjs from="./named.sjs" name="{x, y: z}"/>
      <view>{{test.bar(test.foo)}}</view><view>{{test.bar(msg)}}</view><view>{{x}}{{z}}</view>`;
    expect(html(render(axml, { msg: 'hello alipay' }, { files }).nodes)).toBe(
      '<view>foo</view><view>hello alipay</view><view>34</view>',
    );
  });
});

describe('custom components and slots (/mini/framework/component-template)', () => {
  const components = {
    'components/card/index': {
      template: 'components/card/index.axml',
      data: { x: 1 },
      defaults: { title: 'default title' },
    },
  };
  const using = { card: 'components/card/index' };

  it('renders the default slot, or its fallback when the caller passes nothing', () => {
    const files = {
      'components/card/index.axml': `<view><slot><view>default slot & default value</view></slot><view>other</view></view>`,
    };
    expect(html(render(`<card/>`, {}, { files, components, using }).nodes)).toBe(
      '<view><view>default slot & default value</view><view>other</view></view>',
    );
    expect(
      html(render(`<card><view>header</view><view>footer</view></card>`, {}, { files, components, using }).nodes),
    ).toBe('<view><view>header</view><view>footer</view><view>other</view></view>');
  });

  it('fills named slots and keeps the default fallback when only named slots are passed', () => {
    const files = {
      'components/card/index.axml': `<view><slot><view>default</view></slot><slot name="header"/><view>body</view><slot name="footer"/></view>`,
    };
    expect(
      html(
        render(
          `<card><view slot="header">header</view><view slot="footer">footer</view></card>`,
          {},
          { files, components, using },
        ).nodes,
      ),
    ).toBe('<view><view>default</view><view>header</view><view>body</view><view>footer</view></view>');
    expect(
      html(
        render(
          `<card><view>to default</view><view slot="header">header</view></card>`,
          {},
          { files, components, using },
        ).nodes,
      ),
    ).toBe('<view><view>to default</view><view>header</view><view>body</view></view>');
  });

  it('slot-scope gives slot content the component’s values, and the page’s own data too', () => {
    const files = {
      'components/card/index.axml': `<view><slot x="{{x}}"><view>fallback</view></slot><view>body</view></view>`,
    };
    const axml = `<card><view slot-scope="props"><view>component data: {{props.x}}</view><view>page data: {{y}}</view></view></card>`;
    expect(html(render(axml, { y: 2 }, { files, components, using }).nodes)).toBe(
      '<view><view><view>component data: 1</view><view>page data: 2</view></view><view>body</view></view>',
    );
  });

  it('passes attributes as props, event attributes as function props of the owner, and renders with props and data', () => {
    const files = { 'components/card/index.axml': `<view class="{{className}}">{{title}}/{{x}}</view>` };
    const { nodes, host } = render(
      `<card className="c" data-item="{{item}}" onTap="onCardTap" ref="saveRef"/>`,
      { item: { id: 1 } },
      { files, components, using },
    );
    expect(html(nodes)).toBe('<view class="c">default title/1</view>');
    expect(host.requests[0]).toMatchObject({
      path: 'components/card/index',
      owner: 'p1',
      ref: 'saveRef',
      props: { className: 'c', 'data-item': { id: 1 }, onTap: { __fn: 'onCardTap', owner: 'p1' } },
    });
    const [view] = elements(nodes);
    expect(view.owner).toBe('c1');
  });

  it('gives each list item its own component instance, keyed by a:key', () => {
    const files = { 'components/card/index.axml': `<view>{{title}}</view>` };
    const { host } = render(
      `<card a:for="{{list}}" a:key="id" title="{{item.id}}"/>`,
      { list: [{ id: 'a' }, { id: 'b' }] },
      { files, components, using },
    );
    const identities = host.requests.map((request) => request.identity);
    expect(new Set(identities).size).toBe(2);
    expect(identities[0]).toMatch(/#1:a$/);
  });

  it('renders nothing for a component the logic layer has not created yet', () => {
    expect(render(`<card/>`, {}, { using: { card: 'components/unknown/index' } }).nodes).toEqual([]);
  });
});

describe('the three {{ }} forms antd-mini uses (/mini/framework/data-binding)', () => {
  it('reads a whole binding in parentheses as one expression', () => {
    const [view] = elements(render(`<view data-item="{{({ item, index })}}"/>`, { item: 'a', index: 2 }).nodes);
    expect(view.dataset).toEqual({ item: { item: 'a', index: 2 } });
  });

  it('reads {{{ a: 1 }}} as an object literal', () => {
    const [view] = elements(render(`<view data-typing="{{{ step: 3, interval: n }}}"/>`, { n: 100 }).nodes);
    expect(view.dataset).toEqual({ typing: { step: 3, interval: 100 } });
  });

  it('interpolates {{ }} inside a string literal of a binding', () => {
    const axml = `<view class="{{on ? 'hover {{extra}}' : 'plain'}}">x</view>`;
    expect(html(render(axml, { on: true, extra: 'pressed' }).nodes)).toBe('<view class="hover pressed">x</view>');
    expect(html(render(axml, { on: false, extra: 'pressed' }).nodes)).toBe('<view class="plain">x</view>');
  });
});
