// RSS and Atom feeds: well-formed, newest first, published stories only, hostile text kept as data.
import { eq, ne } from 'drizzle-orm'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
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
  isArray: (name) => ['item', 'entry', 'category'].includes(name),
})

// biome-ignore lint/suspicious/noExplicitAny: parsed XML is untyped by nature
type Parsed = any

/** Parses strictly: well-formed, and no character XML 1.0 forbids (which the validator allows). */
async function parseXml(response: Response): Promise<Parsed> {
  const text = await response.text()
  expect(XMLValidator.validate(text)).toBe(true)
  expect(text).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u)
  return parser.parse(text)
}

const rssItems = (doc: Parsed): Parsed[] => doc.rss.channel.item ?? []
const atomEntries = (doc: Parsed): Parsed[] => doc.feed.entry ?? []
const newsUrl = (slug: string) => `${ORIGIN}/news/${slug}`

type Article = Awaited<ReturnType<typeof insertArticle>>
let older: Article
let newer: Article
let sports: Article
let hidden: Article[]
let hostile: Article
let hostileTag: string
let hostileTitle: string
let tagSlug: string
let hiddenSlugs: string[]

beforeAll(async () => {
  const suffix = uniqueSuffix()
  const now = Date.now()
  older = await insertArticle({
    publishedAt: new Date(now - 120_000),
    tagNames: [`Older ${suffix}`],
  })
  newer = await insertArticle({
    publishedAt: new Date(now - 60_000),
    tagNames: [`Newer ${suffix}`],
  })
  sports = await insertArticle({ categorySlug: 'sports', publishedAt: new Date(now - 90_000) })
  hidden = [
    await insertArticle({ status: 'draft', publishedAt: null }),
    await insertArticle({ status: 'scheduled', publishedAt: new Date(now + 3_600_000) }),
    await insertArticle({ status: 'archived', publishedAt: new Date(now - 30_000) }),
  ]
  hostileTag = `${XSS} tag ${suffix}`
  // libSQL reads text back only up to a NUL, so the NUL goes last, after the controls that survive.
  hostileTitle = `${XSS} title ${suffix}`
  hostile = await insertArticle({
    title: `${XSS}\u0007 title\u001B\uFFFE ${suffix}\u0000`,
    summary: `${XSS} summary`,
    byline: `${XSS} byline`,
    publishedAt: new Date(now - 45_000),
    tagNames: [hostileTag],
  })
  // Every story shares the first one's tag, so the tag feed must filter by status too.
  const db = testDb()
  const [tag] = await db
    .select({ id: tags.id, slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, older.id))
  if (!tag) throw new Error('fixture tag missing')
  tagSlug = tag.slug
  await db
    .insert(articleTags)
    .values([newer, sports, ...hidden].map((article) => ({ articleId: article.id, tagId: tag.id })))
  const unpublished = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(ne(articles.status, 'published'))
  hiddenSlugs = unpublished.map((row) => row.slug)
})

describe('GET /feed.xml', () => {
  it('is RSS 2.0 with the latest 30 published stories, newest first, in one round trip', async () => {
    const db = meteredDb()
    const response = await db.request('/feed.xml')
    expect(await db.roundTrips()).toBe(1)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')

    const doc = await parseXml(response)
    const channel = doc.rss.channel
    expect(doc.rss['@version']).toBe('2.0')
    expect(channel.title).toBe('Bulletin')
    expect(channel.link).toBe(`${ORIGIN}/`)
    expect(channel.description).toBe('Loyal to the facts')
    expect(channel.language).toBe('en')
    expect(Number.isNaN(Date.parse(channel.lastBuildDate))).toBe(false)
    expect(channel['atom:link']).toMatchObject({ '@rel': 'self', '@href': `${ORIGIN}/feed.xml` })

    const items = rssItems(doc)
    expect(items).toHaveLength(30)
    const dates = items.map((item) => Date.parse(item.pubDate))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    const links = items.map((item) => item.link)
    expect(links).toEqual(expect.arrayContaining([newsUrl(newer.slug), newsUrl(older.slug)]))
    expect(links.indexOf(newsUrl(newer.slug))).toBeLessThan(links.indexOf(newsUrl(older.slug)))
    for (const slug of hiddenSlugs) expect(links).not.toContain(newsUrl(slug))
  })

  it('describes each story: link, permalink guid, date, summary, byline, section, tags, body', async () => {
    const items = rssItems(await parseXml(await request('/feed.xml')))
    const item = items.find((entry) => entry.link === newsUrl(older.slug))
    expect(item.title).toBe(older.title)
    expect(item.guid).toEqual({ '#text': newsUrl(older.slug), '@isPermaLink': 'true' })
    expect(Date.parse(item.pubDate)).toBe(Math.floor(Number(older.publishedAt) / 1000) * 1000)
    expect(item.description).toBe(older.summary)
    expect(item['dc:creator']).toBe(older.byline)
    expect(item.category.map((category: Parsed) => category['#text'])).toEqual([
      'International News',
      expect.stringMatching(/^Older /),
    ])
    expect(item['content:encoded']).toBe(older.bodyHtml)
  })
})

describe('GET /atom.xml', () => {
  it('is Atom 1.0 with published and updated times, newest first, in one round trip', async () => {
    const db = meteredDb()
    const response = await db.request('/atom.xml')
    expect(await db.roundTrips()).toBe(1)
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')

    const doc = await parseXml(response)
    expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(doc.feed.title['#text']).toBe('Bulletin')
    expect(doc.feed.link).toContainEqual(
      expect.objectContaining({ '@rel': 'self', '@href': `${ORIGIN}/atom.xml` }),
    )
    const entries = atomEntries(doc)
    expect(entries).toHaveLength(30)
    const published = entries.map((entry) => Date.parse(entry.published))
    expect(published).toEqual([...published].sort((a, b) => b - a))
    for (const slug of hiddenSlugs) {
      expect(entries.map((entry) => entry.id)).not.toContain(newsUrl(slug))
    }

    const entry = entries.find((candidate) => candidate.id === newsUrl(older.slug))
    expect(entry.link['@href']).toBe(newsUrl(older.slug))
    expect(entry.published).toBe(older.publishedAt?.toISOString())
    expect(entry.updated).toBe(older.updatedAt.toISOString())
    expect(entry.author.name).toBe(older.byline)
    expect(entry.summary['#text']).toBe(older.summary)
    expect(entry.content).toEqual({ '#text': older.bodyHtml, '@type': 'html' })
    expect(entry.category.map((category: Parsed) => category['@term'])).toEqual([
      'international-news',
      tagSlug,
    ])
  })
})

describe('category feeds', () => {
  it('hold only that section, titled "Site — Section", in one round trip', async () => {
    const db = meteredDb()
    const response = await db.request('/category/sports/feed.xml')
    expect(await db.roundTrips()).toBe(1)
    const doc = await parseXml(response)
    expect(doc.rss.channel.title).toBe('Bulletin — Sports')
    expect(doc.rss.channel.link).toBe(`${ORIGIN}/category/sports`)
    const items = rssItems(doc)
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((item) => item.category[0]['#text'] === 'Sports')).toBe(true)
    expect(items.map((item) => item.link)).toContain(newsUrl(sports.slug))
    expect(items.map((item) => item.link)).not.toContain(newsUrl(older.slug))
  })

  it('come as Atom too', async () => {
    const response = await request('/category/sports/atom.xml')
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const entries = atomEntries(await parseXml(response))
    expect(entries.every((entry) => entry.category[0]['@term'] === 'sports')).toBe(true)
  })

  it('answer 404 for an unknown category', async () => {
    expect((await request('/category/no-such-section/feed.xml')).status).toBe(404)
    expect((await request('/category/no-such-section/atom.xml')).status).toBe(404)
  })
})

describe('tag feeds', () => {
  it('hold only the published stories with that tag, newest first, in one round trip', async () => {
    const db = meteredDb()
    const response = await db.request(`/tag/${tagSlug}/feed.xml`)
    expect(await db.roundTrips()).toBe(1)
    const doc = await parseXml(response)
    expect(doc.rss.channel.title).toMatch(/^Bulletin — Older /)
    expect(doc.rss.channel['atom:link']['@href']).toBe(`${ORIGIN}/tag/${tagSlug}/feed.xml`)
    expect(rssItems(doc).map((item) => item.link)).toEqual(
      [newer, sports, older].map((article) => newsUrl(article.slug)),
    )
  })

  it('come as Atom too', async () => {
    const entries = atomEntries(await parseXml(await request(`/tag/${tagSlug}/atom.xml`)))
    expect(entries.map((entry) => entry.id)).toEqual(
      [newer, sports, older].map((article) => newsUrl(article.slug)),
    )
  })

  it('answer 404 for an unknown tag', async () => {
    expect((await request('/tag/no-such-tag-anywhere/feed.xml')).status).toBe(404)
    expect((await request('/tag/no-such-tag-anywhere/atom.xml')).status).toBe(404)
  })
})

describe('hostile text', () => {
  it('reads back from RSS as the original text, not markup', async () => {
    expect(hostile.title).toContain('\u0007')
    const items = rssItems(await parseXml(await request('/feed.xml')))
    const item = items.find((entry) => entry.link === newsUrl(hostile.slug))
    expect(item.title).toBe(hostileTitle)
    expect(item.description).toBe(hostile.summary)
    expect(item['dc:creator']).toBe(hostile.byline)
    expect(item.category.map((category: Parsed) => category['#text'])).toContain(hostileTag)
  })

  it('reads back from Atom as the original text, not markup', async () => {
    const entries = atomEntries(await parseXml(await request('/atom.xml')))
    const entry = entries.find((candidate) => candidate.id === newsUrl(hostile.slug))
    expect(entry.title['#text']).toBe(hostileTitle)
    expect(entry.summary['#text']).toBe(hostile.summary)
    expect(entry.author.name).toBe(hostile.byline)
    expect(entry.category.map((category: Parsed) => category['@label'])).toContain(hostileTag)
  })

  it('titles a tag feed with the escaped tag name', async () => {
    const [tag] = await testDb()
      .select({ slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, hostile.id))
    const doc = await parseXml(await request(`/tag/${tag?.slug}/atom.xml`))
    expect(doc.feed.title['#text']).toBe(`Bulletin — ${hostileTag}`)
  })
})
