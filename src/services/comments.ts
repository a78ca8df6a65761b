// Posting a reader comment: checks, rate limits, moderation and an idempotent insert.
import type { Db } from '../db/client'
import {
  insertCommentOnce,
  loadCommentPostFacts,
  type StoredComment,
} from '../db/queries/comment-posting'
import type { CommentStatus } from '../db/schema'
import type { Config } from '../env'
import { sha256Hex } from '../lib/encoding'
import { ReaderError } from '../lib/i18n/reader-error'
import { type CommentDraft, judgeSpam } from './comment-input'
import { commentRateRules, enforceRateRules } from './comment-limits'

const DAY = 86_400_000

export interface PostCommentInput {
  articleId: number
  draft: CommentDraft
  ipHash: string
  now: Date
}

export type PostCommentResult = {
  status: CommentStatus
  articleSlug: string
  comment: StoredComment
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

function checkReplyTarget(
  parent: { articleId: number; parentId: number | null; status: CommentStatus } | null,
  articleId: number,
) {
  if (!parent || parent.articleId !== articleId || parent.status !== 'approved') {
    throw new ReaderError('INVALID', 'problem.parentUnavailable')
  }
  if (parent.parentId !== null) {
    throw new ReaderError('INVALID', 'problem.replyDepth')
  }
}

/**
 * Stores a validated comment and answers only after the database has committed it. Throws
 * ReaderError NOT_FOUND, FORBIDDEN (closed), INVALID (bad parent) or RATE_LIMITED.
 */
export async function postComment(
  db: Db,
  rules: Config['comments'],
  input: PostCommentInput,
): Promise<PostCommentResult> {
  const { articleId, draft, ipHash, now } = input
  const idempotencyKey = draft.idempotencyKey || (await fallbackIdempotencyKey(input))
  const limits = commentRateRules(rules, ipHash, articleId)
  const facts = await loadCommentPostFacts(db, {
    articleId,
    parentId: draft.parentId,
    ipHash,
    idempotencyKey,
    windows: limits.map((rule) => rule.window),
    now,
  })
  const { article, existing } = facts
  if (!article) throw new ReaderError('NOT_FOUND', 'problem.noArticle')
  // A retried form (same key) is answered with the comment it already made.
  if (existing) {
    if (existing.articleId !== articleId) {
      throw new ReaderError('CONFLICT', 'problem.formReused')
    }
    return { status: existing.status, articleSlug: article.slug, comment: existing }
  }
  if (areCommentsClosed(article, rules.closeAfterDays, now)) {
    throw new ReaderError('FORBIDDEN', 'comments.closed')
  }
  if (draft.parentId !== null) checkReplyTarget(facts.parent, articleId)
  enforceRateRules(limits, facts.windows, now)
  const comment = await insertCommentOnce(db, {
    articleId,
    parentId: draft.parentId,
    authorName: draft.authorName,
    body: draft.body,
    status: decideStatus(rules, draft, facts.approvedBefore),
    ipHash,
    idempotencyKey,
    createdAt: now,
  })
  return { status: comment.status, articleSlug: article.slug, comment }
}
