// The triggers of migrations/0010: each edition's sections and tags count their own published articles.
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/client'
import { articles, articleTags, categoryEditions, tagEditions } from '../../../src/db/schema'
import { addArticle, addCategory, addTag, freshDb } from '../db/fresh-db'

async function sectionCount(db: Db, categoryId: number, language: string) {
  const [row] = await db
    .select()
    .from(categoryEditions)
    .where(
      and(eq(categoryEditions.categoryId, categoryId), eq(categoryEditions.language, language)),
    )
  return row?.publishedCount ?? 0
}

async function tagCount(db: Db, tagId: number, language: string) {
  const [row] = await db
    .select()
    .from(tagEditions)
    .where(and(eq(tagEditions.tagId, tagId), eq(tagEditions.language, language)))
  return row?.publishedCount ?? 0
}

describe('edition counts', () => {
  it('counts published articles per section and tag in their own edition', async () => {
    const db = await freshDb()
    const world = await addCategory(db, 'world')
    const gaza = await addTag(db, 'Gaza')
    await addArticle(db, { slug: 'a', categoryId: world, publishedAt: 1, tagIds: [gaza] })
    await addArticle(db, { slug: 'b', categoryId: world, publishedAt: 2, tagIds: [gaza] })
    const arabic = await addArticle(db, { slug: 'c', categoryId: world, publishedAt: 3 })
    await db.update(articles).set({ language: 'ar' }).where(eq(articles.id, arabic))
    await db.insert(articleTags).values({ articleId: arabic, tagId: gaza })

    expect(await sectionCount(db, world, 'en')).toBe(2)
    expect(await sectionCount(db, world, 'ar')).toBe(1)
    expect(await tagCount(db, gaza, 'en')).toBe(2)
    expect(await tagCount(db, gaza, 'ar')).toBe(1)
  })

  it('moves the counts when an article changes edition, is unpublished or deleted', async () => {
    const db = await freshDb()
    const world = await addCategory(db, 'world')
    const gaza = await addTag(db, 'Gaza')
    const id = await addArticle(db, {
      slug: 'a',
      categoryId: world,
      publishedAt: 1,
      tagIds: [gaza],
    })

    await db.update(articles).set({ language: 'fr' }).where(eq(articles.id, id))
    expect([await sectionCount(db, world, 'en'), await sectionCount(db, world, 'fr')]).toEqual([
      0, 1,
    ])
    expect([await tagCount(db, gaza, 'en'), await tagCount(db, gaza, 'fr')]).toEqual([0, 1])
    const [copy] = await db.select().from(articleTags).where(eq(articleTags.articleId, id))
    expect(copy?.language).toBe('fr')

    await db.update(articles).set({ status: 'draft' }).where(eq(articles.id, id))
    expect([await sectionCount(db, world, 'fr'), await tagCount(db, gaza, 'fr')]).toEqual([0, 0])

    await db.update(articles).set({ status: 'published' }).where(eq(articles.id, id))
    await db.delete(articles).where(eq(articles.id, id))
    expect([await sectionCount(db, world, 'fr'), await tagCount(db, gaza, 'fr')]).toEqual([0, 0])
  })

  it('keeps a translated section name when the count changes', async () => {
    const db = await freshDb()
    const world = await addCategory(db, 'world')
    await db.insert(categoryEditions).values({ categoryId: world, language: 'ar', name: 'دولي' })
    const id = await addArticle(db, { slug: 'a', categoryId: world, publishedAt: 1 })
    await db.update(articles).set({ language: 'ar' }).where(eq(articles.id, id))
    const [row] = await db
      .select()
      .from(categoryEditions)
      .where(eq(categoryEditions.language, 'ar'))
    expect(row).toMatchObject({ name: 'دولي', publishedCount: 1 })
  })
})
