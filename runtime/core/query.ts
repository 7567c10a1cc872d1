/** The one query-string builder: `{ a: 1, b: 'x y' }` → `a=1&b=x%20y` (undefined and null are left out). */
export function buildQuery(params: Record<string, unknown>): string {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}
