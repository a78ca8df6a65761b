// The article page renders every element of the reference page from the seeded database.
import { describe, expect, it } from 'vitest'
import { slugRedirects } from '../../src/db/schema'
import { expectInert } from '../support/inert-html'
import { insertArticle, testDb } from './fixtures'
import { html, meteredDb, request } from './helpers'

const REFERENCE = '/news/kremlin-first-putin-macron-conversation-since-2022'
const REFERENCE_TITLE = 'Kremlin: First Putin-Macron Conversation Since 2022'

function jsonLd(page: Awaited<ReturnType<typeof html>>, type: string) {
  return page
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.textContent))
    .find((data) => data['@type'] === type)
}

describe('GET /news/:slug', () => {
  it('renders the reference article in one database round trip', async () => {
    const db = meteredDb()
    const response = await db.request(REFERENCE)
    expect(response.status).toBe(200)
    expect(await db.roundTrips()).toBe(1)
    const page = await html(response)
    expect(page.querySelector('h1')?.text).toBe(REFERENCE_TITLE)
    expect(page.querySelectorAll('h1')).toHaveLength(1)
  })

  it('shows the header date, breadcrumb, section, publish time, favorites button and byline', async () => {
    const page = await html(await request(REFERENCE))
    expect(page.querySelector('.site-header__date')?.text).toMatch(/\d{4}/)
    const crumbs = page.querySelectorAll('.breadcrumb li').map((item) => item.text.trim())
    expect(crumbs).toEqual(['Home', 'International News', REFERENCE_TITLE])
    expect(page.querySelector('.breadcrumb li[aria-current="page"]')?.text).toBe(REFERENCE_TITLE)
    expect(page.querySelector('.article__section')?.getAttribute('href')).toBe(
      '/category/international-news',
    )
    const published = page.querySelector('.article__meta time[data-relative]')
    const publishedAt = Date.parse(published?.getAttribute('datetime') ?? '')
    expect(Date.now() - publishedAt).toBeGreaterThan(5 * 3_600_000)
    expect(Date.now() - publishedAt).toBeLessThan(7 * 3_600_000)
    const favorite = page.querySelector('button.favorite-button')
    expect(favorite?.getAttribute('aria-pressed')).toBe('false')
    expect(favorite?.getAttribute('type')).toBe('button')
    expect(page.querySelector('.article__byline')?.text).toBe('By Staff, Agencies')
  })

  it('shows the hero image, the body, tags linking to tag pages, and share links', async () => {
    const page = await html(await request(REFERENCE))
    const image = page.querySelector('.article__figure img')
    expect(image?.getAttribute('width')).toBe('1200')
    expect(image?.getAttribute('height')).toBe('675')
    expect(image?.getAttribute('alt')).toBeTruthy()
    // The lead image is what the reader waits for: never lazy, fetched first (issue 17).
    expect(image?.getAttribute('loading')).toBeUndefined()
    expect(image?.getAttribute('fetchpriority')).toBe('high')
    const paragraphs = page.querySelectorAll('.article__body p').map((p) => p.text)
    expect(paragraphs.length).toBeGreaterThanOrEqual(7)
    expect(paragraphs[0]).toContain(
      'Russian President Vladimir Putin held a telephone conversation',
    )
    const tags = page.querySelectorAll('.article__tags a')
    expect(tags.map((tag) => tag.text).sort()).toEqual(['France', 'Macron', 'Putin', 'Russia'])
    expect(tags.map((tag) => tag.getAttribute('href'))).toContain('/tag/russia')
    const shares = page.querySelectorAll('.share-links a')
    expect(shares.length).toBeGreaterThanOrEqual(3)
    const canonical = encodeURIComponent(`http://bulletin.test${REFERENCE}`)
    for (const share of shares) expect(share.getAttribute('href')).toContain(canonical)
  })

  it('renders the first page of approved comments with their count and a way to load more', async () => {
    const page = await html(await request(REFERENCE))
    expect(page.querySelector('.comments__count')?.text).toBe('(30)')
    const topLevel = page.querySelectorAll('.comments__list > li.comment')
    expect(topLevel).toHaveLength(20)
    expect(page.querySelectorAll('.comment__replies .comment').length).toBeGreaterThan(0)
    const more = page.querySelector('.comments__more a')
    expect(more?.getAttribute('data-hx-get')).toMatch(
      /^\/fragments\/articles\/\d+\/comments\?cursor=/,
    )
    expect(more?.getAttribute('href')).toMatch(/^\/news\/kremlin-.*\/comments\?cursor=/)
  })

  it('lists related news with thumbnails and times, and never the article itself', async () => {
    const page = await html(await request(REFERENCE))
    const related = page.querySelectorAll('#related-heading ~ ol li')
    expect(related.length).toBeGreaterThanOrEqual(4)
    for (const item of related) {
      expect(item.querySelector('img')).not.toBeNull()
      expect(item.querySelector('time[datetime]')).not.toBeNull()
      expect(item.querySelector('a')?.getAttribute('href')).not.toBe(REFERENCE)
    }
  })

  it('describes itself with canonical, Open Graph, Twitter and NewsArticle JSON-LD', async () => {
    const page = await html(await request(REFERENCE))
    const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href')
    expect(canonical).toBe(`http://bulletin.test${REFERENCE}`)
    const og = (property: string) =>
      page.querySelector(`meta[property="${property}"]`)?.getAttribute('content')
    expect(og('og:title')).toBe(REFERENCE_TITLE)
    expect(og('og:type')).toBe('article')
    expect(og('og:image')).toMatch(/^http:\/\/bulletin\.test\/images\//)
    expect(og('article:section')).toBe('International News')
    expect(page.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe(
      'summary_large_image',
    )
    const article = jsonLd(page, 'NewsArticle')
    expect(article).toMatchObject({
      headline: REFERENCE_TITLE,
      articleSection: 'International News',
      author: [{ '@type': 'Person', name: 'Staff, Agencies' }],
      publisher: { '@type': 'Organization', name: 'Bulletin' },
    })
    expect(Date.parse(article.datePublished)).not.toBeNaN()
    expect(Date.parse(article.dateModified)).not.toBeNaN()
    expect(article.image[0]).toMatch(/^http:\/\/bulletin\.test\//)
    expect(article.keywords.sort()).toEqual(['France', 'Macron', 'Putin', 'Russia'])
    const breadcrumbs = jsonLd(page, 'BreadcrumbList')
    expect(breadcrumbs.itemListElement.map((item: { name: string }) => item.name)).toEqual([
      'Home',
      'International News',
      REFERENCE_TITLE,
    ])
    expect(
      page.querySelector('link[type="application/json+oembed"]')?.getAttribute('href'),
    ).toContain(encodeURIComponent(canonical ?? ''))
  })

  it('shows "Updated" only when the article changed well after publishing', async () => {
    const publishedAt = new Date(Date.now() - 5 * 3_600_000)
    const fresh = await insertArticle({ publishedAt })
    const freshPage = await html(await request(`/news/${fresh.slug}`))
    expect(freshPage.querySelectorAll('.article__meta time')).toHaveLength(1)

    const updatedAt = new Date(publishedAt.getTime() + 2 * 3_600_000)
    const edited = await insertArticle({ publishedAt, updatedAt })
    const editedPage = await html(await request(`/news/${edited.slug}`))
    const times = editedPage.querySelectorAll('.article__meta time')
    expect(times.map((time) => time.getAttribute('datetime'))).toEqual([
      publishedAt.toISOString(),
      updatedAt.toISOString(),
    ])
    expect(editedPage.querySelector('.article__meta')?.text).toContain('Updated')
  })

  it('redirects an old slug to the new one with a 301', async () => {
    const article = await insertArticle()
    await testDb()
      .insert(slugRedirects)
      .values({ oldSlug: `old-${article.slug}`, articleId: article.id })
    const response = await request(`/news/old-${article.slug}`, { redirect: 'manual' })
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(`/news/${article.slug}`)
  })

  it('answers 410 for an archived article and 404 for drafts, scheduled and unknown slugs', async () => {
    const archived = await insertArticle({ status: 'archived' })
    const draft = await insertArticle({ status: 'draft', publishedAt: null })
    const scheduled = await insertArticle({
      status: 'scheduled',
      publishedAt: new Date(Date.now() + 3_600_000),
    })
    expect((await request(`/news/${archived.slug}`)).status).toBe(410)
    expect((await request(`/news/${draft.slug}`)).status).toBe(404)
    expect((await request(`/news/${scheduled.slug}`)).status).toBe(404)
    expect((await request('/news/no-such-story-anywhere')).status).toBe(404)
  })

  it('rejects a malformed slug without asking the database', async () => {
    const db = meteredDb()
    const response = await db.request(`/news/${'x'.repeat(300)}`)
    expect(response.status).toBe(404)
    expect((await db.request('/news/Bad%20Slug')).status).toBe(404)
    expect(await db.roundTrips()).toBe(0)
  })

  it('renders right-to-left for an Arabic article', async () => {
    const article = await insertArticle({ title: 'الكرملين: أول محادثة', language: 'ar' })
    const page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('ar')
    expect(page.querySelector('html')?.getAttribute('dir')).toBe('rtl')
  })

  it('renders script and attribute payloads inert in the page, its meta tags and JSON-LD', async () => {
    const payload = '<script>alert(1)</script>"onload="alert(2)'
    const article = await insertArticle({
      title: `Title ${payload}`,
      summary: `Summary ${payload}`,
      byline: `By ${payload}`,
      tagNames: [`Tag ${payload}`],
      bodyMd: `Body ${payload}`,
    })
    const response = await request(`/news/${article.slug}`)
    const source = await response.text()
    const page = (await import('node-html-parser')).parse(source)
    expectInert(page, 'article page', { allowScripts: true })
    expect(page.querySelector('h1')?.text).toBe(`Title ${payload}`)
    expect(page.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(
      `Title ${payload}`,
    )
    expect(jsonLd(page, 'NewsArticle').headline).toBe(`Title ${payload}`)
  })
})
