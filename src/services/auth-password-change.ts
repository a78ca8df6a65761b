// A signed-in person changing their own password: the current one is required, and checked behind
// the sign-in throttle; every other session ends and this one is replaced.
import type { Db } from '../db/client'
import { insertAuditQuery } from '../db/queries/audit'
import { clearThrottleQuery, refundAttemptQuery } from '../db/queries/login-throttles'
import { deleteUserSessionsQuery } from '../db/queries/sessions'
import { updateUserQuery, userByIdQuery } from '../db/queries/users'
import type { Config } from '../env'
import { PASSWORD_MAX } from '../lib/password-limits'
import { auditEntry } from './audit'
import { checkPasswordStrength } from './auth-password-policy'
import { accountHash, attemptKeys, checkPasswordThrottled } from './auth-throttle'
import { InvalidFields } from './editorial-input'
import type { Actor } from './editorial-permissions'
import { hashPassword } from './passwords'
import { type IssuedSession, prepareSession } from './sessions'

export interface PasswordChangeInput {
  current: string
  next: string
  confirm: string
  ipHash: string
  now: Date
}

/** Field messages for what can be told without the database; empty when the input is usable. */
function checkFields(actor: Actor, input: PasswordChangeInput): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!input.current) errors.current_password = 'Enter your current password.'
  else if (input.current.length > PASSWORD_MAX)
    errors.current_password = 'That password is too long.'
  const weak = input.next
    ? checkPasswordStrength(input.next, { email: actor.email })
    : 'Enter a new password.'
  if (weak) errors.new_password = weak
  else if (input.next === input.current) {
    errors.new_password = 'Choose a password different from the current one.'
  } else if (input.confirm !== input.next) {
    errors.confirm_password = 'The two new passwords do not match.'
  }
  return errors
}

/**
 * Changes the actor's password and returns the session that replaces theirs. Throws INVALID with
 * field messages (a wrong current password among them) and RATE_LIMITED while the account or the
 * address is throttled: a stolen session cannot guess the password any faster than the login form.
 */
export async function changeOwnPassword(
  db: Db,
  auth: Config['auth'],
  actor: Actor,
  input: PasswordChangeInput,
): Promise<IssuedSession> {
  const errors = checkFields(actor, input)
  if (Object.keys(errors).length > 0) throw new InvalidFields(errors)
  const { now } = input
  const keys = attemptKeys(auth, {
    accountHash: await accountHash(actor.email),
    ipHash: input.ipHash,
  })
  const { user, check, subjectKey } = await checkPasswordThrottled(
    db,
    auth,
    keys,
    userByIdQuery(db, actor.id),
    input.current,
    now,
  )
  const target = { type: 'user', id: actor.id }
  if (!user || !check.ok) {
    await insertAuditQuery(db, [auditEntry(actor, 'auth.password_change_failed', target)], now)
    throw new InvalidFields({ current_password: 'That is not your current password.' })
  }
  const passwordHash = await hashPassword(input.next, auth.passwordIterations)
  const { issued, insert } = await prepareSession(db, actor.id, now, auth.sessionTtlMs)
  await db.batch([
    updateUserQuery(db, actor.id, { passwordHash }),
    // Every session ends, this browser's too; the new one is the only one left.
    deleteUserSessionsQuery(db, actor.id),
    insert,
    clearThrottleQuery(db, subjectKey),
    refundAttemptQuery(db, keys.ip),
    insertAuditQuery(db, [auditEntry(actor, 'auth.password_change', target)], now),
  ])
  return issued
}
