// Comment moderation: approve, reject or mark spam, one or many at once, with audit and purges.
import type { Db } from '../db/client'
import { insertAuditQuery } from '../db/queries/audit'
import { findComments, setCommentStatusQuery } from '../db/queries/moderation'
import type { CommentStatus } from '../db/schema'
import { AppError } from '../lib/errors'
import { auditEntry } from './audit'
import { type Actor, requirePermission } from './editorial-permissions'
import type { ContentChange, PurgeReport } from './purge'

export const MODERATION_ACTIONS = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'spam',
} as const satisfies Record<string, CommentStatus>
export type ModerationAction = keyof typeof MODERATION_ACTIONS

/** At most this many comments in one bulk action; a page of the queue is smaller. */
export const MAX_BULK = 100

export function isModerationAction(value: string): value is ModerationAction {
  return Object.hasOwn(MODERATION_ACTIONS, value)
}

export interface ModerationDeps {
  db: Db
  purge: (changes: ContentChange[]) => Promise<PurgeReport>
  now: Date
}

/**
 * Sets the comments' status. Articles whose public comment list changes (a comment approved, or
 * an approved one taken down) are purged. Unknown ids are a NOT_FOUND; comments already in the
 * wanted status are left as they are.
 */
export async function moderateComments(
  deps: ModerationDeps,
  actor: Actor,
  ids: number[],
  action: ModerationAction,
): Promise<{ changed: number }> {
  requirePermission(actor, 'comments:moderate')
  const unique = [...new Set(ids)]
  if (unique.length === 0) throw new AppError('INVALID', 'Select at least one comment.')
  if (unique.length > MAX_BULK) {
    throw new AppError('INVALID', `Moderate at most ${MAX_BULK} comments at a time.`)
  }
  const { db, now } = deps
  const found = await findComments(db, unique)
  if (found.length !== unique.length) {
    throw new AppError('NOT_FOUND', 'One of those comments no longer exists.')
  }
  const status = MODERATION_ACTIONS[action]
  const moving = found.filter((comment) => comment.status !== status)
  if (moving.length === 0) return { changed: 0 }
  await db.batch([
    setCommentStatusQuery(
      db,
      moving.map((comment) => comment.id),
      status,
    ),
    insertAuditQuery(
      db,
      moving.map((comment) =>
        auditEntry(
          actor,
          `comment.${action}`,
          { type: 'comment', id: comment.id },
          {
            articleId: comment.articleId,
            from: comment.status,
          },
        ),
      ),
      now,
    ),
  ])
  const visible = new Set(
    moving
      .filter((comment) => comment.status === 'approved' || status === 'approved')
      .map((comment) => comment.articleId),
  )
  if (visible.size > 0) {
    await deps.purge([...visible].map((articleId) => ({ kind: 'comment-approved', articleId })))
  }
  return { changed: moving.length }
}
