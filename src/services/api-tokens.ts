// API tokens: scoped, shown once, stored as hashes, revocable; a scope never exceeds its owner's role.
import type { Db } from '../db/client'
import {
  insertApiToken,
  revokeApiTokenQuery,
  type TokenOwner,
  useApiToken,
} from '../db/queries/api-tokens'
import { findUserById } from '../db/queries/users'
import type { UserRole } from '../db/schema'
import { AppError } from '../lib/errors'
import { auditEntry, recordAudit } from './audit'
import { InvalidFields } from './editorial-input'
import { type Actor, requirePermission } from './editorial-permissions'
import { hashToken, randomToken } from './sessions'

export const API_SCOPES = [
  'articles:read',
  'articles:write',
  'articles:publish',
  'comments:moderate',
] as const
export type ApiScope = (typeof API_SCOPES)[number]

/** What each role's tokens may carry: a token cannot do more than its owner could in the newsroom. */
export const SCOPES_FOR_ROLE: Record<UserRole, readonly ApiScope[]> = {
  admin: API_SCOPES,
  editor: API_SCOPES,
  author: ['articles:read', 'articles:write'],
}

/** A recognisable prefix lets secret scanners spot a leaked token. */
const TOKEN_PREFIX = 'bt_'
const TOKEN_PATTERN = /^bt_[A-Za-z0-9_-]{43}$/

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value)
}

export function parseScopes(stored: string): ApiScope[] {
  return stored.split(' ').filter(isApiScope)
}

export interface NewTokenInput {
  userId: number
  name: string
  scopes: string[]
}

export type TokenFieldErrors = Partial<Record<'userId' | 'name' | 'scopes', string>>

/**
 * Creates a token for a user and returns its only plain copy. Throws INVALID with field messages
 * when the name, the user or the scopes are wrong.
 */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: NewTokenInput,
): Promise<{ id: number; token: string }> {
  requirePermission(actor, 'tokens:manage')
  const errors: TokenFieldErrors = {}
  const name = input.name.trim()
  if (!name) errors.name = 'Give the token a name, such as the system that will use it.'
  else if (name.length > 80) errors.name = 'The name can be at most 80 characters.'
  const owner = Number.isSafeInteger(input.userId) ? await findUserById(db, input.userId) : null
  if (!owner) errors.userId = 'Choose the account the token acts for.'
  else if (owner.disabled) errors.userId = 'That account is disabled.'
  const scopes = [...new Set(input.scopes)]
  if (scopes.length === 0) errors.scopes = 'Choose at least one scope.'
  else if (!scopes.every(isApiScope)) errors.scopes = 'One of the scopes is not known.'
  else if (owner && !scopes.every((scope) => SCOPES_FOR_ROLE[owner.role].includes(scope))) {
    errors.scopes = `An ${owner.role}'s token can only have: ${SCOPES_FOR_ROLE[owner.role].join(', ')}.`
  }
  if (Object.keys(errors).length > 0 || !owner) throw new InvalidFields(errors)

  const token = `${TOKEN_PREFIX}${randomToken()}`
  const { id } = await insertApiToken(db, {
    userId: owner.id,
    name,
    tokenHash: await hashToken(token),
    scopes: scopes.join(' '),
  })
  await recordAudit(
    db,
    auditEntry(
      actor,
      'token.create',
      { type: 'api_token', id },
      { name, scopes, userId: owner.id },
    ),
  )
  return { id, token }
}

export async function revokeApiToken(db: Db, actor: Actor, id: number, now: Date): Promise<void> {
  requirePermission(actor, 'tokens:manage')
  if (!(await revokeApiTokenQuery(db, id, now))) {
    throw new AppError('NOT_FOUND', 'There is no live token with that id.')
  }
  await recordAudit(db, auditEntry(actor, 'token.revoke', { type: 'api_token', id }))
}

/**
 * The owner and scopes behind a bearer token, or null; a malformed token never reaches the DB. The
 * scopes are those granted at creation that the owner's role allows today: a token made for an
 * editor who is now an author can no longer moderate, and regains nothing it was not given.
 */
export async function authenticateApiToken(
  db: Db,
  token: string,
  now: Date,
): Promise<(Omit<TokenOwner, 'scopes'> & { scopes: ApiScope[] }) | null> {
  if (!TOKEN_PATTERN.test(token)) return null
  const owner = await useApiToken(db, await hashToken(token), now)
  if (!owner) return null
  const allowed = SCOPES_FOR_ROLE[owner.user.role]
  return { ...owner, scopes: parseScopes(owner.scopes).filter((scope) => allowed.includes(scope)) }
}
