// Embeds are purged with their articles: a new title reaches every cached card and list at once.

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { articles, articleTags, tags } from '../../src/db/schema'
import { createPageCache } from '../../src/edge/page-cache'
import { purgeContent } from '../../src/services/purge'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { ORIGIN } from './helpers'

async function cachedApp() {
  const cache = createPageCache(await caches.open(`embed-purge-${uniqueSuffix()}`))
  const app = createApp({ openCache: async () => cache })
  const fetchPage = async (path: string) => {
    const ctx = createExecutionContext()
    const response = await app.fetch(new Request(new URL(path, ORIGIN)), env, ctx)
    await waitOnExecutionContext(ctx)
    return response
  }
  return { cache, fetchPage }
}

const titlesIn = async (response: Response) =>
  parse(await response.text())
    .querySelectorAll('.bulletin-card__link, .bulletin-list__link')
    .map((link) => link.text)

describe('purging embeds', () => {
  it('shows the new title in every cached card and list once the edit is purged', async () => {
    const { cache, fetchPage } = await cachedApp()
    const article = await insertArticle({ tagNames: ['Purge'], publishedAt: new Date() })
    const [{ slug: tagSlug } = { slug: '' }] = await testDb()
      .select({ slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, article.id))
    // Only this story has its tag; the section and site-wide lists are shared with other test
    // files, which may add newer stories meanwhile, so only the first three must show the new title.
    const paths = [
      `/embed/articles/${article.slug}`,
      `/fragments/embed/articles/${article.slug}`,
      `/embed/latest?tag=${tagSlug}`,
      '/fragments/embed/latest?category=international-news',
      '/embed/latest',
    ]
    for (const path of paths) {
      expect(await titlesIn(await fetchPage(path)), path).toContain(article.title)
      expect((await fetchPage(path)).headers.get('x-cache'), path).toBe('HIT')
    }

    const title = `Renamed ${uniqueSuffix()}`
    await testDb().update(articles).set({ title }).where(eq(articles.id, article.id))
    // Until the purge, the edge keeps serving what it has.
    expect(await titlesIn(await fetchPage(paths[0] as string))).toContain(article.title)

    const report = await purgeContent({ db: testDb(), cache, origin: ORIGIN }, [
      { kind: 'article', articleId: article.id },
    ])
    expect(report.failures).toEqual([])
    expect(report.tags).toEqual(expect.arrayContaining([`article:${article.id}`, 'latest']))
    for (const [index, path] of paths.entries()) {
      const response = await fetchPage(path)
      expect(response.headers.get('x-cache'), path).toBe('MISS')
      const titles = await titlesIn(response)
      if (index < 3) expect(titles, path).toContain(title)
      expect(titles, path).not.toContain(article.title)
    }
  })
})
