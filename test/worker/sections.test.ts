// Category and tag pages: 20 published stories a page, numbered links, 404s past the end, one batch.
import { inArray, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articles, articleTags, categories, tags } from '../../src/db/schema'
import { testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, ORIGIN, request } from './helpers'

const HOUR = 3_600_000
/** Fixtures are a year old so they never crowd the home page's latest list, which other files read. */
const YEAR_AGO = Date.now() - 365 * 24 * HOUR

const created = { categories: [] as number[], tags: [] as number[] }

/** Deletes test sections and their stories: other files compare the navigation with the home page. */
async function removeCategories(ids: number[]) {
  const db = testDb()
  await db.delete(articles).where(inArray(articles.categoryId, ids))
  await db.delete(categories).where(inArray(categories.id, ids))
}

afterAll(async () => {
  await testDb().delete(tags).where(inArray(tags.id, created.tags))
  await removeCategories(created.categories)
})

interface Section {
  id: number
  slug: string
  name: string
  /** Published titles, newest first. */
  titles: string[]
  hidden: string[]
}

/** A new category with `count` published stories an hour apart, plus a draft, a scheduled and an archived one. */
async function createCategory(count: number): Promise<Section> {
  const db = testDb()
  const suffix = uniqueSuffix()
  const [category] = await db
    .insert(categories)
    .values({ slug: `section-${suffix}`, name: `Section ${suffix}`, position: 1000 })
    .returning()
  if (!category) throw new Error('insert failed')
  created.categories.push(category.id)
  const now = Date.now()
  const story = (
    title: string,
    status: 'published' | 'draft' | 'scheduled' | 'archived',
    at: number,
  ) => ({
    slug: `${title.toLowerCase().replace(/\s+/g, '-')}`,
    title,
    categoryId: category.id,
    status,
    publishedAt: new Date(at),
    updatedAt: new Date(at),
  })
  const titles = Array.from({ length: count }, (_, index) => `Section ${suffix} story ${index + 1}`)
  const hidden = ['draft', 'scheduled', 'archived'].map((status) => `Section ${suffix} ${status}`)
  const rows = [
    ...titles.map((title, index) => story(title, 'published', YEAR_AGO - (index + 1) * HOUR)),
    // Newer than every published story, so only the status can keep them out.
    story(hidden[0] as string, 'draft', YEAR_AGO),
    story(hidden[1] as string, 'scheduled', now + 24 * HOUR),
    story(hidden[2] as string, 'archived', YEAR_AGO),
  ]
  if (rows.length > 0) await db.insert(articles).values(rows)
  return { id: category.id, slug: category.slug, name: category.name, titles, hidden }
}

function cardTitles(page: Awaited<ReturnType<typeof html>>) {
  return page.querySelectorAll('.card__title a').map((link) => link.text)
}

function pageLinks(page: Awaited<ReturnType<typeof html>>) {
  return page.querySelectorAll('nav[aria-label="Pagination"] li').map((item) => item.text.trim())
}

describe('GET /category/:slug', () => {
  // 150 stories: 8 pages, the last with 10.
  let section: Section
  beforeAll(async () => {
    section = await createCategory(150)
  })

  it('shows the newest 20 published stories in one database round trip', async () => {
    const db = meteredDb()
    const response = await db.request(`/category/${section.slug}`)
    expect(response.status).toBe(200)
    expect(await db.roundTrips()).toBe(1)

    const page = await html(response)
    expect(page.querySelector('h1')?.text).toBe(section.name)
    expect(cardTitles(page)).toEqual(section.titles.slice(0, 20))
    for (const title of section.hidden) expect(page.text).not.toContain(title)
    expect(page.querySelector('.site-nav a[aria-current="page"]')?.text).toBe(section.name)
  })

  it('advertises its canonical URL, next page, description and feeds in <head>', async () => {
    const head = (await html(await request(`/category/${section.slug}`))).querySelector('head')
    const base = `/category/${section.slug}`
    expect(head?.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${ORIGIN}${base}`,
    )
    expect(head?.querySelector('link[rel="prev"]')).toBeNull()
    expect(head?.querySelector('link[rel="next"]')?.getAttribute('href')).toBe(
      `${ORIGIN}${base}?page=2`,
    )
    expect(head?.querySelector('meta[name="description"]')?.getAttribute('content')).toContain(
      section.name,
    )
    const rss = head?.querySelector(`link[rel="alternate"][href="${base}/feed.xml"]`)
    expect(rss?.getAttribute('type')).toBe('application/rss+xml')
    expect(rss?.getAttribute('title')).toContain(section.name)
    const atom = head?.querySelector(`link[rel="alternate"][href="${base}/atom.xml"]`)
    expect(atom?.getAttribute('type')).toBe('application/atom+xml')
  })

  it('links page 2 back to the bare URL of page 1 and on to page 3', async () => {
    const response = await request(`/category/${section.slug}?page=2`)
    expect(response.status).toBe(200)
    const page = await html(response)
    const base = `${ORIGIN}/category/${section.slug}`
    expect(cardTitles(page)).toEqual(section.titles.slice(20, 40))
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${base}?page=2`)
    expect(page.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe(base)
    expect(page.querySelector('link[rel="next"]')?.getAttribute('href')).toBe(`${base}?page=3`)

    const nav = page.querySelector('nav[aria-label="Pagination"]')
    expect(nav?.querySelector('a[aria-current="page"]')?.text).toBe('2')
    expect(nav?.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(
      `/category/${section.slug}`,
    )
    expect(nav?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(
      `/category/${section.slug}?page=3`,
    )
  })

  it('numbers the pages around the current one and elides long ranges', async () => {
    const first = await html(await request(`/category/${section.slug}`))
    expect(pageLinks(first)).toEqual(['1', '2', '…', '8', 'Next →'])
    const middle = await html(await request(`/category/${section.slug}?page=5`))
    expect(pageLinks(middle)).toEqual(['← Previous', '1', '…', '4', '5', '6', '7', '8', 'Next →'])
  })

  it('ends on a last page with the remainder and no next link', async () => {
    const page = await html(await request(`/category/${section.slug}?page=8`))
    expect(cardTitles(page)).toEqual(section.titles.slice(140))
    expect(page.querySelector('link[rel="next"]')).toBeNull()
    expect(page.querySelector('nav[aria-label="Pagination"] a[rel="next"]')).toBeNull()
  })

  it.each(['9', '0', '-1', 'abc', '1.5', '', '1e1', '02', '99999999999999999999'])(
    'answers ?page=%j with a 404, not an empty page',
    async (value) => {
      const response = await request(`/category/${section.slug}?page=${value}`)
      expect(response.status).toBe(404)
      expect((await html(response)).querySelector('h1')?.text).toBe('Page not found')
    },
  )

  it('shows an empty category as a first page with a friendly message, and 404 after it', async () => {
    const empty = await createCategory(0)
    // A section with no stories has no block on the home page, so it is removed straight away.
    const [response, second] = await Promise.all([
      request(`/category/${empty.slug}`),
      request(`/category/${empty.slug}?page=2`),
    ]).finally(() => removeCategories([empty.id]))
    expect(response.status).toBe(200)
    const page = await html(response)
    expect(page.querySelector('.section-empty')?.text).toContain('No stories yet')
    expect(page.querySelectorAll('.card')).toHaveLength(0)
    expect(page.querySelector('nav[aria-label="Pagination"]')).toBeNull()
    expect(page.querySelector('link[rel="next"]')).toBeNull()
    expect(second.status).toBe(404)
  })

  it('answers an unknown category with a 404', async () => {
    const response = await request(`/category/no-such-section-${uniqueSuffix()}`)
    expect(response.status).toBe(404)
  })
})

describe('GET /tag/:slug', () => {
  let tag: { slug: string; name: string; titles: string[]; hidden: string[] }
  beforeAll(async () => {
    const section = await createCategory(25)
    const db = testDb()
    const suffix = uniqueSuffix()
    const [row] = await db
      .insert(tags)
      .values({ slug: `topic-${suffix}`, name: `Topic ${suffix}` })
      .returning()
    if (!row) throw new Error('insert failed')
    created.tags.push(row.id)
    const ours = await db
      .select({ id: articles.id })
      .from(articles)
      .where(like(articles.title, `${section.name} %`))
    await db.insert(articleTags).values(ours.map(({ id }) => ({ articleId: id, tagId: row.id })))
    tag = { slug: row.slug, name: row.name, titles: section.titles, hidden: section.hidden }
  })

  it('shows the newest 20 published stories with the tag in one database round trip', async () => {
    const db = meteredDb()
    const response = await db.request(`/tag/${tag.slug}`)
    expect(response.status).toBe(200)
    expect(await db.roundTrips()).toBe(1)

    const page = await html(response)
    expect(page.querySelector('h1')?.text).toContain(tag.name)
    expect(cardTitles(page)).toEqual(tag.titles.slice(0, 20))
    for (const title of tag.hidden) expect(page.text).not.toContain(title)
    expect(page.querySelector('.site-nav a[aria-current="page"]')).toBeNull()
    expect(page.querySelector('link[rel="next"]')?.getAttribute('href')).toBe(
      `${ORIGIN}/tag/${tag.slug}?page=2`,
    )
    const feeds = page.querySelectorAll('head link[rel="alternate"]').map((link) => ({
      type: link.getAttribute('type'),
      href: link.getAttribute('href'),
    }))
    expect(feeds).toEqual([
      { type: 'application/rss+xml', href: '/feed.xml' },
      { type: 'application/atom+xml', href: '/atom.xml' },
      { type: 'application/rss+xml', href: `/tag/${tag.slug}/feed.xml` },
      { type: 'application/atom+xml', href: `/tag/${tag.slug}/atom.xml` },
    ])
  })

  it('has a second page with the rest and nothing after it', async () => {
    const page = await html(await request(`/tag/${tag.slug}?page=2`))
    expect(cardTitles(page)).toEqual(tag.titles.slice(20))
    expect(page.querySelector('nav[aria-label="Pagination"] a[aria-current="page"]')?.text).toBe(
      '2',
    )
    expect((await request(`/tag/${tag.slug}?page=3`)).status).toBe(404)
  })

  it('answers an unknown tag with a 404', async () => {
    expect((await request(`/tag/no-such-tag-${uniqueSuffix()}`)).status).toBe(404)
  })
})
