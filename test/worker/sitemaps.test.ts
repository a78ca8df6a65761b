// Sitemaps and robots.txt: well-formed, in id-range files, published stories only, hostile text as data.
import { eq, max, ne } from 'drizzle-orm'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  listArticleSitemap,
  listTagSitemap,
  SITEMAP_IDS_PER_FILE,
  sitemapFileOf,
} from '../../src/db/queries/sitemaps'
import { articles, tags } from '../../src/db/schema'
import { insertArticle, tagOf, testDb, uniqueSuffix } from './fixtures'
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
let recentTag: { id: number; slug: string }
let hiddenTag: { id: number; slug: string }
let hiddenSlugs: string[]

beforeAll(async () => {
  const suffix = uniqueSuffix()
  const now = Date.now()
  recent = await insertArticle({
    publishedAt: new Date(now - 3_600_000),
    tagNames: [`Mapped ${suffix}`],
  })
  old = await insertArticle({ publishedAt: new Date(now - 49 * 3_600_000) })
  hidden = [
    await insertArticle({
      status: 'draft',
      publishedAt: new Date(now - 60_000),
      tagNames: [`Dr ${suffix}`],
    }),
    await insertArticle({ status: 'scheduled', publishedAt: new Date(now + 3_600_000) }),
    await insertArticle({ status: 'archived', publishedAt: new Date(now - 60_000) }),
  ]
  hostileTitle = `${XSS} news ${suffix}`
  hostile = await insertArticle({
    title: `${XSS}\u0007 news\u001B ${suffix}\u0000`,
    publishedAt: new Date(now - 600_000),
  })
  recentTag = await tagOf(recent.id)
  hiddenTag = await tagOf((hidden[0] as Article).id)
  const unpublished = await testDb()
    .select({ slug: articles.slug })
    .from(articles)
    .where(ne(articles.status, 'published'))
  hiddenSlugs = unpublished.map((row) => row.slug)
})

/** The highest published article id and tag id: what the index's file counts follow. */
async function newestIds() {
  const db = testDb()
  const [article] = await db
    .select({ id: max(articles.id) })
    .from(articles)
    .where(eq(articles.status, 'published'))
  const [tag] = await db.select({ id: max(tags.id) }).from(tags)
  return { article: article?.id ?? 0, tag: tag?.id ?? 0 }
}

const articleFile = (article: Article) => `/sitemaps/articles-${sitemapFileOf(article.id)}.xml`

describe('GET /sitemap.xml', () => {
  it('indexes every article and tag file, sections and news, in one round trip', async () => {
    const newest = await newestIds()
    const db = meteredDb()
    const response = await db.request('/sitemap.xml')
    expect(await db.roundTrips()).toBe(1)
    const doc = await parseXml(response)
    expect(doc.sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const files = (kind: string, id: number) =>
      Array.from(
        { length: Math.ceil(id / SITEMAP_IDS_PER_FILE) },
        (_, index) => `${ORIGIN}/sitemaps/${kind}-${index + 1}.xml`,
      )
    expect(doc.sitemapindex.sitemap.map((entry: Parsed) => entry.loc)).toEqual([
      ...files('articles', newest.article),
      `${ORIGIN}/sitemaps/sections.xml`,
      ...files('tags', newest.tag),
      `${ORIGIN}/sitemaps/news.xml`,
    ])
  })
})

describe('GET /sitemaps/articles-N.xml', () => {
  it('lists published stories with their last modification, and nothing unpublished', async () => {
    const db = meteredDb()
    const doc = await parseXml(await db.request(articleFile(recent)))
    expect(await db.roundTrips()).toBe(1)
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const entry = urls(doc).find((url) => url.loc === newsUrl(recent.slug))
    expect(entry.lastmod).toBe(recent.updatedAt.toISOString())
    const listed = [...new Set([recent, old, hostile].map(articleFile))]
    const all: string[] = []
    for (const path of listed) all.push(...locs(await parseXml(await request(path))))
    expect(all).toContain(newsUrl(old.slug))
    expect(hiddenSlugs.length).toBeGreaterThanOrEqual(3)
    for (const slug of hiddenSlugs) expect(all).not.toContain(newsUrl(slug))
  })

  it('answers 404 for a file past the last, file 0 and a padded number', async () => {
    const last = sitemapFileOf((await newestIds()).article)
    for (const file of [`articles-${last + 1}`, 'articles-0', 'articles-01', 'articles-x']) {
      expect((await request(`/sitemaps/${file}.xml`)).status).toBe(404)
    }
  })

  it('files every published story by its id, a file at most per range, with none left out', async () => {
    const db = testDb()
    const published = await db
      .select({ id: articles.id, slug: articles.slug })
      .from(articles)
      .where(eq(articles.status, 'published'))
      .orderBy(articles.id)
    const last = sitemapFileOf(published.at(-1)?.id ?? 0)
    const listed: string[] = []
    for (let file = 1; file <= last; file++) {
      const entries = (await listArticleSitemap(db, file)) ?? []
      expect(entries.length).toBeLessThanOrEqual(SITEMAP_IDS_PER_FILE)
      const inRange = published.filter((row) => sitemapFileOf(row.id) === file)
      expect(entries.map((entry) => entry.slug)).toEqual(inRange.map((row) => row.slug))
      listed.push(...entries.map((entry) => entry.slug))
    }
    expect(listed).toEqual(published.map((row) => row.slug))
    expect(await listArticleSitemap(db, last + 1)).toBeNull()
    expect(await listArticleSitemap(db, 0)).toBeNull()
  })

  it('numbers files from ids, so an article never changes file', () => {
    expect([0, 1, SITEMAP_IDS_PER_FILE, SITEMAP_IDS_PER_FILE + 1].map(sitemapFileOf)).toEqual([
      1, 1, 1, 2,
    ])
  })
})

describe('GET /sitemaps/tags-N.xml', () => {
  it('lists the tags of published stories only, in the file of their id, in one round trip', async () => {
    const db = meteredDb()
    const doc = await parseXml(
      await db.request(`/sitemaps/tags-${sitemapFileOf(recentTag.id)}.xml`),
    )
    expect(await db.roundTrips()).toBe(1)
    const entry = urls(doc).find((url) => url.loc === `${ORIGIN}/tag/${recentTag.slug}`)
    expect(entry.lastmod).toBe(recent.updatedAt.toISOString())
    const hiddenFile = await listTagSitemap(testDb(), sitemapFileOf(hiddenTag.id))
    expect(hiddenFile?.map((tag) => tag.slug)).not.toContain(hiddenTag.slug)
    expect(hiddenFile?.length).toBeLessThanOrEqual(SITEMAP_IDS_PER_FILE)
  })

  it('answers 404 for a file past the last tag', async () => {
    const last = sitemapFileOf((await newestIds()).tag)
    expect((await request(`/sitemaps/tags-${last + 1}.xml`)).status).toBe(404)
    expect((await request('/sitemaps/tags-0.xml')).status).toBe(404)
  })
})

describe('GET /sitemaps/sections.xml', () => {
  it('lists home and every category, and leaves the tags to their own files', async () => {
    const doc = await parseXml(await request('/sitemaps/sections.xml'))
    const listed = locs(doc)
    expect(listed[0]).toBe(`${ORIGIN}/`)
    expect(listed).toContain(`${ORIGIN}/category/international-news`)
    expect(listed).toContain(`${ORIGIN}/category/sports`)
    expect(listed.filter((loc) => loc.includes('/tag/'))).toEqual([])
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
