// The view beacon and trending: signed page tokens, counted views, refused beacons, and "What's hot".

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { and, eq, inArray, sum } from 'drizzle-orm'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createApp } from '../../src/app'
import { PENDING_VIEWS } from '../../src/db/queries/views'
import { articleViews, rateLimits, trendingArticles } from '../../src/db/schema'
import { createPageCache } from '../../src/edge/page-cache'
import { computeTrending } from '../../src/jobs/trending'
import { utcDay } from '../../src/lib/time'
import { signViewToken, viewTokenLifetimeSeconds } from '../../src/services/view-token'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, NO_CACHE, ORIGIN, request } from './helpers'
import { runCron } from './scheduled'

/** A beacon as site.js sends it from our own page: POST, same origin, no body, no cookie. */
function beacon(
  id: number | string,
  token: string | undefined,
  headers: Record<string, string> = {},
  send = request,
) {
  const query = token === undefined ? '' : `?t=${encodeURIComponent(token)}`
  return send(`/beacon/view/${id}${query}`, {
    method: 'POST',
    headers: { Origin: ORIGIN, 'CF-Connecting-IP': '198.51.100.7', ...headers },
  })
}

/** The token an article page carries for its beacon. */
async function pageToken(slug: string): Promise<string> {
  const page = await html(await request(`/news/${slug}`))
  const token = page.querySelector('article[data-article-id]')?.getAttribute('data-view-token')
  if (!token) throw new Error(`no view token on /news/${slug}`)
  return token
}

/**
 * Views the beacon counted: waiting for the trending job, or already admitted by it. Other test
 * files run that job too, so a view may have moved from one to the other at any time.
 */
async function countedViews(articleId: number) {
  const db = testDb()
  const [pending] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(eq(rateLimits.key, `${PENDING_VIEWS}${articleId}`))
  const [admitted] = await db
    .select({ count: sum(articleViews.count).mapWith(Number) })
    .from(articleViews)
    .where(eq(articleViews.articleId, articleId))
  return (pending?.count ?? 0) + (admitted?.count ?? 0)
}

const SECOND = 1000

describe('POST /beacon/view/:id', () => {
  it("counts a view carrying its page's token with 204 in one round trip, and sets no cookie", async () => {
    const article = await insertArticle()
    const token = await pageToken(article.slug)
    const db = meteredDb()
    const response = await beacon(article.id, token, {}, db.request)
    expect(response.status).toBe(204)
    expect(await db.roundTrips()).toBe(1)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.text()).toBe('')
    expect(await countedViews(article.id)).toBe(1)
  })

  it('counts one view per reader and article in 30 minutes, and another reader separately', async () => {
    const article = await insertArticle()
    const token = await pageToken(article.slug)
    expect((await beacon(article.id, token)).status).toBe(204)
    expect((await beacon(article.id, token)).status).toBe(204)
    expect(await countedViews(article.id)).toBe(1)
    const other = { 'CF-Connecting-IP': '203.0.113.9' }
    expect((await beacon(article.id, token, other)).status).toBe(204)
    expect(await countedViews(article.id)).toBe(2)
  })

  it("ignores, with 204 and no database call, a beacon without a token or with a forged, tampered, expired, future or another article's token", async () => {
    const [article, other] = [await insertArticle(), await insertArticle()]
    const salt = env.IP_HASH_SALT as string
    const now = Date.now()
    const real = await pageToken(article.slug)
    const [issuedAt, mac] = real.split('.')
    const lifetime = viewTokenLifetimeSeconds()
    const refused: [string, string | undefined][] = [
      ['none', undefined],
      ['empty', ''],
      ['malformed', 'not-a-token'],
      ['signed with another key', await signViewToken('another-salt', article.id, new Date())],
      ['tampered time', `${Number(issuedAt) + 300}.${mac}`],
      ['expired', await signViewToken(salt, article.id, new Date(now - (lifetime + 1) * SECOND))],
      ['from the future', await signViewToken(salt, article.id, new Date(now + 10 * 60 * SECOND))],
      ["another article's", await pageToken(other.slug)],
    ]
    for (const [what, token] of refused) {
      const db = meteredDb()
      const response = await beacon(article.id, token, {}, db.request)
      expect(response.status, what).toBe(204)
      expect(await db.roundTrips(), what).toBe(0)
    }
    expect(await countedViews(article.id)).toBe(0)
    expect((await beacon(article.id, real)).status).toBe(204)
    expect(await countedViews(article.id)).toBe(1)
  })

  it('accepts a token as old as the article page may be when a reader loads it from a cache', async () => {
    const article = await insertArticle()
    const response = await request(`/news/${article.slug}`)
    // Each shared tier may hold the page for s-maxage and serve it stale while revalidating, and
    // the browser for max-age plus the same; the page carries its own lifetimes.
    const header = response.headers.get('cache-control') ?? ''
    const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(header)?.[1])
    const revalidate = seconds('stale-while-revalidate')
    const oldest = 2 * (seconds('s-maxage') + revalidate) + seconds('max-age') + revalidate
    expect(oldest).toBeGreaterThan(3600)
    const salt = env.IP_HASH_SALT as string
    // Rendered that long ago (less a second, for the time the test itself takes).
    const renderedAt = new Date(Date.now() - (oldest - 1) * SECOND)
    const old = await signViewToken(salt, article.id, renderedAt)
    expect((await beacon(article.id, old)).status).toBe(204)
    expect(await countedViews(article.id)).toBe(1)
  })

  it('answers 404 for a signed but unpublished article, and 400 for a malformed id', async () => {
    const salt = env.IP_HASH_SALT as string
    const draft = await insertArticle({ status: 'draft', publishedAt: null })
    const signed = (id: number) => signViewToken(salt, id, new Date())
    expect((await beacon(draft.id, await signed(draft.id))).status).toBe(404)
    expect(await countedViews(draft.id)).toBe(0)
    expect((await beacon(99_999_999, await signed(99_999_999))).status).toBe(404)
    for (const id of ['abc', '0', '-3', '1.5', '1e3', '9999999999999999']) {
      expect((await beacon(id, 'x')).status).toBe(400)
    }
  })

  it('accepts what sendBeacon sends, and refuses a beacon from another site', async () => {
    const article = await insertArticle()
    const token = await pageToken(article.slug)
    const plain = { 'Content-Type': 'text/plain;charset=UTF-8' }
    expect((await beacon(article.id, token, plain)).status).toBe(204)
    const fetchMetadataOnly = await request(`/beacon/view/${article.id}?t=${token}`, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'same-origin', 'CF-Connecting-IP': '192.0.2.1' },
    })
    expect(fetchMetadataOnly.status).toBe(204)
    const crossSite = await beacon(article.id, token, {
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
      'CF-Connecting-IP': '192.0.2.2',
    })
    expect(crossSite.status).toBe(403)
    expect(await countedViews(article.id)).toBe(2)
  })

  it("moves counted views into the article's day bucket when the trending job runs", async () => {
    const article = await insertArticle()
    const token = await pageToken(article.slug)
    for (const ip of ['192.0.2.10', '192.0.2.11', '192.0.2.12']) {
      await beacon(article.id, token, { 'CF-Connecting-IP': ip })
    }
    const [outcome] = await runCron({ jobs: [computeTrending] })
    expect(outcome?.status).toBe('ok')
    expect(await viewsToday(article.id)).toBe(3)
    expect(await countedViews(article.id)).toBe(3)
  })
})

async function viewsToday(articleId: number) {
  const [row] = await testDb()
    .select({ count: articleViews.count })
    .from(articleViews)
    .where(and(eq(articleViews.articleId, articleId), eq(articleViews.day, utcDay(new Date()))))
  return row?.count ?? 0
}

describe('trending', () => {
  it('ranks the most viewed published story first and marks it hot, purging its page', async () => {
    const hot = await insertArticle({ title: `Hot story ${uniqueSuffix()}` })
    const draft = await insertArticle({ status: 'draft', publishedAt: null })
    const today = utcDay(new Date())
    // More than the seeded leader's views, so the test does not depend on its numbers.
    await testDb()
      .insert(articleViews)
      .values([
        { articleId: hot.id, day: today, count: 1_000_000 },
        { articleId: draft.id, day: today, count: 5_000_000 },
      ])
    // Other test files share the trending list: leave it as the seed made it.
    onTestFinished(async () => {
      await testDb()
        .delete(articleViews)
        .where(inArray(articleViews.articleId, [hot.id, draft.id]))
      await runCron({ jobs: [computeTrending] })
    })
    const cache = createPageCache(await caches.open(`trending-${uniqueSuffix()}`))
    const app = createApp({ openCache: async () => cache })
    const ctx = createExecutionContext()
    const cold = await app.fetch(new Request(`${ORIGIN}/news/${hot.slug}`), env, ctx)
    await waitOnExecutionContext(ctx)
    expect((await html(cold)).querySelector('.hot-marker')).toBeNull()

    const [outcome] = await runCron({ jobs: [computeTrending], openCache: async () => cache })
    expect(outcome?.status).toBe('ok')
    const ranked = await testDb().select().from(trendingArticles).orderBy(trendingArticles.rank)
    expect(ranked[0]?.articleId).toBe(hot.id)
    expect(ranked.map((row) => row.articleId)).not.toContain(draft.id)
    expect(await cache.match(`${ORIGIN}/news/${hot.slug}`)).toBeUndefined()

    const page = await html(await request(`/news/${hot.slug}`))
    expect(page.querySelector('.hot-marker')?.text).toBe("What's hot")
    const home = await html(
      await createApp(NO_CACHE).fetch(new Request(`${ORIGIN}/`), env, createExecutionContext()),
    )
    expect(home.text).toContain(hot.title)
  })
})
