// Password checks behind the sign-in throttle: the attempt is counted first, then the hash checked.
import type { Db } from '../db/client'
import {
  type AttemptKeys,
  reserveAttemptQuery,
  type ThrottlePolicy,
  type ThrottleRow,
  throttleStateQuery,
} from '../db/queries/login-throttles'
import { normalizeEmail, type UserRecord, type userByEmailQuery } from '../db/queries/users'
import type { Config } from '../env'
import { sha256Hex } from '../lib/encoding'
import { AppError } from '../lib/errors'
import { type PasswordCheck, verifyPassword } from './passwords'

/** The first delay once an allowance is used up: 1 s, then 2 s, 4 s… up to the window. */
export const BASE_DELAY_MS = 1000

// A well-formed hash of nothing in particular: checking against it when the email is unknown costs
// what a real check costs, so response times do not reveal which emails have accounts.
const DECOY_SALT = 'AAAAAAAAAAAAAAAAAAAAAA=='
const DECOY_HASH = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

export function throttlePolicy(auth: Config['auth']): ThrottlePolicy {
  return { windowMs: auth.lockoutMs, baseDelayMs: BASE_DELAY_MS }
}

/** The hash that names an account in throttle keys and device cookies; the email is never stored. */
export function accountHash(email: string): Promise<string> {
  return sha256Hex(normalizeEmail(email))
}

/** The buckets one attempt counts against: its IP's, and its trusted device's or its account's. */
export function attemptKeys(
  auth: Config['auth'],
  ids: { accountHash: string; ipHash: string; deviceId?: string | null },
): AttemptKeys {
  return {
    ip: `login:ip:${ids.ipHash}`,
    ipAllowance: auth.maxFailuresPerIp,
    account: `login:account:${ids.accountHash}`,
    accountAllowance: auth.maxFailuresPerAccount,
    device: ids.deviceId ? `login:device:${ids.deviceId}` : null,
  }
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

/** RATE_LIMITED with how long the blocking buckets still hold (as Retry-After seconds). */
function refusal(state: ThrottleRow[], keys: AttemptKeys, now: number): AppError {
  const until = (key: string | null) => state.find((row) => row.key === key)?.blockedUntil ?? 0
  // A blocked device falls back to the account's bucket, as the reservation itself does.
  const subject = keys.device && until(keys.device) <= now ? keys.device : keys.account
  const wait = Math.max(1, Math.ceil((Math.max(until(keys.ip), until(subject)) - now) / 1000))
  return new AppError(
    'RATE_LIMITED',
    `Too many failed sign-ins. Please wait ${describeWait(wait)} and try again.`,
    wait,
  )
}

export interface ThrottledCheck {
  /** The account that was looked up, if there is one. */
  user: UserRecord | undefined
  check: PasswordCheck
  /** The device or account bucket the attempt was counted in; a success clears it. */
  subjectKey: string
}

/**
 * Counts the attempt and looks the account up in one round trip, then checks the password (against
 * a decoy hash when there is no account). Throws RATE_LIMITED, without checking anything, while a
 * bucket is blocked: at most the allowance of parallel attempts ever reaches the hash.
 */
export async function checkPasswordThrottled(
  db: Db,
  auth: Config['auth'],
  keys: AttemptKeys,
  lookup: ReturnType<typeof userByEmailQuery>,
  password: string,
  now: Date,
): Promise<ThrottledCheck> {
  const [reserved, state, found] = await db.batch([
    reserveAttemptQuery(db, keys, throttlePolicy(auth), now.getTime()),
    throttleStateQuery(db, keys),
    lookup,
  ])
  const subjectKey = reserved.find((row) => row.key !== keys.ip)?.key
  if (!subjectKey) throw refusal(state, keys, now.getTime())
  const user = found[0]
  const stored =
    user?.passwordHash ?? `pbkdf2-sha256$${auth.passwordIterations}$${DECOY_SALT}$${DECOY_HASH}`
  const check = await verifyPassword(password, stored, auth.passwordIterations)
  return { user, check: user ? check : { ok: false, needsRehash: false }, subjectKey }
}
