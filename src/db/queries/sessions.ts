// Editor sessions (stored by token hash only) and the counters behind sign-in throttling.
import { and, eq, gt, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { rateLimits, sessions, type UserRole, users } from '../schema'

export interface NewSession {
  tokenHash: string
  userId: number
  csrfToken: string
  expiresAt: Date
  now: Date
}

export function insertSessionQuery(db: Db, session: NewSession) {
  const { now, ...values } = session
  return db.insert(sessions).values({ ...values, lastSeenAt: now, createdAt: now })
}

export function deleteSessionQuery(db: Db, tokenHash: string) {
  return db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
}

/** Ends every session of a user: after a password reset, a disable or a role change. */
export function deleteUserSessionsQuery(db: Db, userId: number) {
  return db.delete(sessions).where(eq(sessions.userId, userId))
}

/** Sessions past their expiry or idle for longer than `idleMs`; for sign-in and nightly pruning. */
export function deleteDeadSessionsQuery(db: Db, now: Date, idleMs: number) {
  return db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs))),
    )
}

export interface LiveSession {
  csrfToken: string
  expiresAt: Date
  user: { id: number; email: string; name: string; role: UserRole }
}

/** Last-seen moves at most this often, so a busy editor does not cost a write per request. */
export const TOUCH_INTERVAL_MS = 60_000

/**
 * Finds a live session (neither expired nor idle too long, of an enabled account) and moves its
 * last-seen time, in one round trip. The select runs after the update in the same batch, so a
 * session the update just kept alive is found.
 */
export async function touchSession(
  db: Db,
  tokenHash: string,
  now: Date,
  idleMs: number,
): Promise<LiveSession | null> {
  const live = and(
    eq(sessions.tokenHash, tokenHash),
    gt(sessions.expiresAt, now),
    gt(sessions.lastSeenAt, new Date(now.getTime() - idleMs)),
  )
  const [, found] = await db.batch([
    db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(live, lt(sessions.lastSeenAt, new Date(now.getTime() - TOUCH_INTERVAL_MS)))),
    db
      .select({
        csrfToken: sessions.csrfToken,
        expiresAt: sessions.expiresAt,
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(live, eq(users.disabled, false))),
  ])
  const row = found[0]
  if (!row) return null
  const { csrfToken, expiresAt, ...user } = row
  return { csrfToken, expiresAt, user }
}

/** The same window arithmetic as `hitRateLimitQuery`, so reads and hits agree on the window. */
export function rateWindowStart(now: Date, windowMs: number): number {
  return Math.floor(now.getTime() / windowMs) * windowMs
}

/** Failures counted so far in the current window of `key` (0 when none). */
export function failureCountQuery(db: Db, key: string, now: Date, windowMs: number) {
  return db
    .select({ count: rateLimits.count, expiresAt: rateLimits.expiresAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, rateWindowStart(now, windowMs))))
}

export function clearFailuresQuery(db: Db, key: string) {
  return db.delete(rateLimits).where(eq(rateLimits.key, key))
}

/** Used by tests and tools: the number of sessions a user has. */
export async function countUserSessions(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)` })
    .from(sessions)
    .where(eq(sessions.userId, userId))
  return row?.total ?? 0
}
