// What saving an article writes: the row, its tags (made on the fly), its pins and slug redirects.
import { eq, inArray, type SQL, sql } from 'drizzle-orm'
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

/** The insert of a new draft, returning its id; the caller batches it with the rest of the save. */
export function insertArticleQuery(
  db: Db,
  fields: ArticleFields & { authorId: number; now: Date },
) {
  const { now, ...values } = fields
  return db
    .insert(articles)
    .values({ ...values, status: 'draft', updatedAt: now, createdAt: now })
    .returning({ id: articles.id })
}

/**
 * A new article's id inside the batch that inserts it, before anyone knows the number: slugs are
 * unique, so the slug finds the row. This keeps a whole save to one batch, one transaction.
 */
export function articleIdBySlug(slug: string): SQL<number> {
  return sql<number>`(select ${articles.id} from ${articles} where ${articles.slug} = ${slug})`
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
  articleId: number | SQL<number>,
  wanted: { slug: string; name: string }[],
) {
  const slugs = wanted.map((tag) => tag.slug)
  return [
    ...(wanted.length > 0 ? [db.insert(tags).values(wanted).onConflictDoNothing()] : []),
    db.delete(articleTags).where(eq(articleTags.articleId, articleId)),
    db.insert(articleTags).select(
      db
        .select({
          articleId: sql<number>`${articleId}`.as('article_id'),
          tagId: tags.id,
          // A trigger copies the article's status, published_at (migrations/0004) and language (0010).
          status: sql<null>`null`.as('status'),
          publishedAt: sql<null>`null`.as('published_at'),
          language: sql<null>`null`.as('language'),
        })
        .from(tags)
        .where(inArray(tags.slug, slugs.length > 0 ? slugs : [''])),
    ),
  ]
}

export function replacePinsQueries(db: Db, articleId: number | SQL<number>, relatedIds: number[]) {
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
