// Signing in and out: throttled password checks, device cookies, re-hashing old hashes, rotated sessions.
import type { Db } from '../db/client'
import { insertAuditQuery } from '../db/queries/audit'
import {
  clearThrottleQuery,
  pruneThrottlesQuery,
  refundAttemptQuery,
} from '../db/queries/login-throttles'
import { deleteDeadSessionsQuery, deleteSessionQuery } from '../db/queries/sessions'
import { normalizeEmail, updateUserQuery, userByEmailQuery } from '../db/queries/users'
import type { Config } from '../env'
import { AppError } from '../lib/errors'
import { auditEntry } from './audit'
import { issueDeviceCookie, verifyDeviceCookie } from './auth-device'
import { accountHash, attemptKeys, checkPasswordThrottled } from './auth-throttle'
import type { Actor } from './editorial-permissions'
import { hashPassword } from './passwords'
import { endSession, hashToken, type IssuedSession, prepareSession } from './sessions'

/** The one message for a wrong email or a wrong password, so neither gives the other away. */
export const BAD_CREDENTIALS = 'That email and password do not match an account.'

export interface SignInInput {
  email: string
  password: string
  ipHash: string
  /** The token of the session the browser already had, if any: it is ended, never reused. */
  previousToken?: string
  /** The browser's device cookie, if it sent one. */
  deviceCookie?: string
  now: Date
}

export type SignInResult = {
  user: Actor
  session: IssuedSession
  /** A fresh device cookie for this browser and account (OWASP: reissued on every success). */
  deviceCookie: string
}

/** What a failed sign-in records: the account, or for an unknown email the address typed. */
function failureAudit(email: string, userId: number | undefined, ipHash: string) {
  const ip = ipHash.slice(0, 16)
  if (userId !== undefined) {
    return auditEntry(null, 'auth.login_failed', { type: 'user', id: userId }, { ip })
  }
  // Enumeration shows up as failures for addresses with no account. Only something shaped like an
  // email is kept: people sometimes type their password into the email field.
  const typed = normalizeEmail(email)
  const looksLikeEmail = /^[^\s@]{1,64}@[^\s@]{1,189}$/.test(typed)
  return auditEntry(
    null,
    'auth.login_failed',
    { type: 'email', id: looksLikeEmail ? typed : null },
    { ip, unknownAccount: true },
  )
}

/**
 * Checks an email and password and opens a new session. Throws RATE_LIMITED (with Retry-After)
 * while the IP's bucket, or the account's (for a browser without a valid device cookie) or the
 * device's, is blocked; UNAUTHORIZED with the same message whether the email exists or not. A
 * correct password for a hash with fewer iterations than configured is re-hashed on the spot.
 */
export async function signIn(
  db: Db,
  config: Pick<Config, 'auth' | 'ipHashSalt'>,
  input: SignInInput,
): Promise<SignInResult> {
  const { auth, ipHashSalt } = config
  const { now } = input
  const account = await accountHash(input.email)
  const deviceId = await verifyDeviceCookie(ipHashSalt, input.deviceCookie, account, now)
  const keys = attemptKeys(auth, { accountHash: account, ipHash: input.ipHash, deviceId })
  const { user, check, subjectKey } = await checkPasswordThrottled(
    db,
    auth,
    keys,
    userByEmailQuery(db, input.email),
    input.password,
    now,
  )
  if (!user || !check.ok) {
    await db.batch([
      insertAuditQuery(db, [failureAudit(input.email, user?.id, input.ipHash)], now),
      pruneThrottlesQuery(db, now.getTime()),
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
    pruneThrottlesQuery(db, now.getTime()),
    insert,
    clearThrottleQuery(db, subjectKey),
    refundAttemptQuery(db, keys.ip),
    updateUserQuery(db, user.id, { lastLoginAt: now, ...rehash }),
    insertAuditQuery(
      db,
      [
        auditEntry(
          user,
          'auth.login',
          { type: 'user', id: user.id },
          { rehashed: check.needsRehash, trustedDevice: deviceId !== null },
        ),
      ],
      now,
    ),
  ])
  const { passwordHash: _, disabled: __, ...actor } = user
  const deviceCookie = await issueDeviceCookie(ipHashSalt, account, now)
  return { user: actor, session: issued, deviceCookie }
}

/** Ends the session server-side and records it. */
export async function signOut(db: Db, actor: Actor, token: string | undefined): Promise<void> {
  await endSession(db, token)
  await insertAuditQuery(db, [auditEntry(actor, 'auth.logout', { type: 'user', id: actor.id })])
}
