// The Workers Cache API as Bulletin uses it: one entry per key, fresh for a while, then kept for errors.
import { toHex } from '../lib/encoding'

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

/** How long a stored page answers as fresh, and how much longer it is kept for when renders fail. */
export interface PageLifetime {
  /** Seconds: the policy's s-maxage (or a 404's). */
  fresh: number
  /** Seconds past `fresh` the copy stands in for a render that failed; 0 keeps none. */
  staleIfError: number
}

/** A stored page as found: its own Response (headers the caller may change) and its state. */
export interface StoredCopy {
  response: Response
  /** False past its fresh lifetime: then it may only stand in for a failed render. */
  fresh: boolean
}

export interface PageCache {
  /** The copy stored under `key`, fresh or kept for stale-if-error; undefined once neither. */
  match(key: string): Promise<StoredCopy | undefined>
  /**
   * Stores the page as one entry, kept for its fresh lifetime plus its stale-if-error time. One
   * entry rather than a fresh and a stale copy: each Cache API write is a subrequest, and the second
   * was 8% of an uncached article's CPU in workerd at 1 connection, 18% at 50.
   */
  put(key: string, page: StoredPage, lifetime: PageLifetime): Promise<void>
  /** Deletes the copy, so a purge leaves nothing stale either. Returns whether one existed. */
  delete(key: string): Promise<boolean>
}

/** Marks a stored 204: the Cache API in workerd silently keeps no 204, so one is kept as a 200. */
const STORED_NO_CONTENT = 'x-bulletin-no-content'
/** When a stored copy stops being fresh, and when it stops standing in for errors (epoch ms). */
const FRESH_UNTIL = 'x-bulletin-fresh-until'
const STALE_UNTIL = 'x-bulletin-stale-until'
const STORED_ONLY = [STORED_NO_CONTENT, FRESH_UNTIL, STALE_UNTIL]

function toStorable(page: StoredPage): Response {
  if (page.status !== 204) return responseOf(page)
  const stored = new Response(null, { status: 200, headers: page.headers })
  stored.headers.set(STORED_NO_CONTENT, '1')
  return stored
}

/**
 * The Cache API keeps the entry for its whole retention and the Worker judges freshness by the time
 * stored beside it: the Cache API ignores stale-while-revalidate and stale-if-error (and
 * Miniflare's, like http-cache-semantics, kept an entry through them: a search page cached for two
 * minutes was served as fresh a day later). The middleware puts the policy's header back on a hit.
 */
function stamp(response: Response, lifetime: PageLifetime, now: number) {
  const retained = lifetime.fresh + lifetime.staleIfError
  response.headers.set('Cache-Control', `public, max-age=${retained}, s-maxage=${retained}`)
  response.headers.set(FRESH_UNTIL, String(now + lifetime.fresh * 1000))
  if (lifetime.staleIfError > 0) response.headers.set(STALE_UNTIL, String(now + retained * 1000))
}

/** The copy's state at `now`; copies stored before these stamps existed lived their fresh time only. */
function stateOf(headers: Headers, now: number): 'fresh' | 'stale' | 'gone' {
  const freshUntil = headers.get(FRESH_UNTIL)
  if (freshUntil === null || now < Number(freshUntil)) return 'fresh'
  return now < Number(headers.get(STALE_UNTIL)) ? 'stale' : 'gone'
}

/** The copy to serve: a Response of its own, without the stamps. */
function fromStored(stored: Response): Response {
  const response = stored.headers.has(STORED_NO_CONTENT)
    ? new Response(null, { status: 204, headers: stored.headers })
    : new Response(stored.body, stored)
  for (const name of STORED_ONLY) response.headers.delete(name)
  return response
}

/**
 * Wraps a Cache (caches.default in the Worker, caches.open(...) in tests); `now` is the clock
 * freshness is judged by, which tests move on to see a copy go stale.
 */
export function createPageCache(cache: Cache, now: () => number = Date.now): PageCache {
  return {
    async match(key) {
      const stored = await cache.match(key)
      if (!stored) return undefined
      const state = stateOf(stored.headers, now())
      if (state === 'gone') return void (await stored.body?.cancel())
      if (stored.headers.has(STORED_NO_CONTENT)) await stored.body?.cancel()
      return { response: fromStored(stored), fresh: state === 'fresh' }
    },
    async put(key, page, lifetime) {
      const response = toStorable(page)
      stamp(response, lifetime, now())
      await cache.put(key, response)
    },
    delete: (key) => cache.delete(key),
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
