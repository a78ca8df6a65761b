// Editor sessions, stored by token hash only: create, find and touch, end one or all of a user's.
import { and, eq, gt, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { sessions, type UserRole, users } from '../schema'

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

/** Used by tests and tools: the number of sessions a user has. */
export async function countUserSessions(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)` })
    .from(sessions)
    .where(eq(sessions.userId, userId))
  return row?.total ?? 0
}
