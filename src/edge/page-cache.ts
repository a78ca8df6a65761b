// The Workers Cache API as Bulletin uses it: a fresh copy per key, plus a long-lived stale copy.
import { toHex } from '../lib/encoding'
import { staleCacheKey } from './cache-key'

/** Response headers that mark how a copy was served; never stored. */
export const X_CACHE = 'x-cache'

/**
 * A finished answer as plain data. Each Response made from it gets its own copy of the bytes, so a
 * render is stored, shared and served without clone(), whose tee piped a stream per copy (5% of an
 * uncached render's CPU in workerd, under perf).
 */
export interface StoredPage {
  /** Null for an answer without a body (204, 301). */
  body: ArrayBuffer | null
  status: number
  headers: [string, string][]
}

/** A new Response of `page`, whose headers the caller may change. */
export function responseOf(page: StoredPage): Response {
  return new Response(page.body?.slice(0) ?? null, { status: page.status, headers: page.headers })
}

export interface PageCache {
  match(key: string): Promise<Response | undefined>
  matchStale(key: string): Promise<Response | undefined>
  /**
   * Stores the page (its Cache-Control s-maxage sets the fresh lifetime; its stale directives are
   * dropped here) and a copy kept `staleIfError` seconds, for when the database fails.
   */
  put(key: string, page: StoredPage, staleIfError: number): Promise<void>
  /** Deletes the fresh copy and, unless `keepStale`, the stale one. Returns whether any existed. */
  delete(key: string, options?: { keepStale?: boolean }): Promise<boolean>
}

/** Marks a stored 204: the Cache API in workerd silently keeps no 204, so one is kept as a 200. */
const STORED_NO_CONTENT = 'x-bulletin-no-content'

function toStorable(page: StoredPage): Response {
  if (page.status !== 204) return responseOf(page)
  const stored = new Response(null, { status: 200, headers: page.headers })
  stored.headers.set(STORED_NO_CONTENT, '1')
  return stored
}

/**
 * The Cache API copy lives for its s-maxage and no longer: a page served stale comes from the copy
 * kept for staleIfError. Miniflare's Cache API, like http-cache-semantics, keeps an entry through
 * stale-while-revalidate and stale-if-error too, so locally a search page cached for two minutes
 * was still served as fresh a day later. The middleware puts the policy's whole header back on a hit.
 */
function keepFreshLifetimeOnly(response: Response) {
  const header = response.headers.get('Cache-Control')
  if (!header) return
  const directives = header.split(',').map((directive) => directive.trim())
  response.headers.set(
    'Cache-Control',
    directives
      .filter((directive) => !/^stale-(while-revalidate|if-error)=/i.test(directive))
      .join(', '),
  )
}

function fromStored(response: Response | undefined): Response | undefined {
  if (!response?.headers.has(STORED_NO_CONTENT)) return response
  const headers = new Headers(response.headers)
  headers.delete(STORED_NO_CONTENT)
  return new Response(null, { status: 204, headers })
}

/** Wraps a Cache (caches.default in the Worker, caches.open(...) in tests). */
export function createPageCache(cache: Cache): PageCache {
  return {
    match: async (key) => fromStored(await cache.match(key)),
    matchStale: (key) => cache.match(staleCacheKey(key)),
    async put(key, page, staleIfError) {
      const response = toStorable(page)
      keepFreshLifetimeOnly(response)
      if (staleIfError <= 0) return void (await cache.put(key, response))
      const stale = toStorable(page)
      stale.headers.set('Cache-Control', `public, max-age=${staleIfError}`)
      await Promise.all([cache.put(key, response), cache.put(staleCacheKey(key), stale)])
    },
    async delete(key, options = {}) {
      const [fresh, stale] = await Promise.all([
        cache.delete(key),
        options.keepStale ? Promise.resolve(false) : cache.delete(staleCacheKey(key)),
      ])
      return fresh || stale
    },
  }
}

/** A strong ETag from the body's bytes, so identical renders revalidate with 304. */
export async function computeEtag(body: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', body)
  return `"${toHex(new Uint8Array(digest)).slice(0, 32)}"`
}

/** True when the request's If-None-Match names this ETag (or `*`). */
export function matchesEtag(request: Request, etag: string | null): boolean {
  const header = request.headers.get('if-none-match')
  if (!header || !etag) return false
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag)
}

/** The cached response without its body: a 304 for revalidation, or the answer to a HEAD. */
export function notModified(response: Response, status = 304): Response {
  const headers = new Headers(response.headers)
  if (status === 304) {
    headers.delete('content-length')
    headers.delete('content-type')
  }
  return new Response(null, { status, headers })
}
