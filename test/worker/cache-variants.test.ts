// Cache keys carry only what a route reads: no variant of a URL outlives a purge, fresh or stale.
import { env } from 'cloudflare:workers'
import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleAuthors, articles, articleTags, authors, comments, tags } from '../../src/db/schema'
import { CACHE_POLICIES } from '../../src/edge/cache-policy'
import { widgetVersion } from '../../src/routes/widget'
import { purgeContent } from '../../src/services/purge'
import { cachedApp, DEAD_DB } from './edge-cache-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, ORIGIN } from './helpers'
import { insertLiveArticle } from './live-fixtures'

const MONTH_AGO = new Date(Date.now() - 30 * 86_400_000)

/** What readers, crawlers and mischief append to an article's address. */
const ARTICLE_VARIANTS = [
  '',
  '?comment=zzz',
  '?comment=approved',
  '?comment=pending',
  '?comment=',
  '?comment',
  '?comment=zzz&comment=approved',
  '?comment=approved&comment=zzz',
  '?comment=pending&comment=pending',
  '?Comment=approved',
  '?utm_source=newsletter&utm_medium=email&fbclid=abc&gclid=def',
  '?foo=bar&page=2',
  '?comment=approved&utm_campaign=spring',
  '?comment=%FF%FE',
]

async function headline(response: Response) {
  return (await html(response)).querySelector('h1')?.text.trim()
}

async function warmVariants(fetchPage: (path: string) => Promise<Response>, base: string) {
  for (const variant of ARTICLE_VARIANTS) {
    const response = await fetchPage(`${base}${variant}`)
    expect(response.status, variant).toBe(200)
    await response.body?.cancel()
  }
}

describe('article variants and purges', () => {
  it('serves no variant of an unpublished article, from the fresh copies or the stale ones', async () => {
    const { cache, fetchPage } = await cachedApp()
    const article = await insertArticle({ publishedAt: MONTH_AGO })
    const base = `/news/${article.slug}`
    await warmVariants(fetchPage, base)

    await testDb().update(articles).set({ status: 'draft' }).where(eq(articles.id, article.id))
    const report = await purgeContent({ db: testDb(), cache, origin: ORIGIN }, [
      { kind: 'article', articleId: article.id },
    ])
    expect(report.failures).toEqual([])

    // The database fails right after the purge: no stale copy of any variant may stand in for it.
    for (const variant of ARTICLE_VARIANTS) {
      const response = await fetchPage(`${base}${variant}`, {}, DEAD_DB)
      expect(response.status, variant).toBe(503)
      expect(await headline(response), variant).not.toBe(article.title)
    }
    for (const variant of ARTICLE_VARIANTS) {
      const response = await fetchPage(`${base}${variant}`)
      expect(response.status, variant).toBe(404)
      expect(await headline(response), variant).not.toBe(article.title)
    }
  })

  it('shows an edited title on every variant once the edit is purged, and no stale copy of the old one', async () => {
    const { cache, fetchPage } = await cachedApp()
    const article = await insertArticle({ publishedAt: MONTH_AGO })
    const base = `/news/${article.slug}`
    await warmVariants(fetchPage, base)

    const title = `Corrected ${uniqueSuffix()}`
    await testDb().update(articles).set({ title }).where(eq(articles.id, article.id))
    await purgeContent({ db: testDb(), cache, origin: ORIGIN }, [
      { kind: 'article', articleId: article.id },
    ])

    for (const variant of ARTICLE_VARIANTS) {
      const response = await fetchPage(`${base}${variant}`, {}, DEAD_DB)
      expect(await headline(response), variant).not.toBe(article.title)
    }
    for (const variant of ARTICLE_VARIANTS) {
      expect(await headline(await fetchPage(`${base}${variant}`)), variant).toBe(title)
    }
  })

  it('keeps the comment notice out of the shared article entry, and keeps the no-JS flow showing it', async () => {
    const { fetchPage } = await cachedApp()
    const article = await insertArticle({ publishedAt: MONTH_AGO })
    const base = `/news/${article.slug}`
    const notice = async (response: Response) =>
      (await html(response)).querySelector('#comment-form [role="status"]')?.text
    // Where a post without JavaScript lands (routes/comments.tsx), and a duplicate after it.
    const posted = await fetchPage(`${base}?comment=pending&comment=approved#comments`)
    expect(posted.headers.get('x-cache')).toBe('MISS')
    expect(await notice(posted)).toContain('moderator')

    const plain = await fetchPage(base)
    expect(plain.headers.get('x-cache')).toBe('MISS')
    expect(await notice(plain)).toBeUndefined()
    for (const variant of ['?comment=zzz', '?comment=', '?utm_source=x&comment=PENDING']) {
      const response = await fetchPage(`${base}${variant}`)
      expect(response.headers.get('x-cache'), variant).toBe('HIT')
      expect(await notice(response), variant).toBeUndefined()
    }
    const again = await fetchPage(`${base}?fbclid=1&comment=pending`)
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(await notice(again)).toContain('moderator')
  })
})

describe('variants purges cannot list', () => {
  it('keeps no stale copy of them, so an outage cannot bring back what a purge replaced', async () => {
    const { fetchPage, passTime } = await cachedApp()
    const article = await insertArticle({ publishedAt: MONTH_AGO })
    const paths = [
      `/embed/articles/${article.slug}?theme=dark`,
      `/fragments/embed/articles/${article.slug}?lang=fr`,
      `/news/${article.slug}/comments?reply_to=1`,
    ]
    for (const path of paths) {
      expect((await fetchPage(path)).status, path).toBe(200)
      // The fresh copy has run out (five minutes at most); only a stale one could answer now.
      passTime(5 * 60 + 1)
      const outage = await fetchPage(path, {}, DEAD_DB)
      expect(outage.status, path).toBe(503)
    }
  })

  it('are only allowed on routes whose edge lifetime is short', () => {
    for (const [pattern, policy] of CACHE_POLICIES) {
      const unlisted = Object.values(policy.params).some((param) => !param.purged)
      if (unlisted) expect(policy.edgeMaxAge, String(pattern)).toBeLessThanOrEqual(5 * 60)
    }
  })
})

describe('section pages and purges', () => {
  it('purges the page a section loses when a story on it is withdrawn', async () => {
    const { cache, fetchPage } = await cachedApp()
    const db = testDb()
    const [tag] = await db
      .insert(tags)
      .values({ slug: `shrinking-${uniqueSuffix()}`, name: 'Shrinking' })
      .returning()
    if (!tag) throw new Error('tag insert failed')
    // 21 stories: the oldest is alone on page 2.
    const stories = []
    for (let i = 0; i < 21; i++) {
      stories.push(await insertArticle({ publishedAt: new Date(MONTH_AGO.getTime() - i * 60_000) }))
    }
    await db
      .insert(articleTags)
      .values(stories.map((story) => ({ articleId: story.id, tagId: tag.id })))
    const oldest = stories[20] as (typeof stories)[number]
    try {
      const lastPage = `/tag/${tag.slug}?page=2`
      const titles = async (response: Response) =>
        (await html(response)).querySelectorAll('.card__title').map((title) => title.text.trim())
      expect(await titles(await fetchPage(lastPage))).toContain(oldest.title)

      await db.update(articles).set({ status: 'draft' }).where(eq(articles.id, oldest.id))
      await purgeContent({ db, cache, origin: ORIGIN }, [{ kind: 'article', articleId: oldest.id }])
      const after = await fetchPage(lastPage)
      expect(after.status).toBe(404)
      expect(await titles(after)).not.toContain(oldest.title)
    } finally {
      await db.delete(articles).where(
        inArray(
          articles.id,
          stories.map((story) => story.id),
        ),
      )
      await db.delete(tags).where(eq(tags.id, tag.id))
    }
  })
})

describe('duplicate and refused parameters', () => {
  it('keys a duplicated search term on the first value, the one the page shows', async () => {
    const { fetchPage } = await cachedApp()
    const economy = `zq${uniqueSuffix()}x`
    const zebra = `zq${uniqueSuffix()}x`
    const one = await insertArticle({ title: `Harbour ${economy}`, publishedAt: MONTH_AGO })
    const two = await insertArticle({ title: `Harbour ${zebra}`, publishedAt: MONTH_AGO })
    const shown = async (path: string) => {
      const response = await fetchPage(path)
      const page = await html(response)
      return {
        cache: response.headers.get('x-cache'),
        query: page.querySelector('#search-q')?.getAttribute('value'),
        results: page.querySelectorAll('.search-result__title a').map((link) => link.text.trim()),
      }
    }
    expect(await shown(`/search?q=${economy}&q=${zebra}`)).toEqual({
      cache: 'MISS',
      query: economy,
      results: [one.title],
    })
    expect(await shown(`/search?q=${zebra}&q=${economy}`)).toEqual({
      cache: 'MISS',
      query: zebra,
      results: [two.title],
    })
    expect((await shown(`/search?utm_source=x&q=${zebra}&q=`)).cache).toBe('HIT')
  })

  it('answers a page number the route refuses without the cache and without the database', async () => {
    const { fetchPage } = await cachedApp()
    for (const value of ['abc', '0', '02', '-1', '1.5', '9999999']) {
      const db = meteredDb()
      const response = await fetchPage(`/category/international-news?page=${value}`, {}, db.env)
      expect(response.status, value).toBe(404)
      expect(response.headers.get('x-cache'), value).toBe('BYPASS')
      expect(await db.roundTrips(), value).toBe(0)
    }
    expect((await fetchPage('/category/international-news?page=1')).status).toBe(200)
    const duplicate = await fetchPage('/category/international-news?page=1&page=abc&junk=1')
    expect(duplicate.headers.get('x-cache')).toBe('HIT')
  })

  it('answers every value a route refuses from the request alone, with the right error', async () => {
    const { fetchPage } = await cachedApp()
    const refused: [string, number][] = [
      ['/news/some-story/comments?cursor=abc', 400],
      ['/news/some-story/comments?reply_to=0', 400],
      ['/fragments/articles/1/comments?cursor=1.2.3', 400],
      ['/tag/russia?page=', 404],
      [`/search?q=${'word '.repeat(60)}`, 400],
      ['/fragments/search?q=x&page=-2', 404],
      ['/embed/articles/some-story?theme=purple', 400],
      ['/fragments/embed/articles/some-story?lang=not_a_tag', 400],
      ['/embed/latest?limit=50', 400],
      ['/fragments/embed/latest?category=Not%20A%20Slug', 404],
      ['/oembed?url=x&format=xml', 501],
    ]
    for (const [path, status] of refused) {
      const db = meteredDb()
      const response = await fetchPage(path, {}, db.env)
      expect(response.status, path).toBe(status)
      expect(response.headers.get('x-cache'), path).toBe('BYPASS')
      expect(await db.roundTrips(), path).toBe(0)
    }
  })

  it('lets a route read only what its cache key carries', async () => {
    const { app, fetchPage } = await cachedApp()
    // A stand-in route at an address the policy table covers and no real route answers.
    app.get('/sitemaps/probe.xml', (c) => c.json(c.req.queries()))
    const response = await fetchPage('/sitemaps/probe.xml?page=2&sneaky=1&utm_source=x')
    expect(await response.json()).toEqual({})
  })
})

/** An author on the byline of `articleId`, so their page lists one story. */
async function insertAuthorOf(articleId: number) {
  const suffix = uniqueSuffix()
  const [author] = await testDb()
    .insert(authors)
    .values({
      slug: `policy-author-${suffix}`,
      name: `Policy Author ${suffix}`,
      updatedAt: new Date(),
    })
    .returning({ slug: authors.slug, id: authors.id })
  if (!author) throw new Error('author insert failed')
  await testDb().insert(articleAuthors).values({ articleId, authorId: author.id })
  return author
}

describe('every route in the policy table', () => {
  it('answers extra, tracking and duplicated parameters from the canonical entry', async () => {
    const { fetchPage } = await cachedApp()
    const article = await insertArticle({ publishedAt: MONTH_AGO })
    const source = await (await env.ASSETS.fetch(new URL('/widget.js', ORIGIN))).text()
    const articleUrl = encodeURIComponent(`${ORIGIN}/news/${article.slug}`)
    const { article: live } = await insertLiveArticle(['A live update'])
    const author = await insertAuthorOf(article.id)
    const [comment] = await testDb()
      .insert(comments)
      .values({
        articleId: article.id,
        authorName: 'Reader',
        body: 'A comment to answer',
        status: 'approved',
        ipHash: 'd'.repeat(64),
        idempotencyKey: `variants-${uniqueSuffix()}`,
      })
      .returning()
    const samples = [
      '/',
      `/news/${article.slug}`,
      `/news/${article.slug}/comments`,
      `/fragments/articles/${article.id}/comments`,
      `/fragments/articles/${article.id}/comments/${comment?.id}/reply-form`,
      '/category/international-news?page=1',
      '/search?q=fixture',
      '/fragments/search?q=fixture&page=1',
      '/favorites',
      `/fragments/favorites?ids=${article.id}`,
      '/feed.xml',
      '/category/international-news/atom.xml',
      '/sitemap.xml',
      '/robots.txt',
      `/embed/articles/${article.slug}?theme=dark`,
      '/fragments/embed/latest?category=international-news&limit=3',
      `/oembed?url=${articleUrl}&maxwidth=400`,
      `/widget-${await widgetVersion(source)}.js`,
      `/fragments/articles/${live.id}/live?after=0`,
      '/fragments/breaking',
      `/author/${author.slug}?page=1`,
      '/corrections?page=1',
    ]
    for (const [pattern] of CACHE_POLICIES) {
      const covered = samples.some((path) => pattern.test(new URL(path, ORIGIN).pathname))
      expect(covered, `a sample for ${pattern}`).toBe(true)
    }
    for (const path of samples) {
      const first = await fetchPage(path)
      expect(first.status, path).toBe(200)
      expect(first.headers.get('x-cache'), path).toBe('MISS')
      const body = await first.text()
      const url = new URL(path, ORIGIN)
      // A second value of each parameter after the first, which is the one the route reads.
      for (const [name] of [...url.searchParams]) url.searchParams.append(name, 'zzz')
      url.searchParams.append('utm_source', 'newsletter')
      url.searchParams.append('junk', '1')
      const variant = await fetchPage(url.pathname + url.search)
      expect(variant.headers.get('x-cache'), url.search).toBe('HIT')
      expect(await variant.text(), url.search).toBe(body)
    }
  })
})
