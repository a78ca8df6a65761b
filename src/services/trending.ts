// Trending: views in the last 24 hours, newer views weighing more, from per-UTC-day view buckets.
import type { Db } from '../db/client'
import { TRENDING_LIMIT } from '../db/queries/trending'
import {
  loadTrendingWork,
  replaceTrendingQueries,
  type TrendingRow,
  type TrendingWeights,
  type ViewAdmission,
} from '../db/queries/trending-work'
import { utcDay } from '../lib/time'
import type { ContentChange, PurgeReport } from './purge'

/** A view this many hours old counts half as much as one made now. */
export const TRENDING_HALF_LIFE_HOURS = 12

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** The job runs every five minutes (jobs/index.ts); each run admits the views since the last. */
const RUN_INTERVAL_MS = 5 * 60_000

/**
 * The cap on what one article gains per run: at most max(floor, growth × its gain in the last
 * run). The beacon counts one view per address, so rotating addresses could otherwise put any
 * story at the top within one run. A floor of 50 views in five minutes (600 an hour) is above
 * what all but the hottest stories get, so a new story rises unhindered; a doubling per run lets
 * breaking news reach thousands of views a run within half an hour. Views over the cap are
 * dropped, not deferred, or a burst would only arrive later. The history lasts one and a half
 * intervals, so a late run still finds it and a quiet run resets it.
 */
export function viewAdmission(now: Date): ViewAdmission {
  return { now, floor: 50, growth: 2, historyMs: 1.5 * RUN_INTERVAL_MS }
}

/** Mean of 2^(-age / halfLife) over ages [from, to]: the weight of views spread evenly over them. */
export function meanDecay(fromMs: number, toMs: number, halfLifeMs: number): number {
  const at = (age: number) => 2 ** (-age / halfLifeMs)
  if (toMs - fromMs < 1) return at(fromMs)
  return ((halfLifeMs / Math.LN2) * (at(fromMs) - at(toMs))) / (toMs - fromMs)
}

/**
 * Views are counted per UTC day, so the last 24 hours are today's bucket (ages 0 to the time since
 * midnight, e) plus the last 24h − e of yesterday's. Assuming views spread evenly over a day,
 * yesterday contributes the fraction (24h − e) / 24h of its count. Each bucket's views are weighed
 * by the mean decay over the ages they cover.
 */
export function trendingWeights(
  now: Date,
  halfLifeHours: number = TRENDING_HALF_LIFE_HOURS,
): TrendingWeights {
  const halfLife = halfLifeHours * HOUR_MS
  const sinceMidnight = now.getTime() - Math.floor(now.getTime() / DAY_MS) * DAY_MS
  return {
    today: utcDay(now),
    yesterday: utcDay(new Date(now.getTime() - DAY_MS)),
    todayWeight: meanDecay(0, sinceMidnight, halfLife),
    yesterdayWeight:
      ((DAY_MS - sinceMidnight) / DAY_MS) * meanDecay(sinceMidnight, DAY_MS, halfLife),
  }
}

export type TrendingCounts = {
  ranked: number
  written: number
  purged: number
  /** Views moved from the beacon's waiting counts into article_views, and those over the cap. */
  viewsAdmitted: number
  viewsDropped: number
}

function sameList(a: readonly TrendingRow[], b: readonly TrendingRow[]) {
  return (
    a.length === b.length &&
    a.every((row, i) => row.articleId === b[i]?.articleId && row.score === b[i]?.score)
  )
}

/**
 * Admits the views the beacon collected since the last run (under the cap), then recomputes the
 * trending lists of published articles, one per edition. It writes the list only when it or a score changed, and
 * purges the pages of stories that gained or lost the "What's hot" marker.
 */
export async function refreshTrending(deps: {
  db: Db
  now: Date
  purge: (changes: ContentChange[]) => Promise<PurgeReport>
  /** The editions' codes: each gets a list of its own, read by its home and article pages. */
  editions?: readonly string[]
}): Promise<TrendingCounts> {
  const { db, now, editions } = deps
  const { next, current, views } = await loadTrendingWork(db, {
    admission: viewAdmission(now),
    weights: trendingWeights(now),
    limit: TRENDING_LIMIT,
    editions,
  })
  const counts = { viewsAdmitted: views.admitted, viewsDropped: views.offered - views.admitted }
  if (sameList(current, next)) return { ranked: next.length, written: 0, purged: 0, ...counts }
  const [first, ...rest] = replaceTrendingQueries(db, next, now)
  await db.batch([first, ...rest])
  const before = new Set(current.map((row) => row.articleId))
  const after = new Set(next.map((row) => row.articleId))
  const marked = [
    ...[...before].filter((id) => !after.has(id)),
    ...[...after].filter((id) => !before.has(id)),
  ]
  // The "What's hot" lists on other pages refresh with their cache lifetime; only markers move here.
  const report =
    marked.length > 0
      ? await deps.purge([{ kind: 'related-recomputed', articleIds: marked }])
      : null
  return {
    ranked: next.length,
    written: next.length,
    purged: report?.paths.length ?? 0,
    ...counts,
  }
}
