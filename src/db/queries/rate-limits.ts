// Fixed-window rate-limit counters in the database, so limits hold across isolates and data centres.
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { rateLimits } from '../schema'

export interface RateWindow {
  key: string
  windowMs: number
}

/**
 * Counts one hit in the current window of `key` and returns the window's total. With `unless`,
 * the hit is not counted while that SQL condition holds (a retried request is not a new attempt).
 */
export function hitRateLimitQuery(db: Db, { key, windowMs }: RateWindow, now: Date, unless?: SQL) {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs
  const expiresAt = windowStart + windowMs
  const skip = unless ?? sql`0`
  // INSERT … SELECT … WHERE lets the condition veto the hit; ON CONFLICT adds to an open window.
  return db.all<{ count: number; expires_at: number }>(sql`
    insert into ${rateLimits} (key, window_start, count, expires_at)
    select ${key}, ${windowStart}, 1, ${expiresAt} where not (${skip})
    on conflict (key, window_start) do update set count = count + 1
    returning count, expires_at`)
}
