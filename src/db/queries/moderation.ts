// The comment moderation queue: comments by status with their article and parent, and status changes.
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client'
import { articles, type CommentStatus, comments } from '../schema'

export const MODERATION_PAGE_SIZE = 30

export interface QueueItem {
  id: number
  authorName: string
  body: string
  status: CommentStatus
  createdAt: Date
  ipHash: string
  articleId: number
  articleSlug: string
  articleTitle: string
  articleStatus: string
  parentAuthorName: string | null
  parentBody: string | null
}

/** A page of comments in one status (oldest pending first, newest otherwise) and the counts. */
export async function loadModerationQueue(db: Db, status: CommentStatus, page: number) {
  const parent = alias(comments, 'parent')
  const [items, total, counts] = await db.batch([
    db
      .select({
        id: comments.id,
        authorName: comments.authorName,
        body: comments.body,
        status: comments.status,
        createdAt: comments.createdAt,
        ipHash: comments.ipHash,
        articleId: articles.id,
        articleSlug: articles.slug,
        articleTitle: articles.title,
        articleStatus: articles.status,
        parentAuthorName: parent.authorName,
        parentBody: parent.body,
      })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .leftJoin(parent, eq(parent.id, comments.parentId))
      .where(eq(comments.status, status))
      .orderBy(
        status === 'pending' ? asc(comments.createdAt) : desc(comments.createdAt),
        asc(comments.id),
      )
      .limit(MODERATION_PAGE_SIZE)
      .offset((page - 1) * MODERATION_PAGE_SIZE),
    db.select({ total: count() }).from(comments).where(eq(comments.status, status)),
    db.select({ status: comments.status, total: count() }).from(comments).groupBy(comments.status),
  ])
  return {
    items: items as QueueItem[],
    total: total[0]?.total ?? 0,
    counts: Object.fromEntries(counts.map((row) => [row.status, row.total])) as Partial<
      Record<CommentStatus, number>
    >,
  }
}

export function commentsByIdsQuery(db: Db, ids: number[]) {
  return db
    .select({ id: comments.id, articleId: comments.articleId, status: comments.status })
    .from(comments)
    .where(inArray(comments.id, ids))
}

export function setCommentStatusQuery(db: Db, ids: number[], status: CommentStatus) {
  return db
    .update(comments)
    .set({ status })
    .where(and(inArray(comments.id, ids)))
}

export async function findComments(db: Db, ids: number[]) {
  return ids.length > 0 ? commentsByIdsQuery(db, ids) : []
}
