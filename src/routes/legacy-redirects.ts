// Old URLs of imported sites (WordPress, Ghost): on a request no route answered, a 301 to the new page.
import type { Context, MiddlewareHandler, NotFoundHandler } from 'hono'
import { findLegacyTarget, type LegacyTarget } from '../db/queries/legacy-paths'
import { cacheKeyFor } from '../edge/cache-key'
import type { AppEnv } from '../env'
import { requestUrl } from '../lib/request-url'
import type { OpenPageCache } from '../middleware/edge-cache'

/** WordPress's query-string addresses, which land on `/` and so never reach notFound. */
const QUERY_KEYS = ['p', 'page_id', 'cat', 'tag', 'author', 'feed'] as const
/** `…/feed/`, `…/feed/rss2/`, `…/feed/atom/`: a feed of whatever the path before it was. */
const FEED_SUFFIX = /\/feed(?:\/(?:rss2?|atom|rdf))?$/
/** A redirect changes only when an import runs again; a day at the edge, an hour in browsers. */
const EDGE_MAX_AGE = 86400
const CACHE_CONTROL = `public, max-age=3600, s-maxage=${EDGE_MAX_AGE}`

/** The stored paths a request may be, most specific first, and whether it asked for a feed. */
export function legacyCandidates(url: URL): { paths: string[]; feed: boolean } {
  const trimmed = url.pathname.replace(/\/+$/, '') || '/'
  if (trimmed === '/') {
    if (url.searchParams.has('feed')) return { paths: [], feed: true }
    const key = QUERY_KEYS.find((name) => url.searchParams.has(name))
    return { paths: key ? [`/?${key}=${url.searchParams.get(key)}`] : [], feed: false }
  }
  const feed = FEED_SUFFIX.test(trimmed)
  const base = feed ? trimmed.replace(FEED_SUFFIX, '') || '/' : trimmed
  return { paths: base === '/' ? [] : [base], feed }
}

/** Where a target lives now; null when it is gone or not public. */
export function targetLocation(target: LegacyTarget, feed: boolean): string | null {
  if (target.kind === 'path') return target.targetPath
  if (!target.slug) return null
  const slug = encodeURIComponent(target.slug)
  const page: Record<string, string> = {
    article: `/news/${slug}`,
    page: `/${slug}`,
    author: `/author/${slug}`,
    tag: `/tag/${slug}`,
    section: `/category/${slug}`,
  }
  const location = page[target.kind] ?? null
  return feed && location && target.kind !== 'article' && target.kind !== 'page'
    ? `${location}/feed.xml`
    : location
}

function movedTo(location: string): Response {
  return new Response(null, {
    status: 301,
    headers: { Location: location, 'Cache-Control': CACHE_CONTROL },
  })
}

/** Looks the request up, through the edge cache: a redirect costs one query per data centre. */
async function answerLegacy(
  c: Context<AppEnv>,
  openCache: OpenPageCache,
): Promise<Response | null> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return null
  const url = requestUrl(c.req.raw)
  const { paths, feed } = legacyCandidates(url)
  if (paths.length === 0) return feed ? movedTo('/feed.xml') : null
  const cache = await openCache()
  const origin = c.var.config.site.url ?? url.origin
  // Under a prefix of its own: `/tag/x/` trims to `/tag/x`, whose key holds the live tag page.
  const key = cacheKeyFor(origin, `/__legacy${paths[0]}${feed ? '/feed' : ''}`, '')
  const hit = (await cache?.match(key))?.response
  if (hit?.status === 301) {
    // The stored copy names the cache's own lifetime; browsers get the redirect's.
    hit.headers.set('Cache-Control', CACHE_CONTROL)
    return hit
  }
  await hit?.body?.cancel()
  const target = await findLegacyTarget(c.var.db, paths)
  const location = target && targetLocation(target, feed)
  if (!location) return null
  const response = movedTo(location)
  if (cache)
    c.executionCtx.waitUntil(
      cache.put(
        key,
        { body: null, status: 301, headers: [...response.headers] },
        { fresh: EDGE_MAX_AGE, staleIfError: 0 },
      ),
    )
  return response
}

/** For app.notFound: old paths redirect, anything else gets the usual 404. */
export function withLegacyRedirects(
  openCache: OpenPageCache,
  fallback: NotFoundHandler<AppEnv>,
): NotFoundHandler<AppEnv> {
  return async (c) => (await answerLegacy(c, openCache)) ?? fallback(c)
}

/**
 * For `/` only, before the edge cache: `/?p=123` is answered by the home route, whose cache key
 * drops the query. A request without those parameters goes straight on.
 */
export function legacyQueryRedirects(openCache: OpenPageCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const search = requestUrl(c.req.raw).searchParams
    if (!QUERY_KEYS.some((name) => search.has(name))) return next()
    const answer = await answerLegacy(c, openCache)
    if (answer) return answer
    return next()
  }
}
