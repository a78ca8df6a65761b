// Sitemaps and robots.txt: well-formed, paged, published stories only, hostile text kept as data.
import { eq, ne } from 'drizzle-orm'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  countArticleSitemaps,
  listArticleSitemapPage,
  SITEMAP_PAGE_SIZE,
} from '../../src/db/queries/sitemaps'
import { articles, articleTags, tags } from '../../src/db/schema'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { meteredDb, ORIGIN, request } from './helpers'

const XSS = `<script>alert(1)</script> "onload=alert(1) x='y' &amp;`

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['url', 'sitemap'].includes(name),
})

// biome-ignore lint/suspicious/noExplicitAny: parsed XML is untyped by nature
type Parsed = any

/** Parses strictly: well-formed, and no character XML 1.0 forbids (which the validator allows). */
async function parseXml(response: Response): Promise<Parsed> {
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
  const text = await response.text()
  expect(XMLValidator.validate(text)).toBe(true)
  expect(text).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u)
  return parser.parse(text)
}

const urls = (doc: Parsed): Parsed[] => doc.urlset.url ?? []
const locs = (doc: Parsed): string[] => urls(doc).map((url) => url.loc)
const newsUrl = (slug: string) => `${ORIGIN}/news/${slug}`

type Article = Awaited<ReturnType<typeof insertArticle>>
let recent: Article
let old: Article
let hidden: Article[]
let hostile: Article
let hostileTitle: string
let recentTagSlug: string
let hiddenTagSlug: string
let hiddenSlugs: string[]

async function tagSlugOf(article: Article): Promise<string> {
  const [tag] = await testDb()
    .select({ slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, article.id))
  if (!tag) throw new Error('fixture tag missing')
  return tag.slug
}

beforeAll(async () => {
  const suffix = uniqueSuffix()
  const now = Date.now()
  recent = await insertArticle({ publishedAt: new Date(now - 3_600_000), tagNames: ['Mapped'] })
  old = await insertArticle({ publishedAt: new Date(now - 49 * 3_600_000) })
  hidden = [
    await insertArticle({ status: 'draft', publishedAt: new Date(now - 60_000), tagNames: ['Dr'] }),
    await insertArticle({ status: 'scheduled', publishedAt: new Date(now + 3_600_000) }),
    await insertArticle({ status: 'archived', publishedAt: new Date(now - 60_000) }),
  ]
  hostileTitle = `${XSS} news ${suffix}`
  hostile = await insertArticle({
    title: `${XSS}\u0007 news\u001B ${suffix}\u0000`,
    publishedAt: new Date(now - 600_000),
  })
  recentTagSlug = await tagSlugOf(recent)
  hiddenTagSlug = await tagSlugOf(hidden[0] as Article)
  const unpublished = await testDb()
    .select({ slug: articles.slug })
    .from(articles)
    .where(ne(articles.status, 'published'))
  hiddenSlugs = unpublished.map((row) => row.slug)
})

describe('GET /sitemap.xml', () => {
  it('indexes the article pages, sections and news sitemaps in one round trip', async () => {
    const db = meteredDb()
    const response = await db.request('/sitemap.xml')
    expect(await db.roundTrips()).toBe(1)
    const doc = await parseXml(response)
    expect(doc.sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(doc.sitemapindex.sitemap.map((entry: Parsed) => entry.loc)).toEqual([
      `${ORIGIN}/sitemaps/articles-1.xml`,
      `${ORIGIN}/sitemaps/sections.xml`,
      `${ORIGIN}/sitemaps/news.xml`,
    ])
  })
})

describe('GET /sitemaps/articles-N.xml', () => {
  it('lists published stories with their last modification, and nothing unpublished', async () => {
    const db = meteredDb()
    const doc = await parseXml(await db.request('/sitemaps/articles-1.xml'))
    expect(await db.roundTrips()).toBe(1)
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const entry = urls(doc).find((url) => url.loc === newsUrl(recent.slug))
    expect(entry.lastmod).toBe(recent.updatedAt.toISOString())
    expect(locs(doc)).toContain(newsUrl(old.slug))
    expect(hiddenSlugs.length).toBeGreaterThanOrEqual(3)
    for (const slug of hiddenSlugs) expect(locs(doc)).not.toContain(newsUrl(slug))
    expect(urls(doc).length).toBeLessThanOrEqual(SITEMAP_PAGE_SIZE)
  })

  it('answers 404 for a page past the end, page 0 and a padded number', async () => {
    for (const path of ['articles-2.xml', 'articles-0.xml', 'articles-01.xml', 'articles-x.xml']) {
      expect((await request(`/sitemaps/${path}`)).status).toBe(404)
    }
  })

  it('splits the published stories into full pages of the given size, with none left out', async () => {
    const db = testDb()
    const pageSize = 7
    const published = await db
      .select({ slug: articles.slug })
      .from(articles)
      .where(eq(articles.status, 'published'))
      .orderBy(articles.id)
    const pages = await countArticleSitemaps(db, pageSize)
    expect(pages).toBe(Math.ceil(published.length / pageSize))

    const listed: string[] = []
    for (let page = 1; page <= pages; page++) {
      const entries = await listArticleSitemapPage(db, page, pageSize)
      expect(entries?.length).toBe(page < pages ? pageSize : published.length - listed.length)
      listed.push(...(entries ?? []).map((entry) => entry.slug))
    }
    expect(listed).toEqual(published.map((row) => row.slug))
    expect(await listArticleSitemapPage(db, pages + 1, pageSize)).toBeNull()
    expect(await listArticleSitemapPage(db, 0, pageSize)).toBeNull()
  })

  it('keeps page 1 even when a page size exceeds every published story', async () => {
    const db = testDb()
    expect(await countArticleSitemaps(db, 10_000_000)).toBe(1)
    expect((await listArticleSitemapPage(db, 1, 10_000_000))?.length).toBeGreaterThan(0)
  })
})

describe('GET /sitemaps/sections.xml', () => {
  it('lists home, every category and the tags of published stories only', async () => {
    const doc = await parseXml(await request('/sitemaps/sections.xml'))
    const listed = locs(doc)
    expect(listed[0]).toBe(`${ORIGIN}/`)
    expect(listed).toContain(`${ORIGIN}/category/international-news`)
    expect(listed).toContain(`${ORIGIN}/category/sports`)
    expect(listed).toContain(`${ORIGIN}/tag/${recentTagSlug}`)
    expect(listed).not.toContain(`${ORIGIN}/tag/${hiddenTagSlug}`)
  })
})

describe('GET /sitemaps/news.xml', () => {
  it('is a Google News sitemap of the stories published in the last 48 hours', async () => {
    const doc = await parseXml(await request('/sitemaps/news.xml'))
    expect(doc.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    const entry = urls(doc).find((url) => url.loc === newsUrl(recent.slug))
    expect(entry['news:news']).toEqual({
      'news:publication': { 'news:name': 'Bulletin', 'news:language': 'en' },
      'news:publication_date': recent.publishedAt?.toISOString(),
      'news:title': recent.title,
    })
    expect(locs(doc)).not.toContain(newsUrl(old.slug))
    for (const slug of hiddenSlugs) expect(locs(doc)).not.toContain(newsUrl(slug))
    const cutoff = Date.now() - 48 * 3_600_000
    for (const url of urls(doc)) {
      expect(Date.parse(url['news:news']['news:publication_date'])).toBeGreaterThanOrEqual(cutoff)
    }
  })

  it('carries a hostile title as text, not markup', async () => {
    expect(hostile.title).toContain('\u0007')
    const doc = await parseXml(await request('/sitemaps/news.xml'))
    const entry = urls(doc).find((url) => url.loc === newsUrl(hostile.slug))
    expect(entry['news:news']['news:title']).toBe(hostileTitle)
  })
})

describe('GET /robots.txt', () => {
  it('allows everything but the private areas and points to the sitemap, without the database', async () => {
    const db = meteredDb()
    const response = await db.request('/robots.txt')
    expect(await db.roundTrips()).toBe(0)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const lines = (await response.text()).split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        'User-agent: *',
        'Disallow: /editor',
        'Disallow: /api',
        'Disallow: /fragments',
        'Allow: /',
        `Sitemap: ${ORIGIN}/sitemap.xml`,
      ]),
    )
    expect(lines.filter((line) => line.startsWith('Disallow:'))).toHaveLength(3)
  })
})
