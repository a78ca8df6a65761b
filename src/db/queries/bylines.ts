// Linked bylines for lists: the authors of a bounded set of article ids, read in the list's batch.
import { asc, eq, inArray, type SQLWrapper } from 'drizzle-orm'
import type { BylineAuthor } from '../../lib/byline'
import type { Db } from '../client'
import { articleAuthors, authors } from '../schema'

export interface BylineRow extends BylineAuthor {
  articleId: number
}

/**
 * The linked authors of the articles `ids` selects, in byline order. `ids` is the page's own id
 * subquery (a few dozen rows at most), so the author list is never read whole.
 */
export function bylineAuthorsQuery(db: Db, ids: SQLWrapper) {
  return db
    .select({ articleId: articleAuthors.articleId, slug: authors.slug, name: authors.name })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(inArray(articleAuthors.articleId, ids))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position))
}

/** Groups byline rows by article id, keeping their order. */
export function groupBylines(rows: BylineRow[]): Map<number, BylineAuthor[]> {
  const byArticle = new Map<number, BylineAuthor[]>()
  for (const { articleId, slug, name } of rows) {
    const list = byArticle.get(articleId) ?? []
    list.push({ slug, name })
    byArticle.set(articleId, list)
  }
  return byArticle
}

/** Gives each list item its linked authors (none when only the free-text byline names anyone). */
export function attachBylines<T extends { id: number }>(
  items: T[],
  rows: BylineRow[],
): (T & { authors: BylineAuthor[] })[] {
  const bylines = groupBylines(rows)
  return items.map((item) => ({ ...item, authors: bylines.get(item.id) ?? [] }))
}
