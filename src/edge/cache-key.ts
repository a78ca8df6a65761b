// Cache keys: the path and only the parameters its route reads, so no junk, tracking or duplicate splits the cache.
import { type QueryParam, REFUSED } from './cache-params'

export interface CacheQuery {
  /**
   * The query string the route is given to read, and the key's: declared parameters only, each
   * once with its first value in canonical form, sorted by name; `''` when none is left.
   */
  search: string
  /** A value the route refuses is kept for it to refuse; such a request skips the cache. */
  refused: boolean
  /** Whether purges can find this key, so that a long-lived stale copy of it is safe to keep. */
  purged: boolean
}

/**
 * Reads the declared parameters with `query` (Hono's `c.req.query`: the first value, decoded as
 * the route decodes it). Every other parameter (utm_*, fbclid, gclid, junk) is dropped.
 */
export function readCacheQuery(
  query: (name: string) => string | undefined,
  params: Readonly<Record<string, QueryParam>>,
): CacheQuery {
  const kept = new URLSearchParams()
  let refused = false
  let purged = true
  for (const name of Object.keys(params).sort()) {
    const raw = query(name)
    const param = params[name]
    if (raw === undefined || !param) continue
    const value = param.read(raw)
    if (value === undefined) continue
    if (value === REFUSED) refused = true
    else if (!param.purged) purged = false
    kept.append(name, value === REFUSED ? raw : value)
  }
  const search = kept.size > 0 ? `?${kept}` : ''
  return { search, refused, purged }
}

/** The key for a path and its canonical query, on the site's origin (so cron purges find it). */
export function cacheKeyFor(origin: string, path: string, search: string): string {
  return new URL(path + search, origin).href
}
