/**
 * ACSS → CSS for a page document (/mini/framework/acss): `rpx` scales with the screen (750rpx is the frame's
 * width), `page` is the page's root element (the simulator renders a real `<page>` element, so the selector
 * stays as written). Inline `style` attributes get the same rpx treatment.
 */

const RPX = /(-?(?:\d+\.?\d*|\.\d+))rpx\b/g;

function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** `24rpx` → `12px` on a 375-wide frame (0.5 px per rpx). */
export function convertRpx(css: string, pxPerRpx: number): string {
  return css.replace(RPX, (_match, amount: string) => `${round(Number(amount) * pxPerRpx)}px`);
}

/**
 * Built-ins whose DOM element has another name (an HTML <button> never stretches to its container's width
 * and a <progress> shows no children): their tag selectors follow them.
 */
// Chromium has elements of its own by these names (<camera> is a capability element that shows no children).
export const RENAMED_TAGS: Record<string, string> = {
  button: 'sim-button',
  progress: 'sim-progress',
  camera: 'sim-camera',
};

const TAG_IN_SELECTOR = new RegExp(`(^|[\\s,>+~(])(${Object.keys(RENAMED_TAGS).join('|')})(?=$|[\\s,.:#[>+~{)])`, 'g');

/** Renames tag selectors (`button`, `view > button:active`) in the selector parts of a stylesheet. */
export function renameTagSelectors(css: string): string {
  // Selectors are the text before each `{`; declarations never contain `{`.
  return css.replace(/(^|[{};])([^{};]*)(?=\{)/g, (_match, before: string, prelude: string) => {
    if (prelude.trim().startsWith('@')) return before + prelude;
    return before + prelude.replace(TAG_IN_SELECTOR, (_m, lead: string, tag: string) => lead + RENAMED_TAGS[tag]);
  });
}

/** An ACSS file ready for the page document: rpx converted, tags renamed, a comment naming the source. */
export function acssToCss(source: string, pxPerRpx: number, fileName: string): string {
  return `/* ${fileName} */\n${renameTagSelectors(convertRpx(source, pxPerRpx))}`;
}
