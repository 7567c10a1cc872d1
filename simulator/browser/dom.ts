/**
 * Virtual nodes → the page document's DOM, and the built-in components' behaviour (opendocs.alipay.com
 * /mini/component/*): view, text, image (modes), button (form-type, open-type getAuthorize/share), input,
 * textarea, scroll-view, swiper, movable-area/movable-view, navigator, form, label, checkbox(-group), radio(-group), switch, slider,
 * picker-view, picker, icon, progress, canvas (drawn by my.createCanvasContext), camera (the browser's camera,
 * recorded for my.createCameraContext), video (the browser's player); map, web-view, lottie as labeled stand-ins.
 */
import { convertRpx, RENAMED_TAGS } from '../core/acss';
import { toText, type VElement, type VNode } from '../core/render';
import { mountCamera } from './camera';

export interface DomHost {
  doc: Document;
  pxPerRpx: number;
  resolveUrl(src: string): string;
  /** Sends an event to the handler bound on `v` for `type`. Returns false when none is bound. */
  emit(v: VElement, el: Element, type: string, detail: unknown, source?: Event): boolean;
  navigate(api: string, url: string | undefined, delta?: number): void;
  /** Shows the consent sheet of `<button open-type="getAuthorize">`. */
  authorize(scope: string): Promise<boolean>;
  share(v: VElement): void;
  /** The option picker of `<picker>`; resolves with the chosen index or null. */
  pick(range: string[], current: number): Promise<number | null>;
  /** An element or component the simulator cannot render: logged once with its name. */
  unsupported(what: string): void;
}

interface Managed {
  v: VNode;
  /** Attribute values last written to the element (to leave user edits alone when nothing changed). */
  applied: Record<string, unknown>;
  cleanup?: () => void;
}

const managed = new WeakMap<Node, Managed>();

export function vnodeOf(node: Node): VNode | undefined {
  return managed.get(node)?.v;
}

/** The built-in's attribute under its camelCase or kebab-case name. */
export function attr(v: VElement, name: string): unknown {
  if (name in v.attrs) return v.attrs[name];
  const kebab = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return v.attrs[kebab];
}

function truthy(value: unknown): boolean {
  return (
    value === true || (value !== false && value !== undefined && value !== null && value !== '' && value !== 'false')
  );
}

const STANDINS: Record<string, string> = {
  map: '地图 map',
  'web-view': '网页 web-view',
  lottie: '动画 lottie',
};

const ICON_PATHS: Record<string, string> = {
  success:
    '<circle cx="12" cy="12" r="11" fill="C"/><path d="M6.5 12.5l3.5 3.5 7.5-8" stroke="#fff" stroke-width="2" fill="none"/>',
  success_no_circle: '<path d="M3 12.5l6 6L21 6" stroke="C" stroke-width="2.4" fill="none"/>',
  info: '<circle cx="12" cy="12" r="11" fill="C"/><rect x="11" y="10" width="2" height="8" fill="#fff"/><rect x="11" y="6" width="2" height="2" fill="#fff"/>',
  warn: '<circle cx="12" cy="12" r="11" fill="C"/><rect x="11" y="6" width="2" height="8" fill="#fff"/><rect x="11" y="16" width="2" height="2" fill="#fff"/>',
  waiting:
    '<circle cx="12" cy="12" r="11" fill="C"/><path d="M12 6v6l4 3" stroke="#fff" stroke-width="2" fill="none"/>',
  clear: '<circle cx="12" cy="12" r="11" fill="C"/><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2"/>',
  cancel:
    '<circle cx="12" cy="12" r="10" stroke="C" stroke-width="2" fill="none"/><path d="M8 8l8 8M16 8l-8 8" stroke="C" stroke-width="2"/>',
  download:
    '<circle cx="12" cy="12" r="11" fill="C"/><path d="M12 6v9M8 11l4 4 4-4" stroke="#fff" stroke-width="2" fill="none"/>',
  search:
    '<circle cx="10.5" cy="10.5" r="6.5" stroke="C" stroke-width="2" fill="none"/><path d="M15.5 15.5l5 5" stroke="C" stroke-width="2"/>',
  loading: '<circle cx="12" cy="12" r="9" stroke="C" stroke-width="2.4" stroke-dasharray="40 20" fill="none"/>',
};
const ICON_COLORS: Record<string, string> = {
  success: '#22b35e',
  success_no_circle: '#22b35e',
  info: '#1677ff',
  warn: '#ff8f1f',
  waiting: '#1677ff',
  clear: '#b2b2b2',
  cancel: '#ff3141',
  download: '#1677ff',
  search: '#b2b2b2',
  loading: '#1677ff',
};

/** What the image `mode` means for the inner <img>. */
function applyImageMode(el: HTMLElement, img: HTMLImageElement, mode: string): void {
  el.classList.toggle('sim-image-widthfix', mode === 'widthFix');
  el.classList.toggle('sim-image-heightfix', mode === 'heightFix');
  const fit: Record<string, [string, string]> = {
    scaleToFill: ['fill', 'center'],
    aspectFit: ['contain', 'center'],
    aspectFill: ['cover', 'center'],
    widthFix: ['fill', 'center'],
    heightFix: ['fill', 'center'],
    top: ['none', 'top'],
    bottom: ['none', 'bottom'],
    center: ['none', 'center'],
    left: ['none', 'left'],
    right: ['none', 'right'],
    'top left': ['none', 'left top'],
    'top right': ['none', 'right top'],
    'bottom left': ['none', 'left bottom'],
    'bottom right': ['none', 'right bottom'],
  };
  const [objectFit, position] = fit[mode] ?? fit.scaleToFill;
  img.style.objectFit = objectFit;
  img.style.objectPosition = position;
}

/** Shown when a picture cannot load (no network for remote images in the simulator). */
const IMAGE_PLACEHOLDER =
  'data:image/svg+xml;charset=utf-8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="150" viewBox="0 0 240 150"><rect width="240" height="150" fill="#f2f4f7"/>' +
      '<rect x="78" y="36" width="84" height="66" rx="8" fill="#dfe4ec"/><circle cx="100" cy="58" r="8" fill="#c4ccd8"/>' +
      '<path d="M84 96l24-24 16 14 12-10 20 20z" fill="#c4ccd8"/><rect x="60" y="114" width="120" height="8" rx="4" fill="#e6e9ef"/></svg>',
  );

function closestManaged(node: Node | null, tag: string): { el: Element; v: VElement } | null {
  for (let current: Node | null = node; current; current = current.parentNode) {
    const v = managed.get(current)?.v;
    if (v && v.kind === 'el' && v.tag === tag) return { el: current as Element, v };
  }
  return null;
}

/** Values of a form's named controls (/mini/component/form). */
function formValues(form: Element): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const control of Array.from(form.querySelectorAll('[sim-name]'))) {
    const v = managed.get(control)?.v;
    if (!v || v.kind !== 'el') continue;
    const name = control.getAttribute('sim-name') as string;
    switch (v.tag) {
      case 'input':
      case 'textarea':
        values[name] = (control as HTMLInputElement).value;
        break;
      case 'switch':
        values[name] = control.classList.contains('sim-checked');
        break;
      case 'checkbox-group':
        values[name] = Array.from(control.querySelectorAll('checkbox.sim-checked')).map((box) => {
          const bv = managed.get(box)?.v as VElement | undefined;
          return bv ? toText(attr(bv, 'value')) : '';
        });
        break;
      case 'radio-group': {
        const checked = control.querySelector('radio.sim-checked');
        const rv = checked ? (managed.get(checked)?.v as VElement | undefined) : undefined;
        values[name] = rv ? toText(attr(rv, 'value')) : '';
        break;
      }
      case 'slider':
        values[name] = Number((control.querySelector('input') as HTMLInputElement).value);
        break;
      case 'picker-view':
        values[name] = readPickerView(control);
        break;
      case 'picker':
        values[name] = Number(control.getAttribute('sim-value') ?? 0);
        break;
    }
  }
  return values;
}

function readPickerView(el: Element): number[] {
  return Array.from(el.querySelectorAll(':scope > picker-view-column')).map((column) =>
    Math.round((column as HTMLElement).scrollTop / 34),
  );
}

function fireGroupChange(host: DomHost, node: Element, tag: 'checkbox' | 'radio'): void {
  const group = closestManaged(node.parentNode, `${tag}-group`);
  if (!group) return;
  if (tag === 'checkbox') {
    const value = Array.from(group.el.querySelectorAll('checkbox.sim-checked')).map((box) => {
      const bv = managed.get(box)?.v as VElement | undefined;
      return bv ? toText(attr(bv, 'value')) : '';
    });
    host.emit(group.v, group.el, 'change', { value });
  } else {
    const checked = group.el.querySelector('radio.sim-checked');
    const rv = checked ? (managed.get(checked)?.v as VElement | undefined) : undefined;
    host.emit(group.v, group.el, 'change', { value: rv ? toText(attr(rv, 'value')) : '' });
  }
}

function toggleControl(host: DomHost, el: Element, v: VElement, source?: Event): void {
  if (truthy(attr(v, 'disabled'))) return;
  if (v.tag === 'checkbox') {
    const checked = !el.classList.contains('sim-checked');
    el.classList.toggle('sim-checked', checked);
    (el.firstChild as HTMLElement).textContent = checked ? '✓' : '';
    host.emit(v, el, 'change', { value: checked }, source);
    fireGroupChange(host, el, 'checkbox');
  } else if (v.tag === 'radio') {
    if (el.classList.contains('sim-checked')) return;
    const group = closestManaged(el.parentNode, 'radio-group');
    for (const other of Array.from((group?.el ?? el.parentNode ?? el).querySelectorAll('radio.sim-checked'))) {
      other.classList.remove('sim-checked');
      (other.firstChild as HTMLElement).textContent = '';
    }
    el.classList.add('sim-checked');
    (el.firstChild as HTMLElement).textContent = '●';
    host.emit(v, el, 'change', { value: true }, source);
    fireGroupChange(host, el, 'radio');
  } else if (v.tag === 'switch') {
    const checked = !el.classList.contains('sim-checked');
    if (!truthy(attr(v, 'controlled'))) el.classList.toggle('sim-checked', checked);
    host.emit(v, el, 'change', { value: checked }, source);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Creating and updating elements

const DOM_TAG: Record<string, string> = { 'cover-view': 'view', 'cover-image': 'image', ...RENAMED_TAGS };

function createElement(host: DomHost, v: VElement): { el: Element; cleanup?: () => void } {
  const doc = host.doc;
  if (STANDINS[v.tag]) {
    const el = doc.createElement('sim-standin');
    el.setAttribute('sim-tag', v.tag);
    return { el };
  }
  const el = doc.createElement(DOM_TAG[v.tag] ?? v.tag);
  switch (v.tag) {
    case 'canvas':
      return { el };
    case 'camera': {
      const current = () => managed.get(el)?.v as VElement;
      const cleanup = mountCamera(el as HTMLElement, toText(attr(v, 'devicePosition')) || 'front', {
        ready: () => host.emit(current(), el, 'ready', {}),
        error: (error, errorMessage) => host.emit(current(), el, 'error', { error, errorMessage }),
        stop: () => host.emit(current(), el, 'stop', {}),
      });
      return { el, cleanup };
    }
    case 'video':
      // The browser's own player.
      return { el };
    case 'image':
    case 'cover-image': {
      const img = doc.createElement('img');
      img.alt = '';
      img.draggable = false;
      el.appendChild(img);
      img.addEventListener('load', () => {
        if (img.src === IMAGE_PLACEHOLDER) return;
        const current = managed.get(el)?.v as VElement;
        host.emit(current, el, 'load', { width: img.naturalWidth, height: img.naturalHeight });
      });
      img.addEventListener('error', () => {
        if (img.src === IMAGE_PLACEHOLDER) return;
        const current = managed.get(el)?.v as VElement;
        host.emit(current, el, 'error', { errMsg: `image load failed: ${img.src}` });
        img.src = IMAGE_PLACEHOLDER;
        img.style.objectFit = 'contain';
      });
      return { el };
    }
    case 'button':
      el.setAttribute('role', 'button');
      el.tabIndex = 0;
      return { el };
    case 'input': {
      const input = el as HTMLInputElement;
      const detail = () => ({ value: input.value, cursor: input.selectionStart ?? input.value.length });
      const current = () => managed.get(el)?.v as VElement;
      input.addEventListener('input', () => host.emit(current(), el, 'input', detail()));
      input.addEventListener('focus', () => host.emit(current(), el, 'focus', { value: input.value }));
      input.addEventListener('blur', () => host.emit(current(), el, 'blur', { value: input.value }));
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        host.emit(current(), el, 'confirm', { value: input.value });
        const form = closestManaged(el.parentNode, 'form');
        if (form) submitForm(host, form.el, form.v, null);
      });
      return { el };
    }
    case 'textarea': {
      const area = el as HTMLTextAreaElement;
      const current = () => managed.get(el)?.v as VElement;
      area.addEventListener('input', () => {
        host.emit(current(), el, 'input', { value: area.value, cursor: area.selectionStart });
        if (truthy(attr(current(), 'autoHeight'))) fitHeight(area);
      });
      area.addEventListener('focus', () => host.emit(current(), el, 'focus', { value: area.value }));
      area.addEventListener('blur', () => host.emit(current(), el, 'blur', { value: area.value }));
      return { el };
    }
    case 'checkbox':
    case 'radio':
      el.appendChild(doc.createElement('sim-box'));
      return { el };
    case 'switch':
      el.appendChild(doc.createElement('sim-knob'));
      return { el };
    case 'slider': {
      const input = doc.createElement('input');
      input.type = 'range';
      const label = doc.createElement('span');
      el.append(input, label);
      const current = () => managed.get(el)?.v as VElement;
      input.addEventListener('input', () => {
        label.textContent = truthy(attr(current(), 'showValue')) ? input.value : '';
        host.emit(current(), el, 'changing', { value: Number(input.value) });
      });
      input.addEventListener('change', () => host.emit(current(), el, 'change', { value: Number(input.value) }));
      return { el };
    }
    case 'scroll-view': {
      const current = () => managed.get(el)?.v as VElement;
      let nearEnd = false;
      let nearStart = true;
      el.addEventListener('scroll', () => {
        const node = el as HTMLElement;
        const v = current();
        host.emit(v, el, 'scroll', {
          scrollTop: node.scrollTop,
          scrollLeft: node.scrollLeft,
          scrollHeight: node.scrollHeight,
          scrollWidth: node.scrollWidth,
        });
        const horizontal = truthy(attr(v, 'scrollX')) && !truthy(attr(v, 'scrollY'));
        const lower = Number(attr(v, 'lowerThreshold') ?? 50);
        const upper = Number(attr(v, 'upperThreshold') ?? 50);
        const position = horizontal ? node.scrollLeft : node.scrollTop;
        const size = horizontal ? node.scrollWidth - node.clientWidth : node.scrollHeight - node.clientHeight;
        const atEnd = size - position <= lower;
        const atStart = position <= upper;
        if (atEnd && !nearEnd) host.emit(v, el, 'scrollToLower', { direction: horizontal ? 'right' : 'bottom' });
        if (atStart && !nearStart) host.emit(v, el, 'scrollToUpper', { direction: horizontal ? 'left' : 'top' });
        nearEnd = atEnd;
        nearStart = atStart;
      });
      return { el };
    }
    case 'swiper': {
      const track = doc.createElement('sim-swiper-track');
      const dots = doc.createElement('sim-swiper-dots');
      el.append(track, dots);
      let timer: ReturnType<typeof setInterval> | null = null;
      let startX = 0;
      let startY = 0;
      const state = el as HTMLElement & { simCurrent?: number };
      const go = (index: number, source: 'autoplay' | 'touch') => {
        const count = track.children.length;
        if (count === 0) return;
        const v = managed.get(el)?.v as VElement;
        const next = truthy(attr(v, 'circular')) ? (index + count) % count : Math.max(0, Math.min(count - 1, index));
        if (next === state.simCurrent) return;
        state.simCurrent = next;
        layoutSwiper(el as HTMLElement);
        host.emit(v, el, 'change', { current: next, source });
      };
      el.addEventListener('pointerdown', (event) => {
        startX = (event as PointerEvent).clientX;
        startY = (event as PointerEvent).clientY;
      });
      el.addEventListener('pointerup', (event) => {
        const v = managed.get(el)?.v as VElement;
        const vertical = truthy(attr(v, 'vertical'));
        const delta = vertical ? (event as PointerEvent).clientY - startY : (event as PointerEvent).clientX - startX;
        if (Math.abs(delta) > 30) go((state.simCurrent ?? 0) + (delta < 0 ? 1 : -1), 'touch');
      });
      const schedule = () => {
        if (timer) clearInterval(timer);
        timer = null;
        const v = managed.get(el)?.v as VElement | undefined;
        if (v && truthy(attr(v, 'autoplay')))
          timer = setInterval(() => go((state.simCurrent ?? 0) + 1, 'autoplay'), Number(attr(v, 'interval') ?? 5000));
      };
      (el as HTMLElement & { simSchedule?: () => void }).simSchedule = schedule;
      return { el, cleanup: () => timer && clearInterval(timer) };
    }
    case 'movable-view':
      return { el, cleanup: makeMovable(host, el as HTMLElement) };
    case 'picker-view': {
      el.appendChild(doc.createElement('sim-picker-indicator'));
      let settle: ReturnType<typeof setTimeout> | null = null;
      el.addEventListener(
        'scroll',
        () => {
          if (settle) clearTimeout(settle);
          settle = setTimeout(() => {
            const v = managed.get(el)?.v as VElement;
            host.emit(v, el, 'change', { value: readPickerView(el) });
          }, 160);
        },
        true,
      );
      return { el };
    }
    case 'form':
      el.addEventListener('submit', (event) => event.preventDefault());
      return { el };
    default:
      return { el };
  }
}

/** A textarea with autoHeight: as tall as its text. */
function fitHeight(area: HTMLTextAreaElement): void {
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight}px`;
}

/** Alipay's `set*` methods of CanvasContext that are plain properties of the browser's 2D context. */
const CANVAS_SETTERS: Record<string, string> = {
  setFillStyle: 'fillStyle',
  setStrokeStyle: 'strokeStyle',
  setLineWidth: 'lineWidth',
  setLineCap: 'lineCap',
  setLineJoin: 'lineJoin',
  setMiterLimit: 'miterLimit',
  setGlobalAlpha: 'globalAlpha',
  setTextAlign: 'textAlign',
  setTextBaseline: 'textBaseline',
};

/**
 * Replays what my.createCanvasContext recorded (method calls and property sets) on `<canvas id>`; without
 * `reserve` the canvas is cleared first (/mini/api/canvas). Returns false when there is no such canvas.
 */
export function drawCanvas(
  doc: Document,
  canvasId: string,
  ops: Array<[string, unknown[]]>,
  reserve: boolean,
  unsupported: (what: string) => void,
): boolean {
  const canvas = doc.getElementById(canvasId);
  if (!(canvas instanceof (doc.defaultView as Window & typeof globalThis).HTMLCanvasElement)) return false;
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  const bag = ctx as unknown as Record<string, unknown>;
  if (!reserve) ctx.clearRect(0, 0, canvas.width, canvas.height);
  for (const [name, args] of ops) {
    if (name.startsWith('=')) bag[name.slice(1)] = args[0];
    else if (CANVAS_SETTERS[name]) bag[CANVAS_SETTERS[name]] = args[0];
    else if (name === 'setFontSize') ctx.font = `${Number(args[0])}px sans-serif`;
    else if (name === 'setShadow') {
      [ctx.shadowOffsetX, ctx.shadowOffsetY, ctx.shadowBlur] = args.slice(0, 3).map(Number);
      ctx.shadowColor = String(args[3] ?? 'black');
    } else if (typeof bag[name] === 'function') (bag[name] as (...a: unknown[]) => unknown).apply(ctx, args);
    else unsupported(`CanvasContext.${name}`);
  }
  return true;
}

/** Where a movable-view is, in px from its area's top left (its state, kept on the element). */
type MovableEl = HTMLElement & {
  simX?: number;
  simY?: number;
  simMoveTo?: (x: number, y: number, animate: boolean) => void;
};

/**
 * movable-view (/mini/component/movable-view): dragged along `direction` (all, vertical, horizontal, none)
 * inside its movable-area unless `out-of-bounds`; `x`/`y` move it (animated unless `animation` is false);
 * `change` with source `touch` while dragged and `''` when set by data, `changeEnd` when let go. A drag
 * is not a tap.
 */
function makeMovable(host: DomHost, el: MovableEl): () => void {
  const current = () => managed.get(el)?.v as VElement;
  /** x and y that keep the view inside its area, from where its margins put it (offsetLeft/Top). */
  const bounds = () => {
    const area = el.parentElement;
    const spareX = (area?.clientWidth ?? 0) - el.offsetWidth - el.offsetLeft;
    const spareY = (area?.clientHeight ?? 0) - el.offsetHeight - el.offsetTop;
    return {
      minX: Math.min(-el.offsetLeft, spareX),
      maxX: Math.max(-el.offsetLeft, spareX),
      minY: Math.min(-el.offsetTop, spareY),
      maxY: Math.max(-el.offsetTop, spareY),
    };
  };
  const clamp = (x: number, y: number) => {
    if (truthy(attr(current(), 'outOfBounds'))) return { x, y };
    const b = bounds();
    return { x: Math.min(b.maxX, Math.max(b.minX, x)), y: Math.min(b.maxY, Math.max(b.minY, y)) };
  };
  el.simMoveTo = (x, y, animate) => {
    el.simX = x;
    el.simY = y;
    // The platform places every movable-view itself, whatever position its class asks for.
    el.style.position = 'absolute';
    el.style.transition = animate ? 'transform 0.3s ease-out' : 'none';
    el.style.transform = `translate(${x}px, ${y}px)`;
  };
  let drag: { pointer: number; startX: number; startY: number; fromX: number; fromY: number; moved: boolean } | null =
    null;
  let suppressTap = false;
  const down = (event: PointerEvent) => {
    const v = current();
    const direction = toText(attr(v, 'direction') ?? 'none');
    if (truthy(attr(v, 'disabled')) || direction === 'none') return;
    drag = {
      pointer: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      fromX: el.simX ?? 0,
      fromY: el.simY ?? 0,
      moved: false,
    };
    el.setPointerCapture?.(event.pointerId);
  };
  const move = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const v = current();
    const direction = toText(attr(v, 'direction') ?? 'none');
    const dx = direction === 'all' || direction === 'horizontal' ? event.clientX - drag.startX : 0;
    const dy = direction === 'all' || direction === 'vertical' ? event.clientY - drag.startY : 0;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 3) return;
    drag.moved = true;
    const { x, y } = clamp(drag.fromX + dx, drag.fromY + dy);
    if (x === el.simX && y === el.simY) return;
    el.simMoveTo?.(x, y, false);
    host.emit(v, el, 'change', { x, y, source: 'touch' }, event);
  };
  const up = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const moved = drag.moved;
    drag = null;
    if (!moved) return;
    suppressTap = true;
    host.emit(current(), el, 'changeEnd', { x: el.simX ?? 0, y: el.simY ?? 0 }, event);
  };
  const click = (event: Event) => {
    if (!suppressTap) return;
    suppressTap = false;
    event.stopPropagation();
  };
  el.addEventListener('pointerdown', down);
  el.addEventListener('pointermove', move);
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', up);
  el.addEventListener('click', click, true);
  return () => undefined;
}

function layoutSwiper(el: HTMLElement): void {
  const track = el.querySelector(':scope > sim-swiper-track') as HTMLElement | null;
  const dots = el.querySelector(':scope > sim-swiper-dots') as HTMLElement | null;
  if (!track || !dots) return;
  const v = managed.get(el)?.v as VElement;
  const current = (el as HTMLElement & { simCurrent?: number }).simCurrent ?? 0;
  const vertical = truthy(attr(v, 'vertical'));
  track.classList.toggle('sim-vertical', vertical);
  track.style.transform = vertical ? `translateY(${-current * 100}%)` : `translateX(${-current * 100}%)`;
  const count = track.children.length;
  dots.hidden = !truthy(attr(v, 'indicatorDots'));
  if (dots.children.length !== count) dots.innerHTML = '<i></i>'.repeat(count);
  Array.from(dots.children).forEach((dot, i) => dot.classList.toggle('on', i === current));
}

function submitForm(host: DomHost, formEl: Element, formV: VElement, button: VElement | null): void {
  host.emit(formV, formEl, 'submit', {
    value: formValues(formEl),
    buttonTarget: button ? { dataset: button.dataset } : {},
  });
}

function resetForm(host: DomHost, formEl: Element, formV: VElement): void {
  for (const control of Array.from(formEl.querySelectorAll('input, textarea')))
    (control as HTMLInputElement).value = '';
  for (const control of Array.from(formEl.querySelectorAll('.sim-checked'))) control.classList.remove('sim-checked');
  host.emit(formV, formEl, 'reset', {});
}

/** The element children go into (swiper items go into its track). */
function containerOf(el: Element, v: VElement): Element | null {
  switch (v.tag) {
    case 'swiper':
      return el.querySelector(':scope > sim-swiper-track');
    case 'image':
    case 'cover-image':
    case 'input':
    case 'textarea':
    case 'checkbox':
    case 'radio':
    case 'switch':
    case 'slider':
    case 'icon':
    case 'progress':
    case 'camera':
    case 'video':
      return null;
    default:
      return STANDINS[v.tag] ? null : el;
  }
}

let placeholderSeq = 0;

/**
 * `placeholder-class` / `placeholder-style` of input and textarea: the platform styles the placeholder with
 * them. Here a `::placeholder` rule per element carries what the class computes to, plus the style.
 */
function applyPlaceholderStyle(host: DomHost, el: HTMLElement, className: string, style: string): void {
  const doc = host.doc;
  if (!el.getAttribute('sim-ph')) el.setAttribute('sim-ph', String(++placeholderSeq));
  const id = el.getAttribute('sim-ph') as string;
  let sheet = doc.querySelector('style[data-sim-placeholders]');
  if (!sheet) {
    sheet = doc.createElement('style');
    sheet.setAttribute('data-sim-placeholders', '');
    doc.head.appendChild(sheet);
  }
  const declarations: string[] = [];
  if (className.trim()) {
    const probe = doc.createElement('span');
    probe.className = className;
    probe.style.cssText = 'position:absolute;visibility:hidden;pointer-events:none';
    (el.parentNode ?? doc.body).appendChild(probe);
    const computed = doc.defaultView?.getComputedStyle(probe);
    if (computed)
      declarations.push(
        `color:${computed.color}`,
        `font-size:${computed.fontSize}`,
        `font-weight:${computed.fontWeight}`,
      );
    probe.remove();
  }
  if (style.trim()) declarations.push(convertRpx(style, host.pxPerRpx));
  const rule = `[sim-ph="${id}"]::placeholder{${declarations.join(';')}}`;
  const rules = (sheet.textContent ?? '').split('\n').filter((line) => line && !line.startsWith(`[sim-ph="${id}"]`));
  if (declarations.length) rules.push(rule);
  sheet.textContent = rules.join('\n');
}

function setClass(el: Element, classes: string): void {
  if (el.getAttribute('class') !== classes) {
    if (classes) el.setAttribute('class', classes);
    else el.removeAttribute('class');
  }
}

function updateElement(host: DomHost, el: Element, v: VElement, record: Managed): void {
  const applied = record.applied;
  const changed = (name: string, value: unknown): boolean => {
    if (Object.is(applied[name], value) && name in applied) return false;
    applied[name] = value;
    return true;
  };
  const node = el as HTMLElement;
  const extraClasses: string[] = [];
  // ---- common attributes ----
  const style = toText(v.attrs.style);
  if (changed('style', style)) {
    if (style) node.setAttribute('style', convertRpx(style, host.pxPerRpx));
    else node.removeAttribute('style');
  }
  const id = toText(v.attrs.id);
  if (changed('id', id)) {
    if (id) node.id = id;
    else node.removeAttribute('id');
  }
  const hidden = truthy(v.attrs.hidden);
  if (changed('hidden', hidden)) node.hidden = hidden;
  const name = toText(v.attrs.name);
  if (changed('name', name)) {
    if (name) node.setAttribute('sim-name', name);
    else node.removeAttribute('sim-name');
  }

  // ---- per component ----
  switch (v.tag) {
    case 'text': {
      const lines = Number(attr(v, 'numberOfLines') ?? 0);
      if (changed('lines', lines)) {
        node.style.display = lines > 0 ? '-webkit-box' : '';
        node.style.webkitLineClamp = lines > 0 ? String(lines) : '';
        (node.style as unknown as Record<string, string>).webkitBoxOrient = lines > 0 ? 'vertical' : '';
        node.style.overflow = lines > 0 ? 'hidden' : '';
      }
      break;
    }
    case 'image':
    case 'cover-image': {
      const img = node.firstChild as HTMLImageElement;
      const src = toText(attr(v, 'src'));
      if (changed('src', src)) img.src = src ? host.resolveUrl(src) : IMAGE_PLACEHOLDER;
      const mode = toText(attr(v, 'mode')) || 'scaleToFill';
      if (changed('mode', mode)) applyImageMode(node, img, mode);
      break;
    }
    case 'button': {
      // The platform's look, at zero specificity: any class of the app (antd-mini's .ant-button…) wins.
      extraClasses.push('sim-btn', `sim-btn-${toText(attr(v, 'type')) || 'default'}`);
      if (toText(attr(v, 'size')) === 'mini') extraClasses.push('sim-btn-mini');
      if (truthy(attr(v, 'disabled'))) extraClasses.push('sim-btn-disabled');
      break;
    }
    case 'input': {
      const input = node as HTMLInputElement;
      const password = truthy(attr(v, 'password')) || attr(v, 'type') === 'password';
      const type = password
        ? 'password'
        : ['number', 'digit', 'idcard', 'numberpad', 'digitpad', 'idcardpad'].includes(toText(attr(v, 'type')))
          ? 'text'
          : 'text';
      if (changed('type', type)) input.type = type;
      const inputMode = ['number', 'numberpad'].includes(toText(attr(v, 'type')))
        ? 'numeric'
        : attr(v, 'type') === 'digit'
          ? 'decimal'
          : '';
      if (changed('inputmode', inputMode)) input.inputMode = inputMode;
      const placeholder = toText(attr(v, 'placeholder'));
      if (changed('placeholder', placeholder)) input.placeholder = placeholder;
      const phClass = toText(attr(v, 'placeholderClass'));
      const phStyle = toText(attr(v, 'placeholderStyle'));
      if (changed('placeholderLook', `${phClass}|${phStyle}`)) applyPlaceholderStyle(host, input, phClass, phStyle);
      const max = Number(attr(v, 'maxlength') ?? 140);
      if (changed('maxlength', max)) {
        if (max > 0) input.maxLength = max;
        else input.removeAttribute('maxlength');
      }
      const disabled = truthy(attr(v, 'disabled'));
      if (changed('disabled', disabled)) input.disabled = disabled;
      const value = toText(attr(v, 'value'));
      if (changed('value', value) && input.value !== value) input.value = value;
      const focus = truthy(attr(v, 'focus'));
      if (changed('focus', focus) && focus) setTimeout(() => input.focus(), 0);
      break;
    }
    case 'textarea': {
      const area = node as HTMLTextAreaElement;
      const placeholder = toText(attr(v, 'placeholder'));
      if (changed('placeholder', placeholder)) area.placeholder = placeholder;
      const phClass = toText(attr(v, 'placeholderClass'));
      const phStyle = toText(attr(v, 'placeholderStyle'));
      if (changed('placeholderLook', `${phClass}|${phStyle}`)) applyPlaceholderStyle(host, area, phClass, phStyle);
      const max = Number(attr(v, 'maxlength') ?? 140);
      if (changed('maxlength', max)) {
        if (max > 0) area.maxLength = max;
        else area.removeAttribute('maxlength');
      }
      const disabled = truthy(attr(v, 'disabled'));
      if (changed('disabled', disabled)) area.disabled = disabled;
      const value = toText(attr(v, 'value'));
      if (changed('value', value) && area.value !== value) {
        area.value = value;
        // autoHeight grows the box to a value set from the logic layer too, once it is laid out.
        if (truthy(attr(v, 'autoHeight'))) area.ownerDocument.defaultView?.requestAnimationFrame(() => fitHeight(area));
      }
      break;
    }
    case 'checkbox':
    case 'radio': {
      const checked = truthy(attr(v, 'checked'));
      if (changed('checked', checked)) {
        node.classList.toggle('sim-checked', checked);
        (node.firstChild as HTMLElement).textContent = checked ? (v.tag === 'checkbox' ? '✓' : '●') : '';
      }
      extraClasses.push(...(node.classList.contains('sim-checked') ? ['sim-checked'] : []));
      if (truthy(attr(v, 'disabled'))) extraClasses.push('sim-disabled');
      const color = toText(attr(v, 'color'));
      if (changed('color', color))
        (node.firstChild as HTMLElement).style.cssText =
          color && node.classList.contains('sim-checked') ? `background:${color};border-color:${color}` : '';
      break;
    }
    case 'switch': {
      const checked = truthy(attr(v, 'checked'));
      if (changed('checked', checked)) node.classList.toggle('sim-checked', checked);
      if (node.classList.contains('sim-checked')) extraClasses.push('sim-checked');
      if (truthy(attr(v, 'disabled'))) extraClasses.push('sim-disabled');
      const color = toText(attr(v, 'color'));
      if (changed('color', color)) node.style.setProperty('--sim-switch-color', color);
      break;
    }
    case 'slider': {
      const input = node.querySelector('input') as HTMLInputElement;
      for (const key of ['min', 'max', 'step'] as const) {
        const value = attr(v, key);
        if (changed(key, value) && value !== undefined) input[key] = toText(value);
      }
      const value = toText(attr(v, 'value') ?? 0);
      if (changed('value', value)) input.value = value;
      input.disabled = truthy(attr(v, 'disabled'));
      (node.lastChild as HTMLElement).textContent = truthy(attr(v, 'showValue')) ? input.value : '';
      break;
    }
    case 'scroll-view': {
      const x = truthy(attr(v, 'scrollX'));
      const y = truthy(attr(v, 'scrollY'));
      node.style.overflowX = x ? 'auto' : 'hidden';
      node.style.overflowY = y ? 'auto' : 'hidden';
      if (x && !y) node.style.whiteSpace = node.style.whiteSpace || '';
      const top = attr(v, 'scrollTop');
      if (changed('scrollTop', top) && top !== undefined && top !== '')
        node.scrollTo({ top: Number(top), behavior: truthy(attr(v, 'scrollWithAnimation')) ? 'smooth' : 'auto' });
      const left = attr(v, 'scrollLeft');
      if (changed('scrollLeft', left) && left !== undefined && left !== '') node.scrollLeft = Number(left);
      const into = toText(attr(v, 'scrollIntoView'));
      if (changed('scrollIntoView', into) && into)
        setTimeout(() => node.querySelector(`#${CSS.escape(into)}`)?.scrollIntoView({ block: 'start' }), 0);
      break;
    }
    case 'movable-view': {
      const movable = node as MovableEl;
      const x = Number(attr(v, 'x') ?? 0) || 0;
      const y = Number(attr(v, 'y') ?? 0) || 0;
      const first = !('x' in applied);
      const movedX = changed('x', x);
      const movedY = changed('y', y);
      if ((movedX || movedY) && (x !== movable.simX || y !== movable.simY)) {
        const animate = !first && attr(v, 'animation') !== false && toText(attr(v, 'animation')) !== 'false';
        movable.simMoveTo?.(x, y, animate);
        if (!first) host.emit(v, node, 'change', { x, y, source: '' });
      } else if (changed('transform', style)) {
        // A new style attribute dropped the position: put it back where the drag or data left it.
        node.style.position = 'absolute';
        node.style.transform = `translate(${movable.simX ?? 0}px, ${movable.simY ?? 0}px)`;
      }
      break;
    }
    case 'canvas': {
      // The drawing surface: width/height attributes, else the element's CSS size.
      const canvas = node as HTMLCanvasElement;
      const width = Number(attr(v, 'width')) || canvas.clientWidth || 300;
      const height = Number(attr(v, 'height')) || canvas.clientHeight || 150;
      if (changed('size', `${width}x${height}`)) {
        canvas.width = width;
        canvas.height = height;
      }
      break;
    }
    case 'swiper': {
      const current = Number(attr(v, 'current') ?? 0);
      const state = node as HTMLElement & { simCurrent?: number; simSchedule?: () => void };
      if (changed('current', current)) state.simCurrent = current;
      const autoplayKey = `${toText(attr(v, 'autoplay'))}:${toText(attr(v, 'interval'))}`;
      if (changed('autoplay', autoplayKey)) state.simSchedule?.();
      break;
    }
    case 'icon': {
      const type = toText(attr(v, 'type'));
      const size = Number(attr(v, 'size') ?? 23);
      const color = toText(attr(v, 'color')) || ICON_COLORS[type] || '#1677ff';
      const key = `${type}:${size}:${color}`;
      if (changed('icon', key)) {
        const paths = ICON_PATHS[type];
        if (!paths) host.unsupported(`<icon type="${type}">`);
        node.innerHTML = paths
          ? `<svg width="${size}" height="${size}" viewBox="0 0 24 24">${paths.replace(/"C"/g, `"${color}"`)}</svg>`
          : `<sim-error>icon type "${type}" is not supported</sim-error>`;
      }
      break;
    }
    case 'progress': {
      const percent = Math.max(0, Math.min(100, Number(attr(v, 'percent') ?? 0)));
      const key = `${percent}:${toText(attr(v, 'activeColor'))}:${toText(attr(v, 'backgroundColor'))}:${toText(attr(v, 'strokeWidth'))}:${toText(attr(v, 'showInfo'))}`;
      if (changed('progress', key)) {
        node.innerHTML = '';
        const bar = host.doc.createElement('sim-bar');
        const fill = host.doc.createElement('i');
        fill.style.width = `${percent}%`;
        const active = toText(attr(v, 'activeColor'));
        if (active) fill.style.background = active;
        const background = toText(attr(v, 'backgroundColor'));
        if (background) bar.style.background = background;
        const stroke = attr(v, 'strokeWidth');
        if (stroke !== undefined) bar.style.height = `${Number(stroke)}px`;
        bar.appendChild(fill);
        node.appendChild(bar);
        if (truthy(attr(v, 'showInfo'))) node.append(`${percent}%`);
      }
      break;
    }
    case 'picker': {
      node.setAttribute('sim-value', toText(attr(v, 'value') ?? 0));
      break;
    }
    case 'video': {
      const video = node as HTMLVideoElement;
      const src = toText(attr(v, 'src'));
      if (changed('src', src)) video.src = src ? host.resolveUrl(src) : '';
      const controls = attr(v, 'controls') === undefined || truthy(attr(v, 'controls'));
      if (changed('controls', controls)) video.controls = controls;
      if (changed('muted', truthy(attr(v, 'muted')))) video.muted = truthy(attr(v, 'muted'));
      break;
    }
    default:
      if (STANDINS[v.tag]) {
        const label = STANDINS[v.tag];
        const src = toText(attr(v, 'src'));
        const key = `${label}:${src}`;
        if (changed('standin', key)) {
          node.innerHTML = '';
          const title = host.doc.createElement('b');
          title.textContent = label;
          node.append(title, `模拟器中的占位${src ? `\n${src}` : ''}`);
        }
      }
  }
  const classes = [toText(v.attrs.class).trim().replace(/\s+/g, ' '), ...extraClasses].filter(Boolean).join(' ');
  setClass(node, classes);
}

// ---------------------------------------------------------------------------------------------------------------
// Patching

function keyOf(v: VNode): string | null {
  return v.kind === 'el' && v.key !== null ? `${v.owner}|${v.tag}|${v.key}` : null;
}

function sameKind(node: Node, v: VNode): boolean {
  const old = managed.get(node)?.v;
  if (!old) return false;
  if (old.kind !== v.kind) return false;
  if (v.kind === 'el') {
    const was = old as VElement;
    return was.tag === v.tag && was.owner === v.owner && was.origin === v.origin;
  }
  return true;
}

function createNode(host: DomHost, v: VNode): Node {
  if (v.kind === 'text') {
    const text = host.doc.createTextNode(v.text);
    managed.set(text, { v, applied: {} });
    return text;
  }
  if (v.kind === 'error') {
    const box = host.doc.createElement('sim-error');
    box.textContent = v.message;
    managed.set(box, { v, applied: {} });
    return box;
  }
  const { el, cleanup } = createElement(host, v);
  const record: Managed = { v, applied: {}, cleanup };
  managed.set(el, record);
  updateElement(host, el, v, record);
  const container = containerOf(el, v);
  if (container) patchChildren(host, container, v.children);
  if (v.tag === 'swiper') layoutSwiper(el as HTMLElement);
  // sized once it is in the document (the patch inserts it right after this)
  if (v.tag === 'picker-view')
    queueMicrotask(() => layoutPickerView(el as HTMLElement, (managed.get(el)?.v as VElement | undefined) ?? v));
  return el;
}

/** Options are 34 px rows; padding above and below lets the first and last reach the centered indicator. */
function layoutPickerView(el: HTMLElement, v: VElement): void {
  const value = Array.isArray(attr(v, 'value')) ? (attr(v, 'value') as number[]) : [];
  const pad = Math.max(0, (el.clientHeight - 34) / 2);
  const indicator = el.querySelector(':scope > sim-picker-indicator') as HTMLElement | null;
  if (indicator) indicator.style.top = `${pad}px`;
  Array.from(el.querySelectorAll(':scope > picker-view-column')).forEach((column, i) => {
    const col = column as HTMLElement;
    if (!col.querySelector(':scope > sim-pad')) {
      col.prepend(pickerPad(el.ownerDocument));
      col.append(pickerPad(el.ownerDocument));
    }
    for (const spacer of Array.from(col.querySelectorAll(':scope > sim-pad')))
      (spacer as HTMLElement).style.height = `${pad}px`;
    const target = Number(value[i] ?? 0) * 34;
    if (Math.abs(col.scrollTop - target) > 2) col.scrollTop = target;
  });
}

function pickerPad(doc: Document): Element {
  return doc.createElement('sim-pad');
}

function updateNode(host: DomHost, node: Node, v: VNode): void {
  const record = managed.get(node) as Managed;
  const old = record.v;
  record.v = v;
  if (v.kind === 'text') {
    if ((node as Text).data !== v.text) (node as Text).data = v.text;
    return;
  }
  if (v.kind === 'error') {
    if (node.textContent !== v.message) node.textContent = v.message;
    return;
  }
  updateElement(host, node as Element, v, record);
  const container = containerOf(node as Element, v);
  if (container) {
    if (v.tag === 'picker-view-column') {
      // keep the scroll padding around the options
      const pads = Array.from(container.querySelectorAll(':scope > sim-pad'));
      for (const pad of pads) pad.remove();
      patchChildren(host, container, v.children);
      if (pads.length === 2) {
        container.prepend(pads[0]);
        container.append(pads[1]);
      }
    } else if (v.tag === 'picker-view') {
      const indicator = container.querySelector(':scope > sim-picker-indicator');
      indicator?.remove();
      patchChildren(host, container, v.children);
      if (indicator) container.appendChild(indicator);
      layoutPickerView(node as HTMLElement, v);
    } else patchChildren(host, container, v.children);
  }
  if (v.tag === 'swiper') layoutSwiper(node as HTMLElement);
  void old;
}

function destroyNode(node: Node): void {
  const record = managed.get(node);
  record?.cleanup?.();
  node.childNodes.forEach((child) => destroyNode(child));
}

/** Makes `container`'s children match `vnodes`, reusing nodes by key, else by position and tag. */
export function patchChildren(host: DomHost, container: Node, vnodes: VNode[]): void {
  const existing = Array.from(container.childNodes).filter((node) => managed.has(node));
  const keyed = new Map<string, Node>();
  const unkeyed: Node[] = [];
  for (const node of existing) {
    const key = keyOf(managed.get(node)?.v as VNode);
    if (key !== null && !keyed.has(key)) keyed.set(key, node);
    else unkeyed.push(node);
  }
  const used = new Set<Node>();
  let scan = 0;
  const next: Node[] = vnodes.map((v) => {
    const key = keyOf(v);
    let match: Node | undefined;
    if (key !== null) {
      const candidate = keyed.get(key);
      if (candidate && !used.has(candidate) && sameKind(candidate, v)) match = candidate;
    } else {
      // The next unused node of the same kind; nodes skipped over belong to a branch that has gone.
      for (let at = scan; at < unkeyed.length; at++) {
        const candidate = unkeyed[at];
        if (used.has(candidate) || !sameKind(candidate, v)) continue;
        match = candidate;
        scan = at + 1;
        break;
      }
    }
    if (match) {
      used.add(match);
      updateNode(host, match, v);
      return match;
    }
    return createNode(host, v);
  });
  for (const node of existing)
    if (!used.has(node)) {
      destroyNode(node);
      container.removeChild(node);
    }
  let cursor: Node | null = container.firstChild;
  for (const node of next) {
    while (cursor && !managed.has(cursor) && cursor !== node) cursor = cursor.nextSibling;
    if (cursor === node) cursor = cursor.nextSibling;
    else container.insertBefore(node, cursor);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Taps and touches: bubbling `on*`, stopping at `catch*` (/mini/framework/events)

export interface TapPath {
  el: Element;
  v: VElement;
}

/** Managed elements from `node` up to the page root, innermost first. */
export function pathFrom(node: Node | null): TapPath[] {
  const out: TapPath[] = [];
  for (let current: Node | null = node; current; current = current.parentNode) {
    const v = managed.get(current)?.v;
    if (v && v.kind === 'el') out.push({ el: current as Element, v });
  }
  return out;
}

/** What a tap on a built-in does by itself (before or besides the app's handlers). */
export function builtinTapAction(host: DomHost, path: TapPath[], source: Event): void {
  const target = path[0];
  if (!target) return;
  // label: tapping it toggles its control
  const label = path.find((entry) => entry.v.tag === 'label');
  const control = path.find((entry) => ['checkbox', 'radio', 'switch'].includes(entry.v.tag));
  if (control) toggleControl(host, control.el, control.v, source);
  else if (label) {
    const forId = toText(attr(label.v, 'for'));
    const linked = forId
      ? host.doc.getElementById(forId)
      : label.el.querySelector('checkbox, radio, switch, input, textarea');
    const linkedV = linked ? (managed.get(linked)?.v as VElement | undefined) : undefined;
    if (linked && linkedV) {
      if (['checkbox', 'radio', 'switch'].includes(linkedV.tag)) toggleControl(host, linked, linkedV, source);
      else (linked as HTMLElement).focus();
    }
  }
  const button = path.find((entry) => entry.v.tag === 'button');
  if (button && !truthy(attr(button.v, 'disabled')) && !truthy(attr(button.v, 'loading'))) {
    const formType = toText(attr(button.v, 'formType'));
    if (formType === 'submit' || formType === 'reset') {
      const form = closestManaged(button.el.parentNode, 'form');
      if (form) {
        if (formType === 'submit') submitForm(host, form.el, form.v, button.v);
        else resetForm(host, form.el, form.v);
      }
    }
    const openType = toText(attr(button.v, 'openType'));
    if (openType === 'getAuthorize') {
      const scope = toText(attr(button.v, 'scope')) || 'userInfo';
      void host.authorize(scope).then((allowed) => {
        if (allowed) host.emit(button.v, button.el, 'getAuthorize', { scope });
        else host.emit(button.v, button.el, 'error', { error: 11, errorMessage: '用户取消授权', scope });
      });
    } else if (openType === 'share') host.share(button.v);
    else if (openType && openType !== 'getAuthorize') host.unsupported(`<button open-type="${openType}">`);
  }
  const navigator = path.find((entry) => entry.v.tag === 'navigator');
  if (navigator) {
    const openType = toText(attr(navigator.v, 'openType')) || 'navigate';
    const api =
      {
        navigate: 'navigateTo',
        redirect: 'redirectTo',
        switchTab: 'switchTab',
        navigateBack: 'navigateBack',
        reLaunch: 'reLaunch',
      }[openType] ?? 'navigateTo';
    host.navigate(api, toText(attr(navigator.v, 'url')) || undefined, Number(attr(navigator.v, 'delta') ?? 1));
  }
  const picker = path.find((entry) => entry.v.tag === 'picker');
  if (picker && !truthy(attr(picker.v, 'disabled'))) {
    const range = (Array.isArray(attr(picker.v, 'range')) ? (attr(picker.v, 'range') as unknown[]) : []).map((item) => {
      const key = toText(attr(picker.v, 'rangeKey'));
      return toText(key && item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : item);
    });
    void host.pick(range, Number(attr(picker.v, 'value') ?? 0)).then((index) => {
      if (index === null) host.emit(picker.v, picker.el, 'cancel', {});
      else {
        picker.el.setAttribute('sim-value', String(index));
        host.emit(picker.v, picker.el, 'change', { value: index });
      }
    });
  }
}

/** hover-class: the class while pressed. */
export function pressStart(path: TapPath[]): () => void {
  const pressed: Array<{ el: Element; classes: string[] }> = [];
  for (const entry of path) {
    const hover = toText(attr(entry.v, 'hoverClass'));
    if (hover && hover !== 'none') {
      const classes = hover.split(/\s+/).filter(Boolean);
      entry.el.classList.add(...classes);
      pressed.push({ el: entry.el, classes });
      if (truthy(attr(entry.v, 'hoverStopPropagation'))) break;
    }
  }
  return () => {
    for (const { el, classes } of pressed) el.classList.remove(...classes);
  };
}
