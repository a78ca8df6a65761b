// Embed headers: CORS for fragments, framing only for /embed, cross-origin resources, cache, no cookies.

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { articleTags, tags } from '../../src/db/schema'
import { createPageCache } from '../../src/edge/page-cache'
import { widgetVersion } from '../../src/routes/widget'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { meteredDb, ORIGIN, request } from './helpers'

/** An app with an edge cache of its own, so no other test's copy is served here. */
async function cachedApp() {
  const cache = createPageCache(await caches.open(`embed-${uniqueSuffix()}`))
  const app = createApp({ openCache: async () => cache })
  return async (path: string, init?: RequestInit, bindings = env) => {
    const ctx = createExecutionContext()
    const response = await app.fetch(new Request(new URL(path, ORIGIN), init), bindings, ctx)
    await waitOnExecutionContext(ctx)
    return response
  }
}

function directives(response: Response): Map<string, string> {
  const policy = response.headers.get('content-security-policy') ?? ''
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name as string, values.join(' ')]),
  )
}

describe('framing', () => {
  it('lets any site frame /embed, and keeps every other page to frame-ancestors self', async () => {
    const article = await insertArticle()
    for (const path of [`/embed/articles/${article.slug}`, '/embed/latest?limit=2']) {
      const response = await request(path)
      expect(response.status).toBe(200)
      expect(directives(response).get('frame-ancestors')).toBe('*')
      expect(directives(response).get('script-src')).toBe("'self'")
      expect(directives(response).get('style-src')).toBe("'self'")
      expect(response.headers.get('x-frame-options')).toBeNull()
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    }
    const sitePages = [
      '/',
      `/news/${article.slug}`,
      '/category/international-news',
      '/search?q=putin',
      '/favorites',
      '/feed.xml',
      '/healthz',
      '/no-such-page',
      `/fragments/embed/articles/${article.slug}`,
      `/oembed?url=${encodeURIComponent(`${ORIGIN}/news/${article.slug}`)}`,
    ]
    for (const path of sitePages) {
      const response = await request(path)
      expect(directives(response).get('frame-ancestors'), path).toBe("'self'")
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
    }
  })

  it('marks fragments and oEmbed as cross-origin resources, and site pages as same-origin', async () => {
    const article = await insertArticle()
    const url = encodeURIComponent(`${ORIGIN}/news/${article.slug}`)
    for (const path of [`/fragments/embed/articles/${article.slug}`, `/oembed?url=${url}`]) {
      expect((await request(path)).headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    }
    for (const path of ['/', `/news/${article.slug}`, '/fragments/favorites?ids=1']) {
      expect((await request(path)).headers.get('cross-origin-resource-policy')).toBe('same-origin')
    }
  })
})

describe('CORS', () => {
  it('lets any origin read a fragment, never with credentials', async () => {
    const article = await insertArticle()
    for (const path of [`/fragments/embed/articles/${article.slug}`, '/fragments/embed/latest']) {
      const response = await request(path, { headers: { Origin: 'https://partner.example' } })
      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('access-control-allow-credentials')).toBeNull()
      expect(response.headers.get('vary') ?? '').not.toMatch(/origin/i)
    }
  })

  it('answers the preflight an htmx request sends', async () => {
    const response = await request('/fragments/embed/latest?limit=3', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://partner.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'hx-request,hx-source,hx-current-url,hx-request-type',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS')
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase()
    for (const header of ['hx-request', 'hx-source', 'hx-current-url', 'hx-request-type']) {
      expect(allowed.split(',')).toContain(header)
    }
    expect(response.headers.get('access-control-max-age')).toBe('86400')
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('sends no CORS headers on the iframe documents or the site', async () => {
    const article = await insertArticle()
    for (const path of [`/embed/articles/${article.slug}`, `/news/${article.slug}`]) {
      const response = await request(path, { headers: { Origin: 'https://partner.example' } })
      expect(response.headers.get('access-control-allow-origin'), path).toBeNull()
    }
  })
})

describe('caching', () => {
  it('caches each embed at the edge with its purge tags and serves it again with no database trip', async () => {
    const fetchPage = await cachedApp()
    const article = await insertArticle()
    const paths = [
      `/embed/articles/${article.slug}`,
      `/fragments/embed/articles/${article.slug}`,
      '/embed/latest?category=international-news&limit=4',
      '/fragments/embed/latest?limit=4',
      `/oembed?url=${encodeURIComponent(`${ORIGIN}/news/${article.slug}`)}&format=json`,
    ]
    for (const path of paths) {
      const first = await fetchPage(path)
      expect(first.status, path).toBe(200)
      expect(first.headers.get('x-cache'), path).toBe('MISS')
      expect(first.headers.get('cache-control'), path).toBe(
        'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400',
      )
      expect(first.headers.get('cache-tag')?.split(','), path).toContain('embeds')
      expect(first.headers.get('set-cookie'), path).toBeNull()
      const body = await first.text()
      const db = meteredDb()
      const second = await fetchPage(path, undefined, db.env)
      expect(second.headers.get('x-cache'), path).toBe('HIT')
      expect(await second.text()).toBe(body)
      expect(await db.roundTrips(), path).toBe(0)
    }
  })

  it('keeps its CORS and framing headers on a cache hit', async () => {
    const fetchPage = await cachedApp()
    const article = await insertArticle()
    await fetchPage(`/fragments/embed/articles/${article.slug}`)
    await fetchPage(`/embed/articles/${article.slug}`)
    const fragment = await fetchPage(`/fragments/embed/articles/${article.slug}`)
    expect(fragment.headers.get('x-cache')).toBe('HIT')
    expect(fragment.headers.get('access-control-allow-origin')).toBe('*')
    const document = await fetchPage(`/embed/articles/${article.slug}`)
    expect(document.headers.get('x-cache')).toBe('HIT')
    expect(directives(document).get('frame-ancestors')).toBe('*')
  })

  it('tags each embed with the stories and sections it shows', async () => {
    const fetchPage = await cachedApp()
    const article = await insertArticle({ categorySlug: 'culture', tagNames: ['Tagged'] })
    const card = await fetchPage(`/embed/articles/${article.slug}`)
    expect(card.headers.get('cache-tag')?.split(',')).toEqual(
      expect.arrayContaining([`article:${article.id}`, 'category:culture']),
    )
    const section = await fetchPage('/embed/latest?category=culture&limit=2')
    expect(section.headers.get('cache-tag')?.split(',')).toContain('category:culture')
    const [tag] = await testDb()
      .select({ slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, article.id))
    const tagged = await fetchPage(`/fragments/embed/latest?tag=${tag?.slug}`)
    expect(tagged.headers.get('cache-tag')?.split(',')).toEqual(
      expect.arrayContaining([`article:${article.id}`, `tag:${tag?.slug}`]),
    )
    const everything = await fetchPage('/fragments/embed/latest?limit=1')
    expect(everything.headers.get('cache-tag')?.split(',')).toContain('latest')
  })
})

describe('cookies', () => {
  it('never sets a cookie and answers the same with or without one', async () => {
    const article = await insertArticle()
    const path = `/fragments/embed/articles/${article.slug}`
    const plain = await request(path)
    const withCookies = await request(path, {
      headers: { Cookie: 'bulletin_session=abc; tracking=xyz' },
    })
    expect(plain.headers.get('set-cookie')).toBeNull()
    expect(withCookies.headers.get('set-cookie')).toBeNull()
    expect(await withCookies.text()).toBe(await plain.text())
  })
})

describe('the loader script', () => {
  async function loaderSource() {
    const response = await env.ASSETS.fetch(new URL('/widget.js', ORIGIN))
    expect(response.status).toBe(200)
    return response.text()
  }

  it('is at most 3 KB gzipped', async () => {
    const source = await loaderSource()
    const gzipped = new Blob([source]).stream().pipeThrough(new CompressionStream('gzip'))
    const size = (await new Response(gzipped).arrayBuffer()).byteLength
    expect(size).toBeGreaterThan(500)
    expect(size).toBeLessThanOrEqual(3 * 1024)
  })

  it('is served under its content hash with a year-long lifetime, for any site to load', async () => {
    const fetchPage = await cachedApp()
    const source = await loaderSource()
    const path = `/widget-${await widgetVersion(source)}.js`
    const response = await fetchPage(path)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('cache-control')).toMatch(
      /^public, max-age=31536000, s-maxage=31536000/,
    )
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(await response.text()).toBe(source)
    expect((await fetchPage(path)).headers.get('x-cache')).toBe('HIT')
  })

  it('sends a hash that is no longer current to the stable /widget.js', async () => {
    const response = await request('/widget-0123456789abcdef.js', { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/widget.js')
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
  })
})
