// The purge service: exact URL sets per change, local deletes, and the zone purge API (mocked).

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { desc, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../src/app'
import { loadPurgeFacts } from '../../src/db/queries/purge'
import { SITEMAP_IDS_PER_FILE, sitemapFileOf } from '../../src/db/queries/sitemaps'
import {
  articles,
  articleTags,
  auditLog,
  comments,
  relatedArticles,
  tags,
} from '../../src/db/schema'
import { createPageCache } from '../../src/edge/page-cache'
import { type Env, readConfig } from '../../src/env'
import { type ContentChange, purgeContent } from '../../src/services/purge'
import { PURGED_LIST_PAGES } from '../../src/services/purge-paths'
import { purgeTargetsFor } from '../../src/services/purge-targets'
import { purgeFunction } from '../../src/services/purge-wiring'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { ORIGIN } from './helpers'

afterEach(() => vi.restoreAllMocks())

async function targetsFor(changes: ContentChange[], ids: number[]) {
  return purgeTargetsFor(changes, await loadPurgeFacts(testDb(), ids))
}

describe('purge targets', () => {
  it('lists every page an article change touches', async () => {
    const suffix = uniqueSuffix()
    const neighbour = await insertArticle()
    const article = await insertArticle({ tagNames: [`Alpha ${suffix}`] })
    await testDb().insert(relatedArticles).values({
      articleId: neighbour.id,
      rank: 1,
      relatedId: article.id,
      score: 1,
      reason: 'test',
      computedAt: new Date(),
    })
    const { paths, tags: purgeTags } = await targetsFor(
      [{ kind: 'article', articleId: article.id }],
      [article.id],
    )
    const [{ slug: tag, id: tagId } = { slug: '', id: 0 }] = await testDb()
      .select({ slug: tags.slug, id: tags.id })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, article.id))
    expect(paths).toEqual(
      expect.arrayContaining([
        `/news/${article.slug}`,
        `/news/${article.slug}?comment=approved`,
        `/fragments/articles/${article.id}/comments`,
        `/news/${article.slug}/comments`,
        `/embed/articles/${article.slug}`,
        `/fragments/embed/articles/${article.slug}`,
        '/',
        '/feed.xml',
        '/atom.xml',
        '/category/international-news',
        '/category/international-news?page=1',
        '/category/international-news/feed.xml',
        `/tag/${tag}`,
        `/tag/${tag}?page=1`,
        `/tag/${tag}/atom.xml`,
        '/sitemap.xml',
        '/sitemaps/news.xml',
        `/sitemaps/articles-${sitemapFileOf(article.id)}.xml`,
        `/sitemaps/tags-${sitemapFileOf(tagId)}.xml`,
        `/news/${neighbour.slug}`,
      ]),
    )
    // Every page of the section's pagination can show a newly published story.
    const sectionPages = paths.filter((path) =>
      path.startsWith('/category/international-news?page='),
    )
    expect(sectionPages.length).toBeGreaterThanOrEqual(2)
    expect(purgeTags).toEqual(
      expect.arrayContaining([
        `article:${article.id}`,
        'category:international-news',
        `tag:${tag}`,
        'home',
      ]),
    )
    expect(paths.some((path) => path.includes('/search'))).toBe(false)
  })

  it('purges the sitemap files that hold the article and its tags, named by their ids', () => {
    const id = 2 * SITEMAP_IDS_PER_FILE + 345
    const article = {
      id,
      slug: 'far-story',
      categorySlug: 'sports',
      tagSlugs: ['a', 'b'],
      tagIds: [7, SITEMAP_IDS_PER_FILE + 1],
      shownOn: [],
      commentCursors: [],
    }
    const { paths } = purgeTargetsFor([{ kind: 'article', articleId: id }], {
      articles: [article],
      sections: [],
    })
    expect(paths.filter((path) => path.startsWith('/sitemap'))).toEqual([
      '/sitemap.xml',
      '/sitemaps/articles-3.xml',
      '/sitemaps/news.xml',
      '/sitemaps/sections.xml',
      '/sitemaps/tags-1.xml',
      '/sitemaps/tags-2.xml',
    ])
  })

  it('purges only the first pages of a section of thousands, however many pages it has', () => {
    const article = {
      id: 42,
      slug: 'big-section-story',
      categorySlug: 'world',
      tagSlugs: ['elections'],
      tagIds: [3],
      shownOn: [],
      commentCursors: [],
    }
    const { paths, tags } = purgeTargetsFor([{ kind: 'article', articleId: 42 }], {
      articles: [article],
      sections: [
        { kind: 'category', slug: 'world', pages: 4_000 },
        { kind: 'tag', slug: 'elections', pages: 2 },
      ],
    })
    const numbered = (prefix: string) => paths.filter((path) => path.startsWith(`${prefix}?page=`))
    expect(numbered('/category/world')).toEqual(
      Array.from({ length: PURGED_LIST_PAGES }, (_, i) => `/category/world?page=${i + 1}`),
    )
    // A small list still loses every page, and the one after its last.
    expect(numbered('/tag/elections')).toEqual([1, 2, 3].map((n) => `/tag/elections?page=${n}`))
    // The deeper pages go at the zone by their tag.
    expect(tags).toEqual(expect.arrayContaining(['category:world', 'tag:elections']))
    expect(paths.length).toBeLessThan(60)
  })

  it('adds the old URLs after a slug change', async () => {
    const article = await insertArticle()
    const change = { kind: 'article' as const, articleId: article.id, previousSlug: 'the-old-slug' }
    const { paths } = await targetsFor([change], [article.id])
    expect(paths).toEqual(
      expect.arrayContaining(['/news/the-old-slug', '/embed/articles/the-old-slug']),
    )
  })

  it('purges only the article and its comment pages when a comment is approved', async () => {
    const article = await insertArticle()
    const rows = Array.from({ length: 45 }, (_, i) => ({
      articleId: article.id,
      authorName: `R${i}`,
      body: 'b',
      status: 'approved' as const,
      ipHash: 'a'.repeat(64),
      idempotencyKey: `purge-${uniqueSuffix()}-${i}`,
      createdAt: new Date(Date.now() - (45 - i) * 1000),
    }))
    const inserted = await testDb().insert(comments).values(rows).returning()
    const { paths } = await targetsFor(
      [{ kind: 'comment-approved', articleId: article.id }],
      [article.id],
    )
    const cursor = (n: number) => {
      const row = inserted[n - 1]
      return encodeURIComponent(`${row?.createdAt.getTime()}.${row?.id}`)
    }
    expect(paths).toEqual(
      [
        `/fragments/articles/${article.id}/comments`,
        `/fragments/articles/${article.id}/comments?cursor=${cursor(20)}`,
        `/fragments/articles/${article.id}/comments?cursor=${cursor(40)}`,
        `/news/${article.slug}`,
        `/news/${article.slug}/comments`,
        `/news/${article.slug}/comments?cursor=${cursor(20)}`,
        `/news/${article.slug}/comments?cursor=${cursor(40)}`,
        `/news/${article.slug}?comment=approved`,
        `/news/${article.slug}?comment=pending`,
      ].sort(),
    )
  })

  it('purges just the pages whose related list was recomputed', async () => {
    const one = await insertArticle()
    const two = await insertArticle()
    const { paths } = await targetsFor(
      [{ kind: 'related-recomputed', articleIds: [one.id, two.id] }],
      [one.id, two.id],
    )
    expect(paths).toEqual(
      [
        `/news/${one.slug}`,
        `/news/${one.slug}?comment=approved`,
        `/news/${one.slug}?comment=pending`,
        `/news/${two.slug}`,
        `/news/${two.slug}?comment=approved`,
        `/news/${two.slug}?comment=pending`,
      ].sort(),
    )
  })

  it('purges a renamed category with all of its articles', async () => {
    const article = await insertArticle({ categorySlug: 'culture' })
    const [culture] = await testDb()
      .select({ categoryId: articles.categoryId })
      .from(articles)
      .where(eq(articles.id, article.id))
    const report = await purgeContent({ db: testDb(), cache: undefined, origin: ORIGIN }, [
      { kind: 'category-renamed', categoryId: culture?.categoryId ?? 0 },
    ])
    expect(report.paths).toEqual(
      expect.arrayContaining(['/category/culture', `/news/${article.slug}`, '/']),
    )
    expect(report.failures).toEqual([])
  })
})

describe('purging', () => {
  it('shows an edited title on the next request after the purge', async () => {
    const cache = createPageCache(await caches.open(`purge-${uniqueSuffix()}`))
    const app = createApp({ openCache: async () => cache })
    const get = async (path: string) => {
      const ctx = createExecutionContext()
      const response = await app.fetch(new Request(new URL(path, ORIGIN)), env, ctx)
      await waitOnExecutionContext(ctx)
      return response
    }
    const article = await insertArticle()
    const path = `/news/${article.slug}`
    expect((await get(path)).headers.get('x-cache')).toBe('MISS')
    expect((await get(path)).headers.get('x-cache')).toBe('HIT')

    const title = `Edited ${uniqueSuffix()}`
    await testDb().update(articles).set({ title }).where(eq(articles.id, article.id))
    const report = await purgeContent({ db: testDb(), cache, origin: ORIGIN }, [
      { kind: 'article', articleId: article.id },
    ])
    expect(report.deleted).toBeGreaterThan(0)
    const after = await get(path)
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(await after.text()).toContain(title)
  })

  it('sends the zone purge API batches of at most 100 URLs with the token', async () => {
    const calls: {
      url: string
      auth: string | null
      body: { files?: string[]; tags?: string[] }
    }[] = []
    const realFetch = globalThis.fetch
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (!url.startsWith('https://api.cloudflare.com/')) return realFetch(input, init)
      const headers = new Headers(init?.headers)
      calls.push({ url, auth: headers.get('authorization'), body: JSON.parse(String(init?.body)) })
      return Response.json({ success: true })
    })
    const [category] = await testDb().select({ id: articles.categoryId }).from(articles).limit(1)
    const report = await purgeContent(
      {
        db: testDb(),
        cache: undefined,
        origin: 'https://news.example',
        zone: { zoneId: 'zone123', apiToken: 'secret-token', byTag: false },
      },
      [{ kind: 'category-renamed', categoryId: category?.id ?? 1 }],
    )
    expect(report.failures).toEqual([])
    expect(calls.length).toBe(Math.ceil(report.paths.length / 100))
    for (const call of calls) {
      expect(call.url).toBe('https://api.cloudflare.com/client/v4/zones/zone123/purge_cache')
      expect(call.auth).toBe('Bearer secret-token')
      expect(call.body.files?.length).toBeLessThanOrEqual(100)
      expect(call.body.files?.every((file) => file.startsWith('https://news.example/'))).toBe(true)
    }
    expect(calls.flatMap((call) => call.body.files ?? []).length).toBe(report.paths.length)
  })

  it('purges by tag when PURGE_BY_TAG is on', async () => {
    const bodies: { tags?: string[] }[] = []
    const realFetch = globalThis.fetch
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (!url.startsWith('https://api.cloudflare.com/')) return realFetch(input, init)
      bodies.push(JSON.parse(String(init?.body)))
      return Response.json({ success: true })
    })
    const article = await insertArticle()
    await purgeContent(
      {
        db: testDb(),
        cache: undefined,
        origin: ORIGIN,
        zone: { zoneId: 'z', apiToken: 't', byTag: true },
      },
      [{ kind: 'article', articleId: article.id }],
    )
    expect(bodies).toHaveLength(1)
    expect(bodies[0]?.tags).toEqual(expect.arrayContaining([`article:${article.id}`, 'home']))
  })

  it("hands Workers Cache the change's tags through the execution context's cache.purge", async () => {
    const purged: { tags: string[] }[] = []
    // Workers Cache is Cloudflare's tier, outside workerd: its purge is a stand-in.
    const ctx = { cache: { purge: async (options: { tags: string[] }) => purged.push(options) } }
    const purge = purgeFunction(
      readConfig(env as unknown as Env),
      testDb(),
      async () => undefined,
      ORIGIN,
      ctx as unknown as ExecutionContext,
    )
    const article = await insertArticle()
    await purge([{ kind: 'article', articleId: article.id }])
    expect(purged).toHaveLength(1)
    expect(purged[0]?.tags).toEqual(expect.arrayContaining([`article:${article.id}`, 'home']))
  })

  it('retries a failing purge with backoff, then records the failure without throwing', async () => {
    let attempts = 0
    const realFetch = globalThis.fetch
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (!url.startsWith('https://api.cloudflare.com/')) return realFetch(input, init)
      attempts++
      return new Response('rate limited', { status: 429, headers: { 'Retry-After': '7' } })
    })
    const waits: number[] = []
    const article = await insertArticle()
    const report = await purgeContent(
      {
        db: testDb(),
        cache: undefined,
        origin: ORIGIN,
        zone: {
          zoneId: 'z',
          apiToken: 't',
          byTag: true,
          sleep: async (ms) => void waits.push(ms),
        },
      },
      [{ kind: 'article', articleId: article.id }],
    )
    expect(attempts).toBe(3)
    expect(waits).toEqual([7000, 7000])
    expect(report.failures).toHaveLength(1)
    expect(report.failures[0]).toContain('HTTP 429')
    const [logged] = await testDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'purge.failed'))
      .orderBy(desc(auditLog.id))
      .limit(1)
    expect(JSON.parse(logged?.detail ?? '{}').changes).toEqual([
      { kind: 'article', articleId: article.id },
    ])
    expect(logged?.detail).not.toContain('"t"')
  })
})
