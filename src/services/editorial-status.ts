// Moving articles through their life: review, schedule, publish, unpublish and archive, with purges.
import { insertAuditQuery } from '../db/queries/audit'
import { updateArticleQuery } from '../db/queries/editor-article-writes'
import { editableArticleQueries } from '../db/queries/editor-articles'
import type { ArticleStatus } from '../db/schema'
import { AppError } from '../lib/errors'
import { auditEntry } from './audit'
import type { EditorialDeps } from './editorial'
import { type Actor, requireArticleEdit, requirePermission } from './editorial-permissions'
import { markSiteUpdated } from './publishing'

export const STATUS_ACTIONS = ['submit', 'schedule', 'publish', 'unpublish', 'archive'] as const
export type StatusAction = (typeof STATUS_ACTIONS)[number]

interface Transition {
  from: readonly ArticleStatus[]
  to: ArticleStatus
  /** Why it is refused from any other status, in the editor's words. */
  refusal: string
}

const TRANSITIONS: Record<StatusAction, Transition> = {
  submit: { from: ['draft'], to: 'review', refusal: 'Only a draft can be submitted for review.' },
  schedule: {
    from: ['draft', 'review', 'scheduled'],
    to: 'scheduled',
    refusal: 'A published or archived article cannot be scheduled; unpublish it first.',
  },
  publish: {
    from: ['draft', 'review', 'scheduled', 'archived'],
    to: 'published',
    refusal: 'This article is already published.',
  },
  unpublish: {
    from: ['published', 'scheduled', 'archived'],
    to: 'draft',
    refusal: 'Only a published, scheduled or archived article can be taken back to draft.',
  },
  archive: {
    from: ['draft', 'review', 'scheduled', 'published'],
    to: 'archived',
    refusal: 'This article is already archived.',
  },
}

export function isStatusAction(value: string): value is StatusAction {
  return (STATUS_ACTIONS as readonly string[]).includes(value)
}

/** The actions the actor can take on an article in this status, for the buttons a view shows. */
export function availableActions(
  actor: Pick<Actor, 'id' | 'role'>,
  article: { authorId: number | null; status: ArticleStatus },
): StatusAction[] {
  return STATUS_ACTIONS.filter((action) => {
    if (!TRANSITIONS[action].from.includes(article.status)) return false
    try {
      authorize(actor, article, action)
      return true
    } catch {
      return false
    }
  })
}

function authorize(
  actor: Pick<Actor, 'id' | 'role'>,
  article: { authorId: number | null; status: ArticleStatus },
  action: StatusAction,
) {
  if (action === 'submit') requireArticleEdit(actor, article)
  else requirePermission(actor, 'articles:publish')
}

/**
 * Applies a status action. Publishing an already published article is a no-op, not an error, so
 * the API's publish is idempotent; other refused moves are INVALID. `publishAt` is required to
 * schedule and must be in the future.
 */
export async function changeArticleStatus(
  deps: EditorialDeps,
  actor: Actor,
  id: number,
  action: StatusAction,
  options: { publishAt?: Date | null } = {},
): Promise<{ status: ArticleStatus; changed: boolean }> {
  const { db, now } = deps
  const [found] = await db.batch([editableArticleQueries(db, id)[0]])
  const article = found[0]
  if (!article) throw new AppError('NOT_FOUND', 'There is no such article.')
  authorize(actor, article, action)
  const transition = TRANSITIONS[action]
  if (article.status === transition.to && action !== 'schedule') {
    return { status: article.status, changed: false }
  }
  if (!transition.from.includes(article.status)) throw new AppError('INVALID', transition.refusal)

  let publishedAt = article.publishedAt
  if (action === 'schedule') {
    if (!options.publishAt || options.publishAt.getTime() <= now.getTime()) {
      throw new AppError('INVALID', 'Choose a publishing time in the future.')
    }
    publishedAt = options.publishAt
  } else if (action === 'publish') publishedAt = now

  await db.batch([
    updateArticleQuery(db, id, { status: transition.to, publishedAt, updatedAt: now }),
    insertAuditQuery(
      db,
      [
        auditEntry(
          actor,
          `article.${action}`,
          { type: 'article', id },
          { from: article.status, to: transition.to, publishedAt: publishedAt?.toISOString() },
        ),
      ],
      now,
    ),
  ])
  // Readers see a change only when the article was or becomes public.
  if (article.status === 'published' || transition.to === 'published') {
    await markSiteUpdated(db, now)
    await deps.purge([{ kind: 'article', articleId: id }])
  }
  return { status: transition.to, changed: true }
}
