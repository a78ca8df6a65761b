// Who may do what in the newsroom: one table of role grants, checked by services and routes alike.
import { type ArticleStatus, USER_ROLES, type UserRole } from '../db/schema'
import { AppError } from '../lib/errors'

/** The signed-in person (or the owner of an API token) on whose behalf a service acts. */
export interface Actor {
  id: number
  email: string
  name: string
  role: UserRole
}

export type Permission =
  /** Edit any article in any status, not only one's own drafts. */
  | 'articles:edit-any'
  /** Schedule, publish, unpublish and archive. */
  | 'articles:publish'
  | 'comments:moderate'
  | 'users:manage'
  | 'tokens:manage'
  | 'audit:read'
  /** Download the whole site (JSON or WXR). */
  | 'site:export'

const GRANTS: Record<UserRole, readonly Permission[]> = {
  admin: [
    'articles:edit-any',
    'articles:publish',
    'comments:moderate',
    'users:manage',
    'tokens:manage',
    'audit:read',
    'site:export',
  ],
  editor: ['articles:edit-any', 'articles:publish', 'comments:moderate'],
  author: [],
}

/** Statuses in which an author may still change their own article. */
const AUTHOR_EDITABLE: readonly ArticleStatus[] = ['draft', 'review']

export function isRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value)
}

export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return GRANTS[actor.role].includes(permission)
}

/** Throws FORBIDDEN unless the actor's role grants the permission. */
export function requirePermission(actor: Pick<Actor, 'role'>, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this. Ask an editor or an admin.')
  }
}

/** Editors edit everything; an author edits only their own drafts and articles in review. */
export function canEditArticle(
  actor: Pick<Actor, 'id' | 'role'>,
  article: { authorId: number | null; status: ArticleStatus },
): boolean {
  if (can(actor, 'articles:edit-any')) return true
  return article.authorId === actor.id && AUTHOR_EDITABLE.includes(article.status)
}

/** An author may see their own articles; editors see every one. */
export function canViewArticle(
  actor: Pick<Actor, 'id' | 'role'>,
  article: { authorId: number | null },
): boolean {
  return can(actor, 'articles:edit-any') || article.authorId === actor.id
}

export function requireArticleEdit(
  actor: Pick<Actor, 'id' | 'role'>,
  article: { authorId: number | null; status: ArticleStatus },
): void {
  if (!canEditArticle(actor, article)) {
    throw new AppError(
      'FORBIDDEN',
      actor.role === 'author' && article.authorId === actor.id
        ? 'This article is past review; only an editor can change it now.'
        : 'You can only change your own articles.',
    )
  }
}
