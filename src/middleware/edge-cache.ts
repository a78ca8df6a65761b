// Edge caching for public GETs: serve hits with no database call, store misses, fall back to stale.
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { cacheKeyFor, readCacheQuery } from '../edge/cache-key'
import {
  type CachePolicy,
  cacheControlHeader,
  cachePolicyFor,
  carriesSessionToken,
  isPlainRequest,
  NOT_FOUND_EDGE_MAX_AGE,
} from '../edge/cache-policy'
import {
  computeEtag,
  createPageCache,
  matchesEtag,
  notModified,
  type PageCache,
  responseOf,
  type StoredPage,
  X_CACHE,
} from '../edge/page-cache'
import type { AppEnv } from '../env'
import { requestUrl } from '../lib/request-url'
import { sessionCookieFor } from '../services/sessions'

/** How the middleware reaches the cache; tests and runtimes without caches.default pass their own. */
export type OpenPageCache = () => Promise<PageCache | undefined>

export const openDefaultPageCache: OpenPageCache = async () =>
  typeof caches === 'undefined' ? undefined : createPageCache(caches.default)

/**
 * Hono copies the old response's headers onto one assigned to c.res; a cached or stale copy must
 * replace the render whole, so the old response is cleared first.
 */
function replaceResponse(c: Context<AppEnv>, response: Response) {
  c.res = undefined as unknown as Response
  c.res = response
}

/**
 * Gives the route the canonical query and nothing else, so what it renders is a function of the
 * key: a parameter the key drops, or a second value, cannot change the page stored under it.
 */
function exposeOnly(c: Context<AppEnv>, search: string) {
  const current = requestUrl(c.req.raw)
  if (current.search === search && current.hash === '') return
  const url = new URL(current)
  url.search = search
  url.hash = ''
  c.req.raw = new Request(url, c.req.raw)
}

/** Answers every representation shares: a page, or an empty 204 (a poll with nothing new). */
function isSharedSuccess(status: number): boolean {
  return status === 200 || status === 204
}

/** A 204 may carry no body, not even an empty one, or the Response constructor throws. */
function bodyFor(status: number, body: ArrayBuffer): ArrayBuffer | null {
  return status === 204 ? null : body
}

function withHeader(response: Response, name: string, value: string): Response {
  const copy = new Response(response.body, response)
  copy.headers.set(name, value)
  return copy
}

/** How long the edge keeps an answer with this status: a 404 briefly. */
function edgeMaxAgeFor(policy: CachePolicy, status: number): number {
  return status === 404 ? NOT_FOUND_EDGE_MAX_AGE : policy.edgeMaxAge
}

/** The policy's Cache-Control for an answer with this status. */
function cacheControlFor(policy: CachePolicy, status: number): string {
  return cacheControlHeader(policy, edgeMaxAgeFor(policy, status))
}

/** Finalises a fresh render for caching: policy headers, tags and an ETag over the body. */
async function prepare(response: Response, policy: CachePolicy, tags: string[]) {
  const body = await response.arrayBuffer()
  const headers = new Headers(response.headers)
  headers.set('Cache-Control', cacheControlFor(policy, response.status))
  headers.set('Cache-Tag', [...new Set([...policy.tags, ...tags])].join(','))
  headers.set('ETag', await computeEtag(body))
  return { body: bodyFor(response.status, body), status: response.status, headers: [...headers] }
}

export const withEdgeCache = (openCache: OpenPageCache) => {
  // Renders in flight per key, for policies that coalesce (one app per isolate): readers polling a
  // just-purged fragment wait for one render instead of each sending the database its own.
  const inFlight = new Map<string, Promise<StoredPage | null>>()
  return createMiddleware<AppEnv>(async (c, next) => {
    const { method } = c.req
    const policy = method === 'GET' || method === 'HEAD' ? cachePolicyFor(c.req.path) : undefined
    if (!policy) return next()
    const query = readCacheQuery((name) => c.req.query(name), policy.params)
    exposeOnly(c, query.search)
    const { raw } = c.req
    // A refused value is answered from the request alone, so rendering it costs no database trip;
    // someone signed in may see personal things, so they never get, or leave, a shared copy: not
    // here, and not in Workers Cache or a proxy, which go by Cache-Control alone.
    if (query.refused || carriesSessionToken(raw.headers, sessionCookieFor(requestUrl(raw)).name)) {
      await next()
      c.res = withHeader(withHeader(c.res, X_CACHE, 'BYPASS'), 'Cache-Control', 'private, no-store')
      return
    }
    const cache = await openCache()
    // SITE_URL fixes the key's origin, so purges from cron (which has no request) find the copy.
    const url = requestUrl(raw)
    const origin = c.var.config.site.url ?? url.origin
    // The URL's own path: routes see an edition's pages unprefixed (middleware/edition.ts).
    const key = cacheKeyFor(origin, url.pathname, query.search)
    const plain = isPlainRequest(raw.headers)
    const stored = await cache?.match(key)
    const hit = stored?.fresh ? stored.response : undefined
    if (hit && (plain || isSharedSuccess(hit.status))) {
      const bodyless = matchesEtag(raw, hit.headers.get('etag')) || method === 'HEAD'
      const served = bodyless ? notModified(hit, method === 'HEAD' ? hit.status : 304) : hit
      served.headers.set(X_CACHE, 'HIT')
      // The stored copy names only how long the cache keeps it (page-cache.ts); readers, and the
      // tiers in front of the Worker, get the policy's whole header, as with a fresh render.
      served.headers.set('Cache-Control', cacheControlFor(policy, hit.status))
      replaceResponse(c, served)
      return
    }
    await hit?.body?.cancel()
    // Past its fresh lifetime, the copy stands in only if this render fails.
    let stale = stored?.fresh === false ? stored.response : undefined
    const coalesce = policy.coalesce === true && method === 'GET'
    const pending = coalesce ? inFlight.get(key) : undefined
    const shared = pending ? await pending : null
    if (shared) {
      await stale?.body?.cancel()
      const copy = responseOf(shared)
      const answer = matchesEtag(raw, copy.headers.get('etag')) ? notModified(copy) : copy
      replaceResponse(c, withHeader(answer, X_CACHE, 'HIT'))
      return
    }
    let settle: ((render: StoredPage | null) => void) | undefined
    if (coalesce && !pending) inFlight.set(key, new Promise((resolve) => (settle = resolve)))
    try {
      c.set('cacheTags', [])
      await next()
      const { res } = c
      if (res.status >= 500) {
        if (stale) {
          stale.headers.set(X_CACHE, 'STALE')
          stale.headers.set('Cache-Control', 'public, max-age=30')
          replaceResponse(c, stale)
          stale = undefined
        }
        return
      }
      // HEAD renders have no body, so only a GET may fill the cache; an error only in the
      // representation every plain request gets.
      const cacheable =
        method === 'GET' &&
        (isSharedSuccess(res.status) || (res.status === 404 && plain)) &&
        !res.headers.has('set-cookie')
      if (!cacheable) return
      const render = await prepare(res, policy, c.get('cacheTags') ?? [])
      if (settle && isSharedSuccess(render.status)) settle(render)
      // Kept for errors long past its fresh lifetime, so only where a purge can reach it.
      const staleIfError = res.status === 200 && query.purged ? policy.staleIfError : 0
      const lifetime = { fresh: edgeMaxAgeFor(policy, res.status), staleIfError }
      if (cache) c.executionCtx.waitUntil(cache.put(key, render, lifetime))
      // Each copy has its own bytes and headers, so the marker reaches this answer only.
      const prepared = responseOf(render)
      const response = matchesEtag(raw, prepared.headers.get('etag'))
        ? notModified(prepared)
        : prepared
      response.headers.set(X_CACHE, 'MISS')
      replaceResponse(c, response)
    } finally {
      await stale?.body?.cancel()
      // Waiters render for themselves when this render had nothing they may share.
      if (settle) {
        inFlight.delete(key)
        settle(null)
      }
    }
  })
}

/** Adds purge tags for what this response shows, such as `article:42` or `category:economy`. */
export function addCacheTags(
  c: { get(key: 'cacheTags'): string[] | undefined },
  ...tags: string[]
) {
  c.get('cacheTags')?.push(...tags)
}
