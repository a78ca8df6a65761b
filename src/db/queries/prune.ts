// Housekeeping: deletes view buckets past retention, expired rate-limit rows and sessions, in chunks.
import { lt, type SQL, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { utcDay } from '../../lib/time'
import type { Db } from '../client'
import { articleViews, rateLimits, sessions } from '../schema'

const DAY_MS = 86_400_000

/**
 * At most this many rows go per statement, so that no delete holds the database for long: a day
 * of views on a busy site is 100,000 rows, and the beacon leaves one rate-limit row per view.
 * Measured at 70–100 µs a rate-limit row, 5,000 keep a statement near half a second.
 */
export const PRUNE_CHUNK_ROWS = 5_000

export interface PruneLimits {
  chunkRows: number
  /** Round trips one run may spend; what is left waits for the next run. */
  maxRoundTrips: number
}

export interface PruneCounts {
  views: number
  rateLimits: number
  sessions: number
}

/** Up to `rows` of the table's rows matching `where`, deleted by rowid. */
function deleteChunk(db: Db, table: SQLiteTable, where: SQL | undefined, rows: number) {
  return db.run(sql`delete from ${table} where rowid in (
    select rowid from ${table} where ${where} limit ${rows})`)
}

/**
 * Deletes what each condition matches, a chunk per table per round trip (one batch), going on
 * with the tables whose last chunk was full. With nothing to delete, that is one round trip.
 */
async function deleteInChunks<K extends string>(
  db: Db,
  targets: Record<K, { table: SQLiteTable; where: SQL | undefined }>,
  limits: PruneLimits,
): Promise<Record<K, number>> {
  const keys = Object.keys(targets) as K[]
  const deleted = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>
  let pending = keys
  for (let trip = 0; trip < limits.maxRoundTrips && pending.length > 0; trip++) {
    const chunks = pending.map((key) =>
      deleteChunk(db, targets[key].table, targets[key].where, limits.chunkRows),
    )
    const [first, ...rest] = chunks
    if (!first) break
    const results = await db.batch([first, ...rest])
    pending = pending.filter((key, i) => {
      const rows = results[i]?.rowsAffected ?? 0
      deleted[key] += rows
      return rows >= limits.chunkRows
    })
  }
  return deleted
}

/**
 * Deletes the view buckets older than `viewRetentionDays` days (today is day 1), the rate-limit
 * rows whose window has ended and the sessions that have expired.
 */
export function pruneExpiredRows(
  db: Db,
  now: Date,
  viewRetentionDays: number,
  limits: PruneLimits = { chunkRows: PRUNE_CHUNK_ROWS, maxRoundTrips: 100 },
): Promise<PruneCounts> {
  const oldestKept = utcDay(new Date(now.getTime() - (viewRetentionDays - 1) * DAY_MS))
  return deleteInChunks(
    db,
    {
      views: { table: articleViews, where: lt(articleViews.day, oldestKept) },
      rateLimits: { table: rateLimits, where: lt(rateLimits.expiresAt, now.getTime()) },
      sessions: { table: sessions, where: lt(sessions.expiresAt, now) },
    },
    limits,
  )
}

/**
 * Deletes the rate-limit rows whose window has ended. The view beacon leaves one row per counted
 * view (10 million on a day of 10 million views), so this runs every five minutes: the table
 * stays at about half an hour of views, and each run deletes what five minutes brought.
 */
export async function pruneExpiredLimits(
  db: Db,
  now: Date,
  limits: PruneLimits = { chunkRows: PRUNE_CHUNK_ROWS, maxRoundTrips: 20 },
): Promise<number> {
  const where = lt(rateLimits.expiresAt, now.getTime())
  return (await deleteInChunks(db, { rateLimits: { table: rateLimits, where } }, limits)).rateLimits
}
