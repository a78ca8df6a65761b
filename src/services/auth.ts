// Signing in and out: throttled password checks, re-hashing old hashes, and rotated sessions.
import type { Db } from '../db/client'
import { insertAuditQuery } from '../db/queries/audit'
import { hitRateLimitQuery } from '../db/queries/rate-limits'
import {
  clearFailuresQuery,
  deleteDeadSessionsQuery,
  deleteSessionQuery,
  failureCountQuery,
} from '../db/queries/sessions'
import { normalizeEmail, updateUserQuery, userByEmailQuery } from '../db/queries/users'
import type { Config } from '../env'
import { sha256Hex } from '../lib/encoding'
import { AppError } from '../lib/errors'
import { auditEntry } from './audit'
import type { Actor } from './editorial-permissions'
import { hashPassword, verifyPassword } from './passwords'
import { endSession, hashToken, type IssuedSession, prepareSession } from './sessions'

/** The one message for a wrong email or a wrong password, so neither gives the other away. */
export const BAD_CREDENTIALS = 'That email and password do not match an account.'

// A well-formed hash of nothing in particular: checking against it when the email is unknown costs
// what a real check costs, so response times do not reveal which emails have accounts.
const DECOY_SALT = 'AAAAAAAAAAAAAAAAAAAAAA=='
const DECOY_HASH = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

export interface SignInInput {
  email: string
  password: string
  ipHash: string
  /** The token of the session the browser already had, if any: it is ended, never reused. */
  previousToken?: string
  now: Date
}

export type SignInResult = { user: Actor; session: IssuedSession }

async function throttleKeys(email: string, ipHash: string) {
  return {
    account: `login:account:${await sha256Hex(normalizeEmail(email))}`,
    ip: `login:ip:${ipHash}`,
  }
}

function lockedOut(rows: { count: number; expiresAt: number }[], limit: number, now: Date) {
  const row = rows[0]
  if (!row || row.count < limit) return null
  return Math.max(1, Math.ceil((row.expiresAt - now.getTime()) / 1000))
}

/**
 * Checks an email and password and opens a new session. Throws RATE_LIMITED (with Retry-After)
 * while the account or the IP is locked out, and UNAUTHORIZED with the same message whether the
 * email exists or not. A correct password for a hash with fewer iterations than configured is
 * re-hashed on the spot.
 */
export async function signIn(
  db: Db,
  auth: Config['auth'],
  input: SignInInput,
): Promise<SignInResult> {
  const { now } = input
  const keys = await throttleKeys(input.email, input.ipHash)
  const [found, accountFailures, ipFailures] = await db.batch([
    userByEmailQuery(db, input.email),
    failureCountQuery(db, keys.account, now, auth.lockoutMs),
    failureCountQuery(db, keys.ip, now, auth.lockoutMs),
  ])
  const wait =
    lockedOut(accountFailures, auth.maxFailuresPerAccount, now) ??
    lockedOut(ipFailures, auth.maxFailuresPerIp, now)
  if (wait !== null) {
    const minutes = Math.ceil(wait / 60)
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed sign-ins. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      wait,
    )
  }

  const user = found[0]
  const stored =
    user?.passwordHash ?? `pbkdf2-sha256$${auth.passwordIterations}$${DECOY_SALT}$${DECOY_HASH}`
  const check = await verifyPassword(input.password, stored, auth.passwordIterations)
  if (!user || !check.ok) {
    const window = { windowMs: auth.lockoutMs }
    await db.batch([
      hitRateLimitQuery(db, { key: keys.account, ...window }, now),
      hitRateLimitQuery(db, { key: keys.ip, ...window }, now),
      // Failures against real accounts are worth an admin's attention; unknown emails are noise.
      ...(user
        ? [
            insertAuditQuery(
              db,
              [auditEntry(null, 'auth.login_failed', { type: 'user', id: user.id })],
              now,
            ),
          ]
        : []),
    ])
    throw new AppError('UNAUTHORIZED', BAD_CREDENTIALS)
  }
  if (user.disabled) {
    throw new AppError('FORBIDDEN', 'This account is disabled. Ask an administrator to enable it.')
  }

  const { issued, insert } = await prepareSession(db, user.id, now, auth.sessionTtlMs)
  const rehash = check.needsRehash
    ? { passwordHash: await hashPassword(input.password, auth.passwordIterations) }
    : {}
  await db.batch([
    // Rotation: whatever session the browser came with is gone, so a planted token is worthless.
    deleteSessionQuery(db, input.previousToken ? await hashToken(input.previousToken) : ''),
    deleteDeadSessionsQuery(db, now, auth.sessionIdleMs),
    insert,
    clearFailuresQuery(db, keys.account),
    updateUserQuery(db, user.id, { lastLoginAt: now, ...rehash }),
    insertAuditQuery(
      db,
      [
        auditEntry(
          user,
          'auth.login',
          { type: 'user', id: user.id },
          { rehashed: check.needsRehash },
        ),
      ],
      now,
    ),
  ])
  const { passwordHash: _, disabled: __, ...actor } = user
  return { user: actor, session: issued }
}

/** Ends the session server-side and records it. */
export async function signOut(db: Db, actor: Actor, token: string | undefined): Promise<void> {
  await endSession(db, token)
  await insertAuditQuery(db, [auditEntry(actor, 'auth.logout', { type: 'user', id: actor.id })])
}
