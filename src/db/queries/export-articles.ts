// Keyset pages of articles for the site export, each with everything hanging off it, in one round trip.
import { asc, desc, eq, gt, inArray } from 'drizzle-orm'
import type { Db } from '../client'
import {
  articleAuthors,
  articleRevisions,
  articles,
  articleTags,
  authors,
  comments,
  corrections,
  liveBlogs,
  liveUpdates,
  slugRedirects,
  tags,
} from '../schema'

/** Comment fields an export carries; the poster's salted IP hash stays behind (it is not content). */
const EXPORT_COMMENT_COLUMNS = {
  id: comments.id,
  articleId: comments.articleId,
  parentId: comments.parentId,
  authorName: comments.authorName,
  body: comments.body,
  status: comments.status,
  createdAt: comments.createdAt,
  idempotencyKey: comments.idempotencyKey,
}

/**
 * Up to `limit` articles after id `after`, each with its tag ids, author ids in byline order,
 * revisions, comments (parents before replies), corrections, old slugs and live coverage.
 */
export async function listArticlesAfter(db: Db, after: number, limit: number) {
  // The page's ids as a subquery: children are read by the same keyset as their parents.
  const page = db
    .select({ id: articles.id })
    .from(articles)
    .where(gt(articles.id, after))
    .orderBy(asc(articles.id))
    .limit(limit)
  const [
    rows,
    tagRows,
    authorRows,
    revisions,
    commentRows,
    correctionRows,
    redirects,
    blogs,
    updates,
  ] = await db.batch([
    db.select().from(articles).where(gt(articles.id, after)).orderBy(asc(articles.id)).limit(limit),
    db
      .select({ articleId: articleTags.articleId, id: tags.id, slug: tags.slug, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(inArray(articleTags.articleId, page))
      .orderBy(asc(articleTags.tagId)),
    db
      .select({ articleId: articleAuthors.articleId, id: authors.id, slug: authors.slug })
      .from(articleAuthors)
      .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
      .where(inArray(articleAuthors.articleId, page))
      .orderBy(asc(articleAuthors.position), asc(articleAuthors.authorId)),
    db
      .select()
      .from(articleRevisions)
      .where(inArray(articleRevisions.articleId, page))
      .orderBy(asc(articleRevisions.id)),
    db
      .select(EXPORT_COMMENT_COLUMNS)
      .from(comments)
      .where(inArray(comments.articleId, page))
      .orderBy(asc(comments.id)),
    db
      .select()
      .from(corrections)
      .where(inArray(corrections.articleId, page))
      .orderBy(asc(corrections.id)),
    db
      .select()
      .from(slugRedirects)
      .where(inArray(slugRedirects.articleId, page))
      .orderBy(asc(slugRedirects.createdAt), asc(slugRedirects.oldSlug)),
    db.select().from(liveBlogs).where(inArray(liveBlogs.articleId, page)),
    db
      .select()
      .from(liveUpdates)
      .where(inArray(liveUpdates.articleId, page))
      .orderBy(asc(liveUpdates.id)),
  ])
  const of = <T extends { articleId: number }>(list: T[], id: number) =>
    list.filter((row) => row.articleId === id)
  return rows.map((article) => {
    const blog = blogs.find((row) => row.articleId === article.id)
    return {
      article,
      tags: of(tagRows, article.id).map(({ articleId: _, ...tag }) => tag),
      authors: of(authorRows, article.id).map(({ articleId: _, ...author }) => author),
      revisions: of(revisions, article.id),
      comments: of(commentRows, article.id),
      corrections: of(correctionRows, article.id),
      redirects: of(redirects, article.id),
      live: blog ? { ...blog, updates: of(updates, article.id) } : null,
    }
  })
}

/** The highest article id, so WXR can number pages after articles in WordPress's one id space. */
export async function findLastArticleId(db: Db): Promise<number> {
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .orderBy(desc(articles.id))
    .limit(1)
  return row?.id ?? 0
}

export type ExportArticle = Awaited<ReturnType<typeof listArticlesAfter>>[number]
