import { callMy } from './call';

/** Opens a page; `query` values are URL-encoded so a shared link restores them. */
export function navigateTo(route: string, query: Record<string, string> = {}): Promise<unknown> {
  const search = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return callMy(my.navigateTo, { url: `/${route}${search ? `?${search}` : ''}` });
}
