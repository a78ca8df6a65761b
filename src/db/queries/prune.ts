// Nightly housekeeping: deletes view buckets past retention, expired rate-limit rows and sessions.
import { lt } from 'drizzle-orm'
import { utcDay } from '../../lib/time'
import type { Db } from '../client'
import { articleViews, rateLimits, sessions } from '../schema'

const DAY_MS = 86_400_000

export interface PruneCounts {
  views: number
  rateLimits: number
  sessions: number
}

/**
 * Deletes, in one round trip, the view buckets older than `viewRetentionDays` days (today is day
 * 1), the rate-limit rows whose window has ended and the sessions that have expired.
 */
export async function pruneExpiredRows(
  db: Db,
  now: Date,
  viewRetentionDays: number,
): Promise<PruneCounts> {
  const oldestKept = utcDay(new Date(now.getTime() - (viewRetentionDays - 1) * DAY_MS))
  const [views, limits, expired] = await db.batch([
    db.delete(articleViews).where(lt(articleViews.day, oldestKept)),
    db.delete(rateLimits).where(lt(rateLimits.expiresAt, now.getTime())),
    db.delete(sessions).where(lt(sessions.expiresAt, now)),
  ])
  return {
    views: views.rowsAffected,
    rateLimits: limits.rowsAffected,
    sessions: expired.rowsAffected,
  }
}
