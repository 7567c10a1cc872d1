/**
 * Event dispatch (/mini/framework/events, /mini/framework/event-object): `on` bubbles to the root, `catch`
 * stops it; the event object carries the touched element as `target` and the bound one as `currentTarget`.
 */
import { animationDispatch, bubblingDispatches, buildEvent } from '../../simulator/core/events';
import type { VElement } from '../../simulator/core/render';

function element(
  tag: string,
  id: string,
  handlers: VElement['handlers'],
  dataset: Record<string, unknown> = {},
  owner = 'p1',
): VElement {
  return { kind: 'el', tag, key: null, attrs: { id }, dataset, handlers, owner, origin: `/${id}`, children: [] };
}

// The docs' example: view1 (onTap) > view2 (catchTap) > view3 (onTap)
const outer = element('view', 'outter', { tap: { name: 'handleTap1', catch: false } });
const middle = element('view', 'middle', { tap: { name: 'handleTap2', catch: true } });
const inner = element('view', 'inner', { tap: { name: 'handleTap3', catch: false } });

describe('bubbling', () => {
  it('tapping view3 runs handleTap3 then handleTap2, which catches it', () => {
    expect(bubblingDispatches([inner, middle, outer], 'tap').map((d) => d.handler)).toEqual([
      'handleTap3',
      'handleTap2',
    ]);
  });

  it('tapping view2 runs handleTap2 only; view1 runs handleTap1', () => {
    expect(bubblingDispatches([middle, outer], 'tap').map((d) => d.handler)).toEqual(['handleTap2']);
    expect(bubblingDispatches([outer], 'tap').map((d) => d.handler)).toEqual(['handleTap1']);
  });

  it('goes to the owner that declared each handler (a component, then the page)', () => {
    const inComponent = element('view', '', { tap: { name: 'handleTap', catch: false } }, {}, 'c7');
    const onPage = element('view', '', { tap: { name: 'onJobTap', catch: false } }, {}, 'p1');
    expect(bubblingDispatches([inComponent, onPage], 'tap')).toEqual([
      { index: 0, owner: 'c7', handler: 'handleTap' },
      { index: 1, owner: 'p1', handler: 'onJobTap' },
    ]);
  });

  it('ignores handlers of other event types', () => {
    const longOnly = element('view', '', { longTap: { name: 'hold', catch: true } });
    expect(bubblingDispatches([longOnly, outer], 'tap').map((d) => d.handler)).toEqual(['handleTap1']);
  });
});

describe('the event object', () => {
  it('has target (touched: id, tagName, dataset of the bound element, targetDataset) and currentTarget', () => {
    const tapTest = element('view', 'tapTest', {}, { hi: 'Alipay' });
    const tapTestInner = element('view', 'tapTestInner', {}, { hi: 'AlipayInner' });
    const event = buildEvent(
      'tap',
      { v: tapTest, offsetLeft: 0, offsetTop: 10 },
      { v: tapTestInner, offsetLeft: 4, offsetTop: 20 },
      undefined,
      { clientX: 5, clientY: 6, pageX: 5, pageY: 6 },
      1550561469952,
    );
    expect(event).toEqual({
      type: 'tap',
      timeStamp: 1550561469952,
      target: {
        id: 'tapTestInner',
        tagName: 'view',
        dataset: { hi: 'Alipay' },
        targetDataset: { hi: 'AlipayInner' },
        offsetLeft: 4,
        offsetTop: 20,
      },
      currentTarget: { id: 'tapTest', tagName: 'view', dataset: { hi: 'Alipay' }, offsetLeft: 0, offsetTop: 10 },
      detail: { clientX: 5, clientY: 6, pageX: 5, pageY: 6 },
      touches: [{ identifier: 0, clientX: 5, clientY: 6, pageX: 5, pageY: 6 }],
      changedTouches: [{ identifier: 0, clientX: 5, clientY: 6, pageX: 5, pageY: 6 }],
    });
  });

  it('carries a built-in’s detail (e.g. input value) as given', () => {
    const input = element('input', 'name', {});
    const event = buildEvent(
      'input',
      { v: input, offsetLeft: 0, offsetTop: 0 },
      { v: input, offsetLeft: 0, offsetTop: 0 },
      { value: 'ab', cursor: 2 },
      null,
    );
    expect(event.detail).toEqual({ value: 'ab', cursor: 2 });
    expect(event).not.toHaveProperty('touches');
  });
});

describe('animation and transition events', () => {
  const content = element('view', 'content', { animationEnd: { name: 'onAnimationEnd', catch: false } }, {}, 'popup1');

  it('runs the animated element’s own onAnimationEnd (antd-mini Popup closes on it)', () => {
    expect(animationDispatch(content, 'animationend')).toEqual({
      index: 0,
      owner: 'popup1',
      handler: 'onAnimationEnd',
      type: 'animationEnd',
    });
  });

  it('maps transitionend, animationstart and animationiteration to their AXML names', () => {
    const all = element('view', 'all', {
      transitionEnd: { name: 't', catch: false },
      animationStart: { name: 's', catch: false },
      animationIteration: { name: 'i', catch: false },
    });
    expect(animationDispatch(all, 'transitionend')?.handler).toBe('t');
    expect(animationDispatch(all, 'animationstart')?.handler).toBe('s');
    expect(animationDispatch(all, 'animationiteration')?.handler).toBe('i');
  });

  it('does not bubble: an element without the handler, or another DOM event, dispatches nothing', () => {
    expect(animationDispatch(inner, 'animationend')).toBeNull();
    expect(animationDispatch(content, 'click')).toBeNull();
  });
});
