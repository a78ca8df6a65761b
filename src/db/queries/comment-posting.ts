// What posting a comment reads and writes: the decision's facts in one round trip, an idempotent insert.
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, type CommentStatus, comments } from '../schema'
import { type CommentView, commentColumns } from './comments'
import { hitRateLimitQuery, type RateWindow } from './rate-limits'

export type StoredComment = CommentView & { status: CommentStatus; articleId: number }

export interface CommentPostFacts {
  /** The comment an earlier send of the same form made, if any. */
  existing: StoredComment | null
  /** The published article, or null when there is none to comment on. */
  article: { slug: string; commentsClosed: boolean; publishedAt: Date | null } | null
  parent: { articleId: number; parentId: number | null; status: CommentStatus } | null
  /** How many of this commenter's comments were approved before (first-time moderation). */
  approvedBefore: number
  /** Each rate window's total after this attempt, in the order given. */
  windows: { count: number; expiresAt: number }[]
}

export function commentByKeyQuery(db: Db, idempotencyKey: string) {
  return db
    .select({ ...commentColumns, status: comments.status, articleId: comments.articleId })
    .from(comments)
    .where(eq(comments.idempotencyKey, idempotencyKey))
}

/**
 * Everything the decision to accept a comment needs, and a hit on each rate window, in one round
 * trip. A retried form (its key already made a comment) is not a new attempt, so it hits nothing.
 */
export async function loadCommentPostFacts(
  db: Db,
  input: {
    articleId: number
    parentId: number | null
    ipHash: string
    idempotencyKey: string
    windows: readonly RateWindow[]
    now: Date
  },
): Promise<CommentPostFacts> {
  const { articleId, ipHash, idempotencyKey, now } = input
  const isRetry = sql`exists (select 1 from ${comments} where ${comments.idempotencyKey} = ${idempotencyKey})`
  const [existing, article, parent, approvedBefore, ...hits] = await db.batch([
    commentByKeyQuery(db, idempotencyKey),
    db
      .select({
        slug: articles.slug,
        commentsClosed: articles.commentsClosed,
        publishedAt: articles.publishedAt,
      })
      .from(articles)
      .where(and(eq(articles.id, articleId), eq(articles.status, 'published'))),
    db
      .select({
        articleId: comments.articleId,
        parentId: comments.parentId,
        status: comments.status,
      })
      .from(comments)
      .where(eq(comments.id, input.parentId ?? 0)),
    db
      .select({ total: sql<number>`count(*)` })
      .from(comments)
      .where(and(eq(comments.ipHash, ipHash), eq(comments.status, 'approved'))),
    ...input.windows.map((window) => hitRateLimitQuery(db, window, now, isRetry)),
  ])
  return {
    existing: existing[0] ?? null,
    article: article[0] ?? null,
    parent: input.parentId === null ? null : (parent[0] ?? null),
    approvedBefore: approvedBefore[0]?.total ?? 0,
    // A retry inserts nothing, so its window reads as empty.
    windows: hits.map((rows) => {
      const row = rows[0]
      return row ? { count: row.count, expiresAt: row.expires_at } : { count: 0, expiresAt: 0 }
    }),
  }
}

export interface NewComment {
  articleId: number
  parentId: number | null
  authorName: string
  body: string
  status: CommentStatus
  ipHash: string
  idempotencyKey: string
  createdAt: Date
}

/**
 * Inserts unless a comment with the same idempotency key exists, and returns whichever comment
 * holds the key: a double submit answers with the first comment instead of making a second.
 */
export async function insertCommentOnce(db: Db, comment: NewComment): Promise<StoredComment> {
  const [, stored] = await db.batch([
    db.insert(comments).values(comment).onConflictDoNothing({ target: comments.idempotencyKey }),
    commentByKeyQuery(db, comment.idempotencyKey),
  ])
  const row = stored[0]
  if (!row) throw new Error('comment insert returned nothing')
  return row
}
