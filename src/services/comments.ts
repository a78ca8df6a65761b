// Posting a reader comment: checks, rate limits, moderation and an idempotent insert.
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import {
  approvedByCommenterQuery,
  type CommentView,
  commentByKeyQuery,
  insertCommentOnce,
  parentCommentQuery,
} from '../db/queries/comments'
import { hitRateLimitQuery } from '../db/queries/rate-limits'
import { articles, type CommentStatus, comments } from '../db/schema'
import type { Config } from '../env'
import { sha256Hex } from '../lib/encoding'
import { AppError } from '../lib/errors'
import { type CommentDraft, judgeSpam } from './comment-input'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export interface PostCommentInput {
  articleId: number
  draft: CommentDraft
  ipHash: string
  now: Date
}

export type PostCommentResult = {
  status: CommentStatus
  articleSlug: string
  comment: CommentView & { articleId: number }
}

/** Comments close when an editor says so, or COMMENTS_CLOSE_AFTER_DAYS after publishing. */
export function areCommentsClosed(
  article: { commentsClosed: boolean; publishedAt: Date | null },
  closeAfterDays: number,
  now: Date,
): boolean {
  if (article.commentsClosed) return true
  if (closeAfterDays === 0 || !article.publishedAt) return false
  return now.getTime() - article.publishedAt.getTime() > closeAfterDays * DAY
}

function decideStatus(
  rules: Config['comments'],
  draft: CommentDraft,
  approvedBefore: number,
): CommentStatus {
  const verdict = judgeSpam(draft, rules)
  if (verdict === 'spam') return 'spam'
  if (verdict === 'suspicious' || rules.moderation === 'all') return 'pending'
  if (rules.moderation === 'first-time' && approvedBefore === 0) return 'pending'
  return 'approved'
}

/**
 * A no-JS post has no browser-made key; derive one from what was posted, so the same form sent
 * twice still makes one comment.
 */
export function fallbackIdempotencyKey(input: PostCommentInput): Promise<string> {
  const { articleId, draft, ipHash } = input
  return sha256Hex(
    ['nojs', ipHash, articleId, draft.parentId ?? '', draft.authorName, draft.body].join('\n'),
  ).then((hash) => `nojs-${hash.slice(0, 40)}`)
}

/**
 * Stores a validated comment and answers only after the database has committed it. Throws
 * AppError NOT_FOUND, FORBIDDEN (closed), INVALID (bad parent) or RATE_LIMITED.
 */
export async function postComment(
  db: Db,
  rules: Config['comments'],
  input: PostCommentInput,
): Promise<PostCommentResult> {
  const { articleId, draft, ipHash, now } = input
  const scope = `${ipHash}:${articleId}`
  const idempotencyKey = draft.idempotencyKey || (await fallbackIdempotencyKey(input))
  const isRetry = sql`exists (select 1 from ${comments} where ${comments.idempotencyKey} = ${idempotencyKey})`
  // Everything the decision needs, and the rate-limit hits, in one round trip. A retried form
  // (same key) is answered with the comment it already made, and does not count as a new attempt.
  const [existing, article, parent, approvedBefore, perMinute, perHour] = await db.batch([
    commentByKeyQuery(db, idempotencyKey),
    db
      .select({
        slug: articles.slug,
        commentsClosed: articles.commentsClosed,
        publishedAt: articles.publishedAt,
      })
      .from(articles)
      .where(and(eq(articles.id, articleId), eq(articles.status, 'published'))),
    parentCommentQuery(db, draft.parentId ?? 0),
    approvedByCommenterQuery(db, ipHash),
    hitRateLimitQuery(db, { key: `comment:minute:${scope}`, windowMs: MINUTE }, now, isRetry),
    hitRateLimitQuery(db, { key: `comment:hour:${scope}`, windowMs: HOUR }, now, isRetry),
  ])
  const found = article[0]
  if (!found) throw new AppError('NOT_FOUND', 'There is no article to comment on here.')
  const retried = existing[0]
  if (retried) {
    if (retried.articleId !== articleId) {
      throw new AppError('CONFLICT', 'This form was already used for another article.')
    }
    return { status: retried.status, articleSlug: found.slug, comment: retried }
  }
  if (areCommentsClosed(found, rules.closeAfterDays, now)) {
    throw new AppError('FORBIDDEN', 'Comments are closed for this article.')
  }
  if (draft.parentId !== null) {
    const target = parent[0]
    if (!target || target.articleId !== articleId || target.status !== 'approved') {
      throw new AppError('INVALID', 'The comment you are replying to is not available.')
    }
    if (target.parentId !== null) {
      throw new AppError('INVALID', 'Replies go one level deep: reply to the original comment.')
    }
  }
  for (const [hits, limit] of [
    [perMinute[0], rules.ratePerMinute],
    [perHour[0], rules.ratePerHour],
  ] as const) {
    if (hits && hits.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((hits.expires_at - now.getTime()) / 1000))
      throw new AppError(
        'RATE_LIMITED',
        `You are commenting too quickly. Please wait ${retryAfter} seconds and send it again.`,
        retryAfter,
      )
    }
  }
  const comment = await insertCommentOnce(db, {
    articleId,
    parentId: draft.parentId,
    authorName: draft.authorName,
    body: draft.body,
    status: decideStatus(rules, draft, approvedBefore[0]?.total ?? 0),
    ipHash,
    idempotencyKey,
    createdAt: now,
  })
  return { status: comment.status, articleSlug: found.slug, comment }
}
