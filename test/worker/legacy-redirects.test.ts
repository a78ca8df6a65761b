// Old URLs of an imported site: permalinks, /?p=123, categories, tags and feeds answer 301 to the new page.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { upsertLegacyPathsQuery } from '../../src/db/queries/legacy-paths'
import { createPageCache } from '../../src/edge/page-cache'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { meteredDb, ORIGIN, request } from './helpers'

async function addPaths(
  rows: { path: string; targetKind: 'article' | 'path'; targetId?: number; targetPath?: string }[],
) {
  const db = testDb()
  await db.batch([
    upsertLegacyPathsQuery(
      db,
      rows.map((row) => ({
        path: row.path,
        targetKind: row.targetKind,
        targetId: row.targetId ?? null,
        targetPath: row.targetPath ?? null,
        source: 'wordpress:test',
      })),
    ),
  ])
}

describe('old URLs of an imported site', () => {
  it('answers an old WordPress permalink with a 301 to the article, trailing slash or not', async () => {
    const article = await insertArticle()
    const old = `/2025/03/02/old-${uniqueSuffix()}`
    await addPaths([{ path: old, targetKind: 'article', targetId: article.id }])
    for (const path of [`${old}/`, old]) {
      const response = await request(path)
      expect(response.status).toBe(301)
      expect(response.headers.get('location')).toBe(`/news/${article.slug}`)
      expect(response.headers.get('cache-control')).toMatch(/public/)
    }
  })

  it('answers /?p=123 with a 301, while the home page itself stays the home page', async () => {
    const article = await insertArticle()
    const id = Math.floor(Math.random() * 1e9)
    await addPaths([{ path: `/?p=${id}`, targetKind: 'article', targetId: article.id }])
    const moved = await request(`/?p=${id}`)
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe(`/news/${article.slug}`)
    expect((await request('/')).status).toBe(200)
  })

  it('sends an old feed address to the feed, and leaves unknown paths a 404', async () => {
    const feed = await request('/feed/')
    expect(feed.status).toBe(301)
    expect(feed.headers.get('location')).toBe('/feed.xml')
    expect((await request(`/2025/01/01/never-${uniqueSuffix()}/`)).status).toBe(404)
  })

  it('never reveals an unpublished article through its old address', async () => {
    const draft = await insertArticle({ status: 'draft', publishedAt: null })
    const old = `/draft-${uniqueSuffix()}`
    await addPaths([{ path: old, targetKind: 'article', targetId: draft.id }])
    expect((await request(`${old}/`)).status).toBe(404)
  })

  it('adds nothing to a page a route answers: an article page stays one round trip', async () => {
    const article = await insertArticle()
    const metered = meteredDb()
    await metered.request(`/news/${article.slug}`)
    const direct = await metered.roundTrips()
    expect(direct).toBe(1)
  })

  it('serves a repeated old permalink from the edge cache without the database', async () => {
    const article = await insertArticle()
    const old = `/old-cached-${uniqueSuffix()}`
    await addPaths([{ path: old, targetKind: 'article', targetId: article.id }])
    const cache = createPageCache(await caches.open(`legacy-${uniqueSuffix()}`))
    const app = createApp({ openCache: async () => cache })
    const metered = meteredDb()
    const send = async () => {
      const ctx = createExecutionContext()
      const response = await app.fetch(new Request(new URL(`${old}/`, ORIGIN)), metered.env, ctx)
      await waitOnExecutionContext(ctx)
      return response
    }
    expect((await send()).status).toBe(301)
    const first = await metered.roundTrips()
    const again = await send()
    expect(again.status).toBe(301)
    expect(again.headers.get('location')).toBe(`/news/${article.slug}`)
    expect(await metered.roundTrips()).toBe(first)
  })
})
