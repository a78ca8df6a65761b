// Cache keys: the normalised URL, so tracking parameters and parameter order never split the cache.

/**
 * Keeps only the parameters that change the response (which also drops utm_*, fbclid and gclid),
 * sorts them, and drops the fragment. Empty values are kept: `?q=` is a real request.
 */
export function normalizeCacheKey(url: URL | string, params: readonly string[]): string {
  const source = new URL(url)
  const key = new URL(source.pathname, source.origin)
  const kept = [...source.searchParams].filter(([name]) => params.includes(name))
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
  for (const [name, value] of kept) key.searchParams.append(name, value)
  return key.href
}

/** Where the long-lived copy for stale-if-error lives: the same URL under a reserved parameter. */
export function staleCacheKey(key: string): string {
  const url = new URL(key)
  url.searchParams.set('__stale', '1')
  return url.href
}
