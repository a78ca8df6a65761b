// Category and tag pages at scale: counts kept by triggers on every write, and every page's rows.
import type { Client, InStatement } from '@libsql/client'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/db/client'
import {
  replaceTagsQueries,
  updateArticleQuery,
} from '../../../../src/db/queries/editor-article-writes'
import {
  loadCategoryPage,
  loadTagPage,
  SECTION_PAGE_SIZE,
} from '../../../../src/db/queries/sections'
import { articles, articleTags, categories, tags } from '../../../../src/db/schema'
import { addArticle, addCategory, addTag, freshDb } from '../fresh-db'

const DAY = 86_400_000

/** Each category's and tag's stored count, checked against a count of the articles themselves. */
async function storedCounts(db: Db): Promise<Record<string, number>> {
  const truth = await db.all<{ slug: string; n: number }>(sql`
    select c.slug, (select count(*) from ${articles} a
      where a.category_id = c.id and a.status = 'published') as n from ${categories} c
    union all
    select '#' || t.slug, (select count(*) from ${articleTags} at join ${articles} a
      on a.id = at.article_id where at.tag_id = t.id and a.status = 'published') from ${tags} t`)
  const stored = [
    ...(await db.select({ slug: categories.slug, n: categories.publishedCount }).from(categories)),
    ...(await db.select({ slug: tags.slug, n: tags.publishedCount }).from(tags)).map((row) => ({
      ...row,
      slug: `#${row.slug}`,
    })),
  ]
  const counts = Object.fromEntries(stored.map((row) => [row.slug, row.n]))
  expect(counts).toEqual(Object.fromEntries(truth.map((row) => [row.slug, row.n])))
  return counts
}

describe('published counts per category and tag', () => {
  it('stay right through publish, unpublish, a new category, retagging and deletion', async () => {
    const db = await freshDb()
    const world = await addCategory(db, 'world')
    const sport = await addCategory(db, 'sport')
    const [port, rail] = [await addTag(db, 'Port'), await addTag(db, 'Rail')]
    const a = await addArticle(db, {
      slug: 'a',
      categoryId: world,
      publishedAt: DAY,
      tagIds: [port],
    })
    const b = await addArticle(db, {
      slug: 'b',
      categoryId: world,
      publishedAt: 2 * DAY,
      tagIds: [port, rail],
    })
    const draft = await addArticle(db, {
      slug: 'draft',
      categoryId: world,
      status: 'draft',
      publishedAt: 3 * DAY,
      tagIds: [port],
    })
    expect(await storedCounts(db)).toEqual({ world: 2, sport: 0, '#port': 2, '#rail': 1 })

    const save = (id: number, changes: Parameters<typeof updateArticleQuery>[2]) =>
      updateArticleQuery(db, id, changes)
    await save(draft, { status: 'published', updatedAt: new Date() })
    expect(await storedCounts(db)).toEqual({ world: 3, sport: 0, '#port': 3, '#rail': 1 })

    await save(a, { status: 'archived', updatedAt: new Date() })
    expect(await storedCounts(db)).toEqual({ world: 2, sport: 0, '#port': 2, '#rail': 1 })

    await save(b, { categoryId: sport, updatedAt: new Date() })
    expect(await storedCounts(db)).toEqual({ world: 1, sport: 1, '#port': 2, '#rail': 1 })

    // Moving an unpublished story moves no count; publishing it later counts it where it is now.
    await save(a, { categoryId: sport, updatedAt: new Date() })
    expect(await storedCounts(db)).toEqual({ world: 1, sport: 1, '#port': 2, '#rail': 1 })

    const retag = replaceTagsQueries(db, b, [
      { slug: 'rail', name: 'Rail' },
      { slug: 'ferry', name: 'Ferry' },
    ])
    await db.batch([save(b, { updatedAt: new Date() }), ...retag])
    expect(await storedCounts(db)).toEqual({
      world: 1,
      sport: 1,
      '#port': 1,
      '#rail': 1,
      '#ferry': 1,
    })

    await save(a, { status: 'published', publishedAt: new Date(5 * DAY), updatedAt: new Date() })
    await save(b, { status: 'scheduled', updatedAt: new Date() })
    expect(await storedCounts(db)).toEqual({
      world: 1,
      sport: 1,
      '#port': 2,
      '#rail': 0,
      '#ferry': 0,
    })

    await db.delete(articles).where(eq(articles.id, draft))
    await db.delete(articles).where(eq(articles.id, b))
    expect(await storedCounts(db)).toEqual({
      world: 0,
      sport: 1,
      '#port': 1,
      '#rail': 0,
      '#ferry': 0,
    })
    expect(await db.select().from(articleTags)).toHaveLength(1)
  })

  it('count a tag row written with a stale copy of its article as the article stands', async () => {
    const db = await freshDb()
    const category = await addCategory(db, 'world')
    const tag = await addTag(db, 'Port')
    const id = await addArticle(db, { slug: 'a', categoryId: category, publishedAt: DAY })
    await db.insert(articleTags).values({ articleId: id, tagId: tag, status: 'draft' })
    const [row] = await db.select().from(articleTags)
    expect(row).toMatchObject({ status: 'published', publishedAt: new Date(DAY) })
    expect(await storedCounts(db)).toEqual({ world: 1, '#port': 1 })
  })
})

/** 47 stories, some sharing a publish time, with drafts between them; the tag is on every third. */
async function addSection(db: Db) {
  const category = await addCategory(db, 'world')
  const tag = await addTag(db, 'Port')
  const published: { id: number; at: number; tagged: boolean }[] = []
  for (let n = 0; n < 52; n++) {
    const at = Math.floor(n / 3) * DAY // ties, broken by id
    const tagged = n % 3 !== 1
    const status = n % 10 === 4 ? 'draft' : 'published'
    const tagIds = tagged ? [tag] : []
    const id = await addArticle(db, {
      slug: `s-${n}`,
      categoryId: category,
      publishedAt: at,
      status,
      tagIds,
    })
    if (status === 'published') published.push({ id, at, tagged })
  }
  const newestFirst = published.sort((x, y) => y.at - x.at || y.id - x.id)
  return {
    all: newestFirst.map((story) => story.id),
    tagged: newestFirst.filter((story) => story.tagged).map((story) => story.id),
  }
}

function pagesOf(ids: number[]): number[][] {
  const pages: number[][] = []
  for (let i = 0; i < ids.length; i += SECTION_PAGE_SIZE)
    pages.push(ids.slice(i, i + SECTION_PAGE_SIZE))
  return pages
}

describe('section and tag pages', () => {
  it('list every page newest first, the back half read from the oldest end, and nothing past the end', async () => {
    const db = await freshDb()
    const { all, tagged } = await addSection(db)
    expect(all).toHaveLength(47)
    expect(tagged).toHaveLength(32)
    for (const [load, ids] of [
      [(page: number) => loadCategoryPage(db, 'world', page, 'en'), all],
      [(page: number) => loadTagPage(db, 'port', page, 'en'), tagged],
    ] as const) {
      const pages = pagesOf(ids)
      for (const [i, expected] of pages.entries()) {
        const data = await load(i + 1)
        expect(data?.total).toBe(ids.length)
        expect(data?.items.map((item) => item.id)).toEqual(expected)
      }
      expect((await load(pages.length + 1))?.items).toEqual([])
    }
    expect(await loadCategoryPage(db, 'nowhere', 1, 'en')).toBeNull()
    expect(await loadTagPage(db, 'nothing', 2, 'en')).toBeNull()
  })

  it('read a page from the section index, never walking or sorting all published stories', async () => {
    const db = await freshDb()
    await addSection(db)
    const client = db.$client as Client
    const statements: InStatement[] = []
    const batch = client.batch.bind(client)
    client.batch = (list, mode) => {
      statements.push(...(list as InStatement[]))
      return batch(list, mode)
    }
    await loadCategoryPage(db, 'world', 2, 'en')
    await loadTagPage(db, 'port', 2, 'en')
    const plans = await Promise.all(
      statements.map(async (statement) => {
        const { sql, args } = statement as { sql: string; args: unknown[] }
        const plan = await client.execute({ sql: `explain query plan ${sql}`, args: args as [] })
        return plan.rows.map((row) => String(row.detail)).join('\n')
      }),
    )
    const all = plans.join('\n')
    expect(all).not.toMatch(/articles_status_published_idx/)
    expect(all).toMatch(
      /SEARCH articles USING COVERING INDEX articles_category_language_status_published_idx/,
    )
    expect(all).toMatch(
      /SEARCH article_tags USING COVERING INDEX article_tags_tag_language_status_published_idx/,
    )
    expect(all).not.toMatch(/SCAN articles/)
    // The page links come from the stored counts.
    expect(
      statements.map((statement) => (statement as { sql: string }).sql).join('\n'),
    ).not.toMatch(/count\(/i)
  })
})
