// Writes a related-list refresh: the new picks replace an article's whole list.
import { inArray } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../client'
import { relatedArticles } from '../schema'
import type { StoredPick } from './related-inputs'

const ROWS_PER_INSERT = 100
/**
 * Lists one write round trip replaces. It was set while each inserted pick's foreign-key checks
 * read its two articles' table pages (a whole 200-list chunk then came near 1 s on a cold
 * million-article archive); the table has no foreign keys since migration 0017, but each pick
 * still lands at a random place in `related_articles_related_idx`.
 */
export const LISTS_PER_WRITE = 100

/** Replaces the lists of these articles with new picks: one delete and a few inserts. */
export function replaceRelatedListsQueries(
  db: Db,
  lists: readonly { articleId: number; picks: readonly StoredPick[] }[],
  computedAt: Date,
): BatchItem<'sqlite'>[] {
  if (lists.length === 0) return []
  const rows = lists.flatMap(({ articleId, picks }) =>
    picks.map((pick) => ({ articleId, ...pick, computedAt })),
  )
  const inserts: BatchItem<'sqlite'>[] = []
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    inserts.push(db.insert(relatedArticles).values(rows.slice(i, i + ROWS_PER_INSERT)))
  }
  const ids = lists.map((list) => list.articleId)
  return [db.delete(relatedArticles).where(inArray(relatedArticles.articleId, ids)), ...inserts]
}
