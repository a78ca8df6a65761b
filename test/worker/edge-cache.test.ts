// The edge cache: hits cost no database round trip, keys ignore tracking, stale copies cover outages.

import { describe, expect, it } from 'vitest'
import { readCacheQuery } from '../../src/edge/cache-key'
import { cachePolicyFor } from '../../src/edge/cache-policy'
import { cachedApp, DEAD_DB } from './edge-cache-fixtures'
import { insertArticle, uniqueSuffix } from './fixtures'
import { meteredDb, ORIGIN } from './helpers'

describe('edge cache', () => {
  it('renders a MISS once, then serves a HIT with no database round trip', async () => {
    const { fetchPage } = await cachedApp()
    const article = await insertArticle()
    const first = await fetchPage(`/news/${article.slug}`)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const body = await first.text()
    const db = meteredDb()
    const second = await fetchPage(`/news/${article.slug}`, undefined, db.env)
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(await second.text()).toBe(body)
    expect(await db.roundTrips()).toBe(0)
  })

  it('sends the route policy, purge tags and an ETag, and answers If-None-Match with 304', async () => {
    const { fetchPage } = await cachedApp()
    const article = await insertArticle()
    const first = await fetchPage(`/news/${article.slug}`)
    expect(first.headers.get('cache-control')).toMatch(
      /^public, max-age=60, s-maxage=3600, stale-while-revalidate=60, stale-if-error=86400$/,
    )
    expect(first.headers.get('cache-tag')?.split(',')).toEqual(
      expect.arrayContaining(['articles', `article:${article.id}`]),
    )
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const revalidated = await fetchPage(`/news/${article.slug}`, {
      headers: { 'If-None-Match': etag ?? '' },
    })
    expect(revalidated.status).toBe(304)
    expect(await revalidated.text()).toBe('')
  })

  it('stores a copy that lasts its s-maxage alone, and serves hits with the whole policy', async () => {
    const { cache, fetchPage } = await cachedApp()
    const article = await insertArticle()
    const path = `/search?q=${article.slug}`
    const first = await fetchPage(path)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const policy = first.headers.get('cache-control')
    expect(policy).toBe(
      'public, max-age=60, s-maxage=120, stale-while-revalidate=60, stale-if-error=86400',
    )
    // Miniflare's Cache API keeps an entry through its stale directives: a day, for a page meant
    // to last two minutes. A search result is not purged, so it is kept no longer than it is fresh.
    const stored = await cache.match(new URL(path, ORIGIN).href)
    expect(stored?.fresh).toBe(true)
    expect(stored?.response.headers.get('cache-control')).toBe('public, max-age=120, s-maxage=120')
    expect(
      [...(stored?.response.headers.keys() ?? [])].filter((name) => name.startsWith('x-bulletin')),
    ).toEqual([])
    await stored?.response.body?.cancel()
    const hit = await fetchPage(path)
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(hit.headers.get('cache-control')).toBe(policy)
    const revalidated = await fetchPage(path, {
      headers: { 'If-None-Match': first.headers.get('etag') ?? '' },
    })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('cache-control')).toBe(policy)
  })

  it('ignores tracking parameters and parameter order in the cache key', async () => {
    const { fetchPage } = await cachedApp()
    expect((await fetchPage('/category/economy?page=2')).headers.get('x-cache')).toBe('MISS')
    const tracked = await fetchPage('/category/economy?utm_source=x&page=2&fbclid=y&gclid=z')
    expect(tracked.headers.get('x-cache')).toBe('HIT')
    const url = new URL('http://a.test/search?utm_medium=m&page=2&q=b&page=3')
    const search = cachePolicyFor(url.pathname)?.params ?? {}
    expect(readCacheQuery((name) => url.searchParams.get(name) ?? undefined, search)).toEqual({
      search: '?page=2&q=b',
      refused: false,
      purged: false,
    })
  })

  it('never caches health checks, posts or routes outside the policy table', async () => {
    const { fetchPage } = await cachedApp()
    for (let i = 0; i < 2; i++) {
      const health = await fetchPage('/healthz')
      expect(health.headers.get('x-cache')).toBeNull()
      expect(health.headers.get('cache-control')).toBe('no-store')
    }
  })

  it('serves a stale copy when the database is down, and 503 with Retry-After when it has none', async () => {
    const { fetchPage, passTime } = await cachedApp()
    const article = await insertArticle()
    await fetchPage(`/news/${article.slug}`)
    // An hour and a minute on, the copy is no longer fresh: only a failed render may use it.
    passTime(61 * 60)
    const stale = await fetchPage(`/news/${article.slug}`, {}, DEAD_DB)
    expect(stale.status).toBe(200)
    expect(stale.headers.get('x-cache')).toBe('STALE')
    expect(stale.headers.get('cache-control')).toBe('public, max-age=30')
    expect(await stale.text()).toContain(article.title)
    // A render that works replaces it; a day past its freshness it is gone.
    const fresh = await fetchPage(`/news/${article.slug}`)
    expect(fresh.headers.get('x-cache')).toBe('MISS')
    expect((await fetchPage(`/news/${article.slug}`)).headers.get('x-cache')).toBe('HIT')
    passTime(60 * 60 + 24 * 60 * 60 + 1)
    expect((await fetchPage(`/news/${article.slug}`, {}, DEAD_DB)).status).toBe(503)

    const never = await fetchPage(`/news/never-cached-${uniqueSuffix()}`, {}, DEAD_DB)
    expect(never.status).toBe(503)
    expect(never.headers.get('retry-after')).toBe('30')
    expect(never.headers.get('cache-control')).toBe('no-store')
  })

  it('caches a 404 briefly and without a stale copy', async () => {
    const { fetchPage } = await cachedApp()
    const missing = await fetchPage(`/news/missing-${uniqueSuffix()}`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toContain('s-maxage=60')
  })
})
