/**
 * Event rules of AXML (/mini/framework/events, /mini/framework/event-object), apart from the DOM:
 * - `onX` handlers bubble from the touched element to the root; a `catchX` handler runs and stops it
 * - the object: `type`, `timeStamp`, `target` (the touched element: id, tagName, and `dataset` of the element
 *   the handler is bound on, `targetDataset` of the touched one), `currentTarget` (the bound element), `detail`
 * - `data-alpha-beta` becomes `dataset.alphaBeta` (done when rendering, see render.ts)
 */
import { eventObject, type MiniEvent, type Point } from '../../runtime/core/event-object';
import type { VElement } from './render';

export interface Dispatch {
  /** Index in the path of the element whose handler runs. */
  index: number;
  owner: string;
  handler: string;
}

/** The handlers a bubbling event runs, innermost first. `path[0]` is the touched element. */
export function bubblingDispatches(path: VElement[], type: string): Dispatch[] {
  const out: Dispatch[] = [];
  for (let index = 0; index < path.length; index++) {
    const handler = path[index].handlers[type];
    if (!handler) continue;
    out.push({ index, owner: path[index].owner, handler: handler.name });
    if (handler.catch) break;
  }
  return out;
}

export interface Placed {
  v: VElement;
  offsetLeft: number;
  offsetTop: number;
}

export type { MiniEvent, Point } from '../../runtime/core/event-object';

function idOf(v: VElement): string {
  const id = v.attrs.id;
  return id === undefined || id === null ? '' : String(id);
}

export function buildEvent(
  type: string,
  current: Placed,
  target: Placed,
  detail: unknown,
  point: Point | null,
  now = Date.now(),
): MiniEvent {
  const element = (placed: Placed) => ({
    id: idOf(placed.v),
    tagName: placed.v.tag,
    dataset: placed.v.dataset,
    offsetLeft: placed.offsetLeft,
    offsetTop: placed.offsetTop,
  });
  return eventObject(type, element(current), element(target), detail, point, now);
}

/**
 * CSS animation and transition events, by DOM name. Only touch events and tap bubble in AXML ("其他事件不冒泡"),
 * so these run the handler of the animated element itself, never an ancestor's (a spinner ending inside a
 * popup must not close it). antd-mini's Popup, for one, hides itself on its content's `onAnimationEnd`.
 */
export const ANIMATION_EVENTS: Readonly<Record<string, string>> = {
  animationstart: 'animationStart',
  animationiteration: 'animationIteration',
  animationend: 'animationEnd',
  transitionend: 'transitionEnd',
};

/** The dispatch of a DOM animation/transition event on `v` (the event's own target), or null. */
export function animationDispatch(v: VElement, domType: string): (Dispatch & { type: string }) | null {
  const type = ANIMATION_EVENTS[domType];
  if (!type) return null;
  const handler = v.handlers[type];
  return handler ? { index: 0, owner: v.owner, handler: handler.name, type } : null;
}
