// Newsroom accounts, managed by admins: create, change role, disable and enable, reset a password.
import type { Db } from '../db/client'
import { revokeUserTokensQuery } from '../db/queries/api-tokens'
import { insertAuditQuery } from '../db/queries/audit'
import { deleteUserSessionsQuery } from '../db/queries/sessions'
import { findUserById, insertUser, normalizeEmail, updateUserQuery } from '../db/queries/users'
import type { UserRole } from '../db/schema'
import { toBase64Url } from '../lib/encoding'
import { AppError } from '../lib/errors'
import { auditEntry } from './audit'
import { InvalidFields } from './editorial-input'
import { type Actor, isRole, requirePermission } from './editorial-permissions'
import { hashPassword } from './passwords'

/** 18 random bytes: 24 characters, about 144 bits, to be copied once and changed by no one. */
export function generatePassword(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(18)))
}

export interface NewUserInput {
  email: string
  name: string
  role: string
}

/** Creates an account with a generated password, returned once for the admin to hand over. */
export async function createUser(
  db: Db,
  actor: Actor,
  input: NewUserInput,
  iterations: number,
): Promise<{ id: number; password: string }> {
  requirePermission(actor, 'users:manage')
  const email = normalizeEmail(input.email)
  const name = input.name.trim()
  const errors: Record<string, string> = {}
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    errors.email = 'Enter an email address such as name@example.com.'
  }
  if (!name) errors.name = 'Enter the name shown on their work.'
  else if (name.length > 120) errors.name = 'The name can be at most 120 characters.'
  if (!isRole(input.role)) errors.role = 'Choose admin, editor or author.'
  if (Object.keys(errors).length > 0) throw new InvalidFields(errors)

  const password = generatePassword()
  const role = input.role as UserRole
  const created = await insertUser(db, {
    email,
    name,
    role,
    passwordHash: await hashPassword(password, iterations),
  })
  if (!created) throw new InvalidFields({ email: 'An account with this email already exists.' })
  await insertAuditQuery(db, [
    auditEntry(actor, 'user.create', { type: 'user', id: created.id }, { email, role }),
  ])
  return { id: created.id, password }
}

async function targetUser(db: Db, actor: Actor, userId: number) {
  requirePermission(actor, 'users:manage')
  const user = await findUserById(db, userId)
  if (!user) throw new AppError('NOT_FOUND', 'There is no such account.')
  // Admins cannot lock themselves out by accident; another admin (or the CLI) has to do it.
  if (user.id === actor.id) {
    throw new AppError('FORBIDDEN', 'You cannot change, disable or reset your own account here.')
  }
  return user
}

/**
 * Disabling ends the account's sessions and revokes its API tokens at once. Enabling revokes any
 * token still live too: none can be made while an account is disabled, so such a token predates
 * the disabling (say, from before tokens were revoked on disable), and must not come back with it.
 * Returns how many tokens were revoked.
 */
export async function setUserDisabled(
  db: Db,
  actor: Actor,
  userId: number,
  disabled: boolean,
): Promise<{ revokedTokens: number }> {
  const user = await targetUser(db, actor, userId)
  if (user.disabled === disabled) return { revokedTokens: 0 }
  const now = new Date()
  const [, , revoked] = await db.batch([
    updateUserQuery(db, user.id, { disabled }),
    deleteUserSessionsQuery(db, user.id),
    revokeUserTokensQuery(db, user.id, now),
    insertAuditQuery(
      db,
      [auditEntry(actor, disabled ? 'user.disable' : 'user.enable', { type: 'user', id: user.id })],
      now,
    ),
  ])
  return { revokedTokens: revoked.length }
}

export async function changeUserRole(db: Db, actor: Actor, userId: number, role: string) {
  const user = await targetUser(db, actor, userId)
  if (!isRole(role)) throw new InvalidFields({ role: 'Choose admin, editor or author.' })
  if (user.role === role) return
  await db.batch([
    updateUserQuery(db, user.id, { role }),
    // Pages already open were rendered for the old role; signing in again shows the new one.
    deleteUserSessionsQuery(db, user.id),
    insertAuditQuery(db, [
      auditEntry(actor, 'user.role', { type: 'user', id: user.id }, { from: user.role, to: role }),
    ]),
  ])
}

/**
 * A new generated password, returned once; every session of the account ends. With
 * `revokeTokens` (the admin's choice: a reset after a compromise should take them too; a routine
 * one need not break the systems using them) its API tokens are revoked as well.
 */
export async function resetUserPassword(
  db: Db,
  actor: Actor,
  userId: number,
  options: { iterations: number; revokeTokens: boolean },
): Promise<{ password: string; revokedTokens: number }> {
  const user = await targetUser(db, actor, userId)
  const password = generatePassword()
  const now = new Date()
  const passwordHash = await hashPassword(password, options.iterations)
  const detail = { revokedTokens: options.revokeTokens }
  const writes = [
    updateUserQuery(db, user.id, { passwordHash }),
    deleteUserSessionsQuery(db, user.id),
    insertAuditQuery(
      db,
      [auditEntry(actor, 'user.reset_password', { type: 'user', id: user.id }, detail)],
      now,
    ),
  ] as const
  if (!options.revokeTokens) {
    await db.batch(writes)
    return { password, revokedTokens: 0 }
  }
  const [, , , revoked] = await db.batch([...writes, revokeUserTokensQuery(db, user.id, now)])
  return { password, revokedTokens: revoked.length }
}
