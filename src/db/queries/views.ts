// Article views from the beacon: one per reader and article in 30 minutes, held until cron admits them.
import { sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, rateLimits } from '../schema'

/** One view per reader (IP hash) and article in this long, however often the page is loaded. */
export const VIEW_DEDUPE_MS = 30 * 60_000

/**
 * Views wait in rate_limits under `<prefix><articleId>` until the trending job admits them into
 * article_views (db/queries/trending.ts), up to a cap per run. Keys sort between the prefix and
 * PENDING_VIEWS_END, so the job finds them by a range on the primary key.
 */
export const PENDING_VIEWS = 'trending:pending:'
export const PENDING_VIEWS_END = 'trending:pending;'

/** A pending count the job never admitted (cron stopped) is pruned after this. */
const PENDING_TTL_MS = 86_400_000

export type ViewResult = 'counted' | 'repeat' | 'not-found'

/**
 * Counts a view of a published article in one round trip. A row in rate_limits keyed by reader
 * and article marks the last counted view until it expires (window_start 0: it slides, it is not
 * a fixed window). The marker upsert takes this view's expiry only when no unexpired marker
 * exists; the pending count and the answer then check for that expiry, so they need no state from
 * the statement before them. (Two views from one reader in the same millisecond may both count.)
 */
export async function recordView(
  db: Db,
  input: { articleId: number; readerHash: string; now: Date },
): Promise<ViewResult> {
  const { articleId, readerHash, now } = input
  const key = `view:${readerHash}:${articleId}`
  const until = now.getTime() + VIEW_DEDUPE_MS
  const isThisView = sql`exists (select 1 from ${rateLimits}
    where key = ${key} and window_start = 0 and expires_at = ${until})`
  const [, , article] = await db.batch([
    db.run(sql`
      insert into ${rateLimits} (key, window_start, count, expires_at)
      select ${key}, 0, 1, ${until}
      where exists (select 1 from ${articles} where id = ${articleId} and status = 'published')
      on conflict (key, window_start) do update set count = count + 1, expires_at = excluded.expires_at
      where ${rateLimits}.expires_at <= ${now.getTime()}`),
    db.run(sql`
      insert into ${rateLimits} (key, window_start, count, expires_at)
      select ${`${PENDING_VIEWS}${articleId}`}, 0, 1, ${now.getTime() + PENDING_TTL_MS}
      where ${isThisView}
      on conflict (key, window_start) do update set count = count + 1`),
    db.all<{ counted: number }>(sql`
      select ${isThisView} as counted from ${articles}
      where id = ${articleId} and status = 'published'`),
  ])
  const row = article[0]
  if (!row) return 'not-found'
  return row.counted ? 'counted' : 'repeat'
}
