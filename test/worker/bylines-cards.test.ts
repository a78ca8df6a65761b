// Bylines on cards and in feeds: linked authors lead to their pages, free text stays as typed.
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { articleAuthors, articleTags, authors, tags } from '../../src/db/schema'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, request } from './helpers'

async function insertAuthor(name: string) {
  const suffix = uniqueSuffix()
  const [author] = await testDb()
    .insert(authors)
    .values({ slug: `card-author-${suffix}`, name: `${name} ${suffix}`, updatedAt: new Date() })
    .returning()
  if (!author) throw new Error('insert failed')
  return author
}

/** A story tagged with a tag of its own, so that its tag page lists it alone. */
async function taggedStory(byline: string, authorIds: number[] = []) {
  const article = await insertArticle({ byline, tagNames: ['Byline card'] })
  for (const [position, authorId] of authorIds.entries()) {
    await testDb().insert(articleAuthors).values({ articleId: article.id, authorId, position })
  }
  const [tag] = await testDb()
    .select({ slug: tags.slug })
    .from(tags)
    .innerJoin(articleTags, eq(articleTags.tagId, tags.id))
    .where(eq(articleTags.articleId, article.id))
  if (!tag) throw new Error('no tag')
  return { article, tagSlug: tag.slug }
}

function cardFor(page: ReturnType<typeof parse>, slug: string) {
  return page
    .querySelectorAll('.card')
    .find((card) => card.querySelector(`.card__title a[href="/news/${slug}"]`))
}

describe('bylines on cards', () => {
  it('links each author of a listed story to their page, in byline order, in one round trip', async () => {
    const first = await insertAuthor('Maya Card')
    const second = await insertAuthor('Omar Card')
    const { article, tagSlug } = await taggedStory('', [first.id, second.id])
    const db = meteredDb()
    const page = await html(await db.request(`/tag/${tagSlug}`))
    expect(await db.roundTrips()).toBe(1)
    const links = cardFor(page, article.slug)?.querySelectorAll('.card__byline a[rel="author"]')
    expect(links?.map((link) => link.getAttribute('href'))).toEqual([
      `/author/${first.slug}`,
      `/author/${second.slug}`,
    ])
    expect(links?.map((link) => link.text)).toEqual([first.name, second.name])
    expect(cardFor(page, article.slug)?.querySelector('.card__byline')?.text).toBe(
      `By ${first.name}, ${second.name}`,
    )
  })

  it('shows a free-text byline as typed, with no link, when the story has no author profile', async () => {
    const { article, tagSlug } = await taggedStory('By Staff, Agencies')
    const card = cardFor(await html(await request(`/tag/${tagSlug}`)), article.slug)
    expect(card?.querySelector('.card__byline')?.text).toBe('By Staff, Agencies')
    expect(card?.querySelectorAll('.card__byline a')).toHaveLength(0)
  })

  it('links the byline on the home page cards', async () => {
    const author = await insertAuthor('Rana Home')
    // Its own section's newest story, so it leads that section on home whatever other files,
    // running at the same time, publish at the top of the latest list.
    const article = await insertArticle({
      byline: `By ${author.name}`,
      categorySlug: 'opinion',
      publishedAt: new Date(),
    })
    await testDb().insert(articleAuthors).values({ articleId: article.id, authorId: author.id })
    const card = cardFor(await html(await request('/')), article.slug)
    const link = card?.querySelector('.card__byline a[rel="author"]')
    expect(link?.getAttribute('href')).toBe(`/author/${author.slug}`)
    expect(card?.querySelector('.card__byline')?.text).toBe(`By ${author.name}`)
  })
})

describe('bylines in feeds', () => {
  it('names every author of a story: dc:creator in RSS, author with its page in Atom', async () => {
    const first = await insertAuthor('Maya Feed')
    const second = await insertAuthor('Omar Feed')
    const { tagSlug } = await taggedStory('', [first.id, second.id])
    const rss = parse(await (await request(`/tag/${tagSlug}/feed.xml`)).text())
    const creators = rss.querySelectorAll('item dc\\:creator').map((creator) => creator.text)
    expect(creators).toEqual([first.name, second.name])
    const atom = parse(await (await request(`/tag/${tagSlug}/atom.xml`)).text())
    const entryAuthors = atom.querySelectorAll('entry author')
    expect(entryAuthors.map((author) => author.querySelector('name')?.text)).toEqual([
      first.name,
      second.name,
    ])
    expect(entryAuthors.map((author) => author.querySelector('uri')?.text)).toEqual([
      `http://bulletin.test/author/${first.slug}`,
      `http://bulletin.test/author/${second.slug}`,
    ])
  })
})
