// The favorites fragment's data: published articles by id, in the reader's own order.
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, categories } from '../schema'
import { type ArticleSummary, articleSummaryColumns, isPublic } from './articles'

export async function listArticlesByIds(db: Db, ids: number[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select(articleSummaryColumns)
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(inArray(articles.id, ids), isPublic))
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
