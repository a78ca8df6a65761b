// Article views: the beacon's deduplicated count, and the trending list computed from the buckets.
import { sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { utcDay } from '../../lib/time'
import type { Db } from '../client'
import { articles, articleViews, rateLimits, trendingArticles } from '../schema'

/** One view per reader (IP hash) and article in this long, however often the page is loaded. */
export const VIEW_DEDUPE_MS = 30 * 60_000

export type ViewResult = 'counted' | 'repeat' | 'not-found'

/**
 * Counts a view of a published article in one round trip. A row in rate_limits keyed by reader
 * and article marks the last counted view until it expires (window_start 0: it slides, it is not
 * a fixed window). The marker upsert takes this view's expiry only when no unexpired marker
 * exists; the bucket insert and the answer then check for that expiry, so they need no state from
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
      insert into ${articleViews} (article_id, day, count)
      select ${articleId}, ${utcDay(now)}, 1 where ${isThisView}
      on conflict (article_id, day) do update set count = count + 1`),
    db.all<{ counted: number }>(sql`
      select ${isThisView} as counted from ${articles}
      where id = ${articleId} and status = 'published'`),
  ])
  const row = article[0]
  if (!row) return 'not-found'
  return row.counted ? 'counted' : 'repeat'
}

export interface TrendingRow {
  articleId: number
  score: number
}

/**
 * The next trending list (published articles, today's and yesterday's buckets weighed as given)
 * and the stored one, in one round trip. Scores are rounded so equal views give equal scores.
 */
export async function loadTrendingWork(
  db: Db,
  weights: { today: string; yesterday: string; todayWeight: number; yesterdayWeight: number },
  limit: number,
): Promise<{ next: TrendingRow[]; current: TrendingRow[] }> {
  const { today, yesterday, todayWeight, yesterdayWeight } = weights
  const [next, current] = await db.batch([
    db.all<{ article_id: number; score: number }>(sql`
      select v.article_id, round(sum(v.count * case when v.day = ${today}
          then ${todayWeight} else ${yesterdayWeight} end), 4) as score
      from ${articleViews} v
      join ${articles} a on a.id = v.article_id and a.status = 'published'
      where v.day in (${today}, ${yesterday})
      group by v.article_id having score > 0
      order by score desc, a.published_at desc, a.id desc
      limit ${limit}`),
    db.all<{ article_id: number; score: number }>(sql`
      select article_id, score from ${trendingArticles} order by rank`),
  ])
  const rows = (list: { article_id: number; score: number }[]) =>
    list.map((row) => ({ articleId: row.article_id, score: row.score }))
  return { next: rows(next), current: rows(current) }
}

/** Replaces the whole trending list; rank 1 is the hottest. */
export function replaceTrendingQueries(
  db: Db,
  rows: readonly TrendingRow[],
  computedAt: Date,
): [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] {
  const clear = db.delete(trendingArticles)
  if (rows.length === 0) return [clear]
  const values = rows.map((row, i) => ({ rank: i + 1, ...row, computedAt }))
  return [clear, db.insert(trendingArticles).values(values)]
}
