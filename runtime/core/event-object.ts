/**
 * The event object a handler receives (/mini/framework/event-object): `type`, `timeStamp`, `target` (the
 * touched element: id, tagName, the bound element's `dataset` and its own `targetDataset`), `currentTarget`
 * (the element the handler is bound on), `detail`, and `touches` / `changedTouches` for touch events.
 */

export interface Point {
  clientX: number;
  clientY: number;
  pageX: number;
  pageY: number;
  /** On a `<canvas>`: the point relative to the canvas (what drawing code uses). */
  x?: number;
  y?: number;
}

/** An element as an event names it. */
export interface EventElement {
  id: string;
  tagName: string;
  dataset: Record<string, unknown>;
  offsetLeft: number;
  offsetTop: number;
}

export interface MiniEvent {
  type: string;
  timeStamp: number;
  target: EventElement & { targetDataset: Record<string, unknown> };
  currentTarget: EventElement;
  detail: unknown;
  touches?: Array<Point & { identifier: number }>;
  changedTouches?: Array<Point & { identifier: number }>;
  [extra: string]: unknown;
}

export function eventObject(
  type: string,
  current: EventElement,
  target: EventElement,
  detail: unknown,
  point: Point | null,
  now: number,
): MiniEvent {
  const touches = point ? [{ identifier: 0, ...point }] : undefined;
  return {
    type,
    timeStamp: now,
    target: { ...target, dataset: { ...current.dataset }, targetDataset: { ...target.dataset } },
    currentTarget: { ...current, dataset: { ...current.dataset } },
    detail: detail ?? (point ? { ...point } : {}),
    ...(touches ? { touches, changedTouches: touches } : {}),
  };
}
