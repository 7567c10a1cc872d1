/** The one query-string builder of the app: `{ a: 1, b: 'x y' }` → `a=1&b=x%20y` (undefined values left out). */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  return Object.keys(params)
    .filter((key) => params[key] !== undefined)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(params[key]))}`)
    .join('&');
}

/** A route with its query, as my.navigateTo takes it and a share path gives it (`pages/x/index?a=1`). */
export function withQuery(route: string, params: Record<string, string | number | boolean | undefined>): string {
  const search = queryString(params);
  return search ? `${route}?${search}` : route;
}
