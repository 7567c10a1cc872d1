/** Opens a page; `query` values are URL-encoded so a shared link restores them. */
export function navigateTo(route: string, query: Record<string, string> = {}): Promise<void> {
  const search = Object.keys(query)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(query[key])}`)
    .join('&');
  return new Promise((resolve, reject) => {
    my.navigateTo({ url: `/${route}${search ? `?${search}` : ''}`, success: () => resolve(), fail: reject });
  });
}
