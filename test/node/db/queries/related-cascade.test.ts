// Deleting an article takes its related rows with it, both ways, though the table has no foreign keys.
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articles, relatedArticles } from '../../../../src/db/schema'
import { addArticle, addCategory, freshDb } from '../fresh-db'

const NOW = Date.parse('2026-11-20T12:00:00Z')

describe('deleting an article', () => {
  it('removes its own related list and every pick of it in other lists, and nothing else', async () => {
    const db = await freshDb()
    const world = await addCategory(db, 'world')
    const [a, b, c] = [
      await addArticle(db, { slug: 'a', categoryId: world, publishedAt: NOW }),
      await addArticle(db, { slug: 'b', categoryId: world, publishedAt: NOW }),
      await addArticle(db, { slug: 'c', categoryId: world, publishedAt: NOW }),
    ]
    const pick = (articleId: number, rank: number, relatedId: number) => ({
      articleId,
      rank,
      relatedId,
      score: 1,
      reason: 'same section',
      computedAt: new Date(NOW),
    })
    await db
      .insert(relatedArticles)
      .values([pick(a, 1, b), pick(a, 2, c), pick(b, 1, a), pick(b, 2, c), pick(c, 1, b)])

    await db.delete(articles).where(eq(articles.id, b))

    const left = await db
      .select({ articleId: relatedArticles.articleId, relatedId: relatedArticles.relatedId })
      .from(relatedArticles)
      .orderBy(asc(relatedArticles.articleId), asc(relatedArticles.rank))
    expect(left).toEqual([{ articleId: a, relatedId: c }])
  })
})
