// What saving an article writes: the row, its tags (made on the fly), its pins and slug redirects.
import { eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../client'
import {
  type ArticleStatus,
  articles,
  articleTags,
  relatedPins,
  slugRedirects,
  tags,
} from '../schema'

export interface ArticleFields {
  slug: string
  title: string
  summary: string
  bodyMd: string
  bodyHtml: string
  categoryId: number
  byline: string
  imageUrl: string | null
  imageAlt: string
  imageWidth: number | null
  imageHeight: number | null
  language: string
  commentsClosed: boolean
}

export async function insertArticleRow(
  db: Db,
  fields: ArticleFields & { authorId: number; now: Date },
): Promise<number> {
  const { now, ...values } = fields
  const [row] = await db
    .insert(articles)
    .values({ ...values, status: 'draft', updatedAt: now, createdAt: now })
    .returning({ id: articles.id })
  if (!row) throw new Error('article insert returned nothing')
  return row.id
}

export function updateArticleQuery(
  db: Db,
  id: number,
  changes: Partial<ArticleFields> & {
    updatedAt: Date
    status?: ArticleStatus
    publishedAt?: Date | null
  },
) {
  return db.update(articles).set(changes).where(eq(articles.id, id))
}

/** Replaces the article's tags, creating the ones that do not exist yet. */
export function replaceTagsQueries(
  db: Db,
  articleId: number,
  wanted: { slug: string; name: string }[],
) {
  const slugs = wanted.map((tag) => tag.slug)
  return [
    ...(wanted.length > 0 ? [db.insert(tags).values(wanted).onConflictDoNothing()] : []),
    db.delete(articleTags).where(eq(articleTags.articleId, articleId)),
    db.insert(articleTags).select(
      db
        .select({ articleId: sql<number>`${articleId}`.as('article_id'), tagId: tags.id })
        .from(tags)
        .where(inArray(tags.slug, slugs.length > 0 ? slugs : [''])),
    ),
  ]
}

export function replacePinsQueries(db: Db, articleId: number, relatedIds: number[]) {
  return [
    db.delete(relatedPins).where(eq(relatedPins.articleId, articleId)),
    ...(relatedIds.length > 0
      ? [
          db
            .insert(relatedPins)
            .values(relatedIds.map((relatedId, i) => ({ articleId, position: i + 1, relatedId }))),
        ]
      : []),
  ]
}

/** After a slug change the old slug 301s here; a slug taken back stops being a redirect. */
export function moveSlugQueries(db: Db, articleId: number, oldSlug: string, newSlug: string) {
  return [
    db.delete(slugRedirects).where(eq(slugRedirects.oldSlug, newSlug)),
    db
      .insert(slugRedirects)
      .values({ oldSlug, articleId })
      .onConflictDoUpdate({ target: slugRedirects.oldSlug, set: { articleId } }),
  ]
}
