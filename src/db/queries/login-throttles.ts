// Sign-in throttle buckets: reserving an attempt atomically, reading why one was refused, clearing.
import { eq, inArray, lt, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { loginThrottles } from '../schema'

export interface ThrottlePolicy {
  /** A bucket drains its whole allowance over this long; it also caps the delay. */
  windowMs: number
  /** The delay once the allowance is used up; it doubles with each attempt past it. */
  baseDelayMs: number
}

export interface AttemptKeys {
  ip: string
  ipAllowance: number
  /** The account's bucket, used when there is no trusted device or the device is blocked. */
  account: string
  accountAllowance: number
  /** A trusted device's own bucket, which replaces the account's while it is not blocked. */
  device: string | null
}

export interface ThrottleRow {
  key: string
  level: number
  blockedUntil: number
}

/**
 * The delay after an attempt that brought the bucket to `level`: none within the allowance, then
 * doubling per attempt past it. A failure that has partly drained away still counts (rounding).
 */
function delayFor(level: SQL, allowance: SQL, policy: ThrottlePolicy): SQL {
  return sql`(case when ${level} < ${allowance} then 0 else min(${policy.windowMs}, ${policy.baseDelayMs} * (1 << min(30, cast(round(${level} - ${allowance}) as integer)))) end)`
}

/** The bucket an attempt counts against besides the IP's: the device's unless it is blocked. */
function subjectKey(keys: AttemptKeys, now: number): SQL {
  return sql`(case when ${keys.device} is null or exists (select 1 from login_throttles where key = ${keys.device} and blocked_until > ${now}) then ${keys.account} else ${keys.device} end)`
}

/**
 * Reserves one attempt in the IP's bucket and the subject's bucket (device or account) in a single
 * statement, before any password is checked, so parallel attempts cannot all read "not yet
 * limited". Nothing is written while either bucket is blocked. Returns the buckets it counted the
 * attempt in: none means the attempt is refused.
 */
export function reserveAttemptQuery(
  db: Db,
  keys: AttemptKeys,
  policy: ThrottlePolicy,
  now: number,
) {
  const subject = subjectKey(keys, now)
  const window = policy.windowMs
  // The SELECT reads the table it inserts into, so SQLite computes all its rows (and the gate)
  // before writing any: both buckets are counted, or neither.
  const firstDelay = delayFor(sql`1`, sql`allowance`, policy)
  const drained = sql`max(0, login_throttles.level - (${now} - login_throttles.updated_at) * excluded.allowance * 1.0 / ${window})`
  const level = sql`(${drained} + 1)`
  const blockedUntil = sql`${now} + ${delayFor(level, sql`excluded.allowance`, policy)}`
  return db.all<{ key: string; level: number; blocked_until: number }>(sql`
    insert into login_throttles (key, allowance, level, updated_at, blocked_until, expires_at)
    select key, allowance, 1, ${now}, ${now} + ${firstDelay}, ${now} + ${firstDelay} + ${window} / allowance
    from (select ${keys.ip} as key, ${keys.ipAllowance} as allowance
          union all select ${subject}, ${keys.accountAllowance})
    where not exists (
      select 1 from login_throttles where key in (${keys.ip}, ${subject}) and blocked_until > ${now})
    on conflict (key) do update set
      allowance = excluded.allowance,
      level = ${level},
      updated_at = ${now},
      blocked_until = ${blockedUntil},
      expires_at = max(${blockedUntil}, ${now} + cast(${level} * ${window} / excluded.allowance as integer))
    returning key, level, blocked_until`)
}

/** The buckets an attempt involves, read in the reservation's batch to say how long to wait. */
export function throttleStateQuery(db: Db, keys: AttemptKeys) {
  const names = [keys.ip, keys.account, ...(keys.device ? [keys.device] : [])]
  return db
    .select({
      key: loginThrottles.key,
      level: loginThrottles.level,
      blockedUntil: loginThrottles.blockedUntil,
    })
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, names))
}

/** A successful sign-in empties the bucket of the account (or device) it proved. */
export function clearThrottleQuery(db: Db, key: string) {
  return db.delete(loginThrottles).where(eq(loginThrottles.key, key))
}

/**
 * Gives back the attempt a success used in a shared bucket (the IP's), so a busy office is not
 * slowed by its own good sign-ins. The block stays: a success does not cut an attacker's wait.
 */
export function refundAttemptQuery(db: Db, key: string) {
  return db
    .update(loginThrottles)
    .set({ level: sql`max(0, ${loginThrottles.level} - 1)` })
    .where(eq(loginThrottles.key, key))
}

/** Empty, unblocked buckets; deleted on every checked sign-in, so a spray of emails leaves no pile. */
export function pruneThrottlesQuery(db: Db, now: number) {
  return db.delete(loginThrottles).where(lt(loginThrottles.expiresAt, now))
}
