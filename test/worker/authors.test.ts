// Authors end to end: bylines linking to /author/:slug, the author page, its JSON-LD and feeds.
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { articleAuthors, authors } from '../../src/db/schema'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, request } from './helpers'

const REFERENCE = '/news/kremlin-first-putin-macron-conversation-since-2022'

function jsonLd(page: ReturnType<typeof parse>, type: string) {
  return page
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.textContent))
    .find((data) => data['@type'] === type)
}

/** A published story by a new author, linked through article_authors. */
async function storyByNewAuthor(byline?: string) {
  const suffix = uniqueSuffix()
  const name = `Rana Test ${suffix}`
  const [author] = await testDb()
    .insert(authors)
    .values({
      slug: `rana-test-${suffix}`,
      name,
      jobTitle: 'Correspondent',
      bioHtml: '<p>Reports <em>carefully</em>.</p>',
      links: JSON.stringify([{ label: 'Website', url: 'https://example.org/rana' }]),
      sourceSlug: `old-rana-${suffix}`,
      updatedAt: new Date(),
    })
    .returning()
  if (!author) throw new Error('insert failed')
  const article = await insertArticle({ byline: byline ?? `By ${name}` })
  await testDb().insert(articleAuthors).values({ articleId: article.id, authorId: author.id })
  return { author, article }
}

describe('bylines', () => {
  it('keeps the reference article byline exactly as it is, with no link', async () => {
    const page = await html(await request(REFERENCE))
    const byline = page.querySelector('.article__byline')
    expect(byline?.text).toBe('By Staff, Agencies')
    expect(byline?.querySelectorAll('a')).toHaveLength(0)
  })

  it('links a seeded named author in the byline to their page', async () => {
    const [link] = await testDb()
      .select({ slug: authors.slug, name: authors.name })
      .from(articleAuthors)
      .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
      .limit(1)
    expect(link).toBeDefined()
    const page = await html(await request(`/author/${link?.slug}`))
    const first = page.querySelector('.card__title a')?.getAttribute('href')
    const article = await html(await request(first ?? ''))
    const anchor = article.querySelector('.article__byline a[rel="author"]')
    expect(anchor?.text).toBe(link?.name)
    expect(anchor?.getAttribute('href')).toBe(`/author/${link?.slug}`)
  })

  it('puts linked authors in the article JSON-LD, still in one round trip', async () => {
    const { author, article } = await storyByNewAuthor()
    const db = meteredDb()
    const page = await html(await db.request(`/news/${article.slug}`))
    expect(await db.roundTrips()).toBe(1)
    expect(page.querySelector('.article__byline')?.text).toBe(`By ${author.name}`)
    expect(jsonLd(page, 'NewsArticle').author).toEqual([
      { '@type': 'Person', name: author.name, url: `http://bulletin.test/author/${author.slug}` },
    ])
  })

  it('appends a linked author the free-text byline does not name, keeping the text', async () => {
    const { author, article } = await storyByNewAuthor('By Staff, Agencies')
    const page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelector('.article__byline')?.text).toBe(`By Staff, Agencies · ${author.name}`)
  })
})

describe('GET /author/:slug', () => {
  it('shows the bio, role, links and published stories with ProfilePage JSON-LD', async () => {
    const { author, article } = await storyByNewAuthor()
    const draft = await insertArticle({ status: 'draft' })
    await testDb().insert(articleAuthors).values({ articleId: draft.id, authorId: author.id })
    const db = meteredDb()
    const response = await db.request(`/author/${author.slug}`)
    expect(response.status).toBe(200)
    expect(await db.roundTrips()).toBe(1)
    const page = await html(response)
    expect(page.querySelector('h1')?.text).toBe(author.name)
    expect(page.querySelector('.author-profile__role')?.text).toBe('Correspondent')
    expect(page.querySelector('.author-profile__bio em')?.text).toBe('carefully')
    const titles = page.querySelectorAll('.card__title a').map((a) => a.getAttribute('href'))
    expect(titles).toEqual([`/news/${article.slug}`])
    const profile = jsonLd(page, 'ProfilePage')
    expect(profile.mainEntity).toMatchObject({
      '@type': 'Person',
      name: author.name,
      jobTitle: 'Correspondent',
      sameAs: ['https://example.org/rana'],
    })
    const feeds = page.querySelectorAll('link[rel="alternate"]').map((l) => l.getAttribute('href'))
    expect(feeds).toContain(`/author/${author.slug}/feed.xml`)
  })

  it('redirects an imported old slug to the current one', async () => {
    const { author } = await storyByNewAuthor()
    const response = await request(`/author/${author.sourceSlug}`, { redirect: 'manual' })
    expect(response.status).toBe(301)
    expect(response.headers.get('Location')).toBe(`/author/${author.slug}`)
  })

  it('answers 404 for an unknown author and for a page past the end', async () => {
    expect((await request('/author/nobody-at-all-here')).status).toBe(404)
    const { author } = await storyByNewAuthor()
    expect((await request(`/author/${author.slug}?page=2`)).status).toBe(404)
    expect((await request(`/author/${author.slug}?page=abc`)).status).toBe(404)
  })
})

describe('author feeds', () => {
  it('lists the author stories in RSS with dc:creator and in Atom with the author page', async () => {
    const { author, article } = await storyByNewAuthor()
    const rss = parse(await (await request(`/author/${author.slug}/feed.xml`)).text())
    const items = rss.querySelectorAll('item')
    expect(items).toHaveLength(1)
    expect(items[0]?.querySelector('dc\\:creator')?.text).toBe(author.name)
    const atom = await request(`/author/${author.slug}/atom.xml`)
    expect(atom.headers.get('Content-Type')).toContain('application/atom+xml')
    const entry = parse(await atom.text()).querySelector('entry')
    expect(entry?.querySelector('author uri')?.text).toBe(
      `http://bulletin.test/author/${author.slug}`,
    )
    expect(entry?.querySelector('id')?.text).toContain(article.slug)
  })

  it('answers 404 for the feed of an unknown author', async () => {
    expect((await request('/author/nobody-at-all-here/feed.xml')).status).toBe(404)
  })
})
