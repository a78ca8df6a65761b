// The view beacon and trending: counted views, refused beacons, and the "What's hot" marker they drive.

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { and, eq, inArray } from 'drizzle-orm'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createApp } from '../../src/app'
import { articleViews, trendingArticles } from '../../src/db/schema'
import { createPageCache } from '../../src/edge/page-cache'
import { computeTrending } from '../../src/jobs/trending'
import { utcDay } from '../../src/lib/time'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, NO_CACHE, ORIGIN, request } from './helpers'
import { runCron } from './scheduled'

/** A beacon as a browser sends it from our own page: POST, same origin, no body, no cookie. */
function beacon(id: number | string, headers: Record<string, string> = {}, send = request) {
  return send(`/beacon/view/${id}`, {
    method: 'POST',
    headers: { Origin: ORIGIN, 'CF-Connecting-IP': '198.51.100.7', ...headers },
  })
}

async function viewsToday(articleId: number) {
  const [row] = await testDb()
    .select({ count: articleViews.count })
    .from(articleViews)
    .where(and(eq(articleViews.articleId, articleId), eq(articleViews.day, utcDay(new Date()))))
  return row?.count ?? 0
}

describe('POST /beacon/view/:id', () => {
  it('counts a view with 204 in one round trip, and sets no cookie', async () => {
    const article = await insertArticle()
    const db = meteredDb()
    const response = await beacon(article.id, {}, db.request)
    expect(response.status).toBe(204)
    expect(await db.roundTrips()).toBe(1)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.text()).toBe('')
    expect(await viewsToday(article.id)).toBe(1)
  })

  it('counts one view per reader and article in 30 minutes, and another reader separately', async () => {
    const article = await insertArticle()
    expect((await beacon(article.id)).status).toBe(204)
    expect((await beacon(article.id)).status).toBe(204)
    expect(await viewsToday(article.id)).toBe(1)
    expect((await beacon(article.id, { 'CF-Connecting-IP': '203.0.113.9' })).status).toBe(204)
    expect(await viewsToday(article.id)).toBe(2)
  })

  it('answers 404 for an unknown or unpublished article and 400 for a malformed id', async () => {
    const draft = await insertArticle({ status: 'draft', publishedAt: null })
    expect((await beacon(draft.id)).status).toBe(404)
    expect(await viewsToday(draft.id)).toBe(0)
    expect((await beacon(99_999_999)).status).toBe(404)
    for (const id of ['abc', '0', '-3', '1.5', '1e3', '9999999999999999']) {
      expect((await beacon(id)).status).toBe(400)
    }
  })

  it('accepts what sendBeacon sends, and refuses a beacon from another site', async () => {
    const article = await insertArticle()
    const plain = { 'Content-Type': 'text/plain;charset=UTF-8' }
    expect((await beacon(article.id, plain)).status).toBe(204)
    const fetchMetadataOnly = await request(`/beacon/view/${article.id}`, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'same-origin', 'CF-Connecting-IP': '192.0.2.1' },
    })
    expect(fetchMetadataOnly.status).toBe(204)
    const crossSite = await beacon(article.id, {
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
      'CF-Connecting-IP': '192.0.2.2',
    })
    expect(crossSite.status).toBe(403)
    expect(await viewsToday(article.id)).toBe(2)
  })
})

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
