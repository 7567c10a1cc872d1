import { showToast } from './ui';
import { withQuery } from './query-string';

/** Alipay keeps at most 10 pages on the stack; past that a new page replaces the top one. */
const PAGE_STACK_LIMIT = 10;

/** Opens a page; `query` values are URL-encoded so a shared link restores them. */
export function navigateTo(route: string, query: Record<string, string> = {}): void {
  const url = pageUrl(route, query);
  const fail = () => showToast('页面打开失败，请稍后重试', 'fail');
  if (getCurrentPages().length >= PAGE_STACK_LIMIT) my.redirectTo({ url, fail });
  else my.navigateTo({ url, fail });
}

/** The tab pages of app.json: reached with switchTab only. */
export const TAB_ROUTES = ['pages/jobs/index', 'pages/messages/index', 'pages/me/index'];

/**
 * Back to the page below; a page opened on its own (a shared link, a message) has none, and then `fallback`
 * is shown instead, so a finished form never leaves the seeker on it.
 */
export function navigateBack(fallback?: string): void {
  if (getCurrentPages().length > 1 || !fallback) my.navigateBack({ delta: 1 });
  else if (TAB_ROUTES.indexOf(fallback) >= 0) switchTab(fallback);
  else redirectTo(fallback);
}

/** Goes to a tab page (职位, 消息, 我的), closing the pages above it. */
export function switchTab(route: string): void {
  my.switchTab({ url: `/${route}`, fail: () => showToast('页面打开失败，请稍后重试', 'fail') });
}

/** Replaces the current page, e.g. a finished form by what it created, so Back does not return to the form. */
export function redirectTo(route: string, query: Record<string, string> = {}): void {
  my.redirectTo({ url: pageUrl(route, query), fail: () => showToast('页面打开失败，请稍后重试', 'fail') });
}

/** Shows `route`: back to it when it is the page below, else in place of the current page. */
export function backTo(route: string): void {
  const pages = getCurrentPages();
  if (pages.length > 1 && pages[pages.length - 2].route === route) navigateBack();
  else redirectTo(route);
}

function pageUrl(route: string, query: Record<string, string>): string {
  return withQuery(`/${route}`, query);
}
