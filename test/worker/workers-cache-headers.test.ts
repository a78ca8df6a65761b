// The headers Workers Cache ([cache] in wrangler.toml) acts on, for every route in the policy table.

import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { authors, comments } from '../../src/db/schema'
import { CACHE_POLICIES, cachePolicyFor } from '../../src/edge/cache-policy'
import { widgetVersion } from '../../src/routes/widget'
import { cachedApp } from './edge-cache-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { ORIGIN } from './helpers'
import { insertLiveArticle } from './live-fixtures'

/**
 * One public URL per row of the policy table. workerd cannot emulate Workers Cache, so these
 * headers are the whole contract with it: it stores what they allow, for as long as they say.
 */
async function publicUrls(): Promise<string[]> {
  const article = await insertArticle({ tagNames: ['Headers'] })
  const [comment] = await testDb()
    .insert(comments)
    .values({
      articleId: article.id,
      authorName: 'Reader',
      body: 'A comment',
      status: 'approved',
      ipHash: 'c'.repeat(64),
      idempotencyKey: `headers-${uniqueSuffix()}`,
    })
    .returning()
  const live = await insertLiveArticle(['First update', 'Second update'])
  const suffix = uniqueSuffix()
  await testDb()
    .insert(authors)
    .values({ slug: `headers-${suffix}`, name: `Head Ers ${suffix}`, updatedAt: new Date() })
  const loader = await (await env.ASSETS.fetch(new URL('/widget.js', ORIGIN))).text()
  const articleUrl = `${ORIGIN}/news/${article.slug}`
  return [
    '/',
    `/news/${article.slug}`,
    `/news/${article.slug}/comments`,
    `/fragments/articles/${article.id}/comments`,
    `/fragments/articles/${article.id}/comments/${comment?.id}/reply-form`,
    '/category/international-news',
    `/tag/headers-${article.slug.replace('fixture-', '')}`,
    '/search?q=fixture',
    '/fragments/search?q=fixture',
    '/favorites',
    `/fragments/favorites?ids=${article.id}`,
    '/feed.xml',
    '/category/international-news/atom.xml',
    `/author/headers-${suffix}`,
    '/corrections',
    // A tab showing only the first update (revision 1), so the answer has news.
    `/fragments/articles/${live.article.id}/live?after=1`,
    '/fragments/breaking',
    '/sitemap.xml',
    '/robots.txt',
    `/embed/articles/${article.slug}`,
    `/fragments/embed/articles/${article.slug}`,
    '/embed/latest',
    `/oembed?url=${encodeURIComponent(articleUrl)}&format=json`,
    `/widget-${await widgetVersion(loader)}.js`,
  ]
}

/** Cache-Control directives as a map: `s-maxage=3600` → ['s-maxage', '3600'], `public` → ['public', '']. */
function directives(header: string | null): Map<string, string> {
  return new Map(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split('='))
      .filter(([name]) => name)
      .map(([name, value]) => [name as string, value ?? '']),
  )
}

describe('headers for Workers Cache', () => {
  it('covers every route of the policy table with one URL here', async () => {
    const paths = (await publicUrls()).map((url) => new URL(url, ORIGIN).pathname)
    for (const [pattern] of CACHE_POLICIES) {
      expect(
        paths.some((path) => pattern.test(path)),
        `no URL here for ${pattern}`,
      ).toBe(true)
    }
  })

  it('lets a shared cache keep each public page for its edge lifetime, and revalidate in the background', async () => {
    const { fetchPage } = await cachedApp()
    for (const url of await publicUrls()) {
      const response = await fetchPage(url)
      await response.arrayBuffer()
      const policy = cachePolicyFor(new URL(url, ORIGIN).pathname)
      expect(response.status, url).toBe(200)
      const control = directives(response.headers.get('cache-control'))
      expect(control.has('public'), url).toBe(true)
      expect(control.get('s-maxage'), url).toBe(String(policy?.edgeMaxAge))
      // Live fragments opt out of serving stale (cache-policy.ts); every other page revalidates
      // in the background.
      expect(control.get('stale-while-revalidate'), url).toBe(
        String(policy?.staleWhileRevalidate ?? 60),
      )
      expect(
        control.has('private') || control.has('no-store') || control.has('no-cache'),
        url,
      ).toBe(false)
    }
  })

  it('tags each public page for purge by tag, with its route tags first', async () => {
    const { fetchPage } = await cachedApp()
    for (const url of await publicUrls()) {
      const response = await fetchPage(url)
      await response.arrayBuffer()
      const tags = response.headers.get('cache-tag')?.split(',') ?? []
      const policy = cachePolicyFor(new URL(url, ORIGIN).pathname)
      expect(tags.slice(0, policy?.tags.length), url).toEqual(policy?.tags)
      // Cloudflare ignores a Cache-Tag header over 16 KB and any tag with spaces.
      expect(
        tags.every((tag) => /^[^\s,]+$/.test(tag)),
        url,
      ).toBe(true)
      expect(response.headers.get('cache-tag')?.length ?? 0, url).toBeLessThan(16 * 1024)
    }
  })

  it('sends no Vary and no cookie on a public page, so one copy serves every reader', async () => {
    const { fetchPage } = await cachedApp()
    for (const url of await publicUrls()) {
      const response = await fetchPage(url, {
        headers: { 'Accept-Language': 'fr', 'User-Agent': 'x' },
      })
      await response.arrayBuffer()
      // Cloudflare compresses per client on its own, so only Accept-Encoding would be harmless.
      const vary = (response.headers.get('vary') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name && name !== 'accept-encoding')
      expect(vary, url).toEqual([])
      expect(response.headers.has('set-cookie'), url).toBe(false)
    }
  })
})
