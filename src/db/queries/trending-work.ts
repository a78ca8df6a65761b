// What the trending job reads and writes: pending views admitted under a cap, the next list, the swap.
import { sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../client'
import { articles, articleViews, rateLimits, trendingArticles } from '../schema'
import {
  CANDIDATES_PER_DAY,
  candidateBoundQuery,
  isProvenTop,
  type RankedRow,
  rankCandidatesQuery,
  type TrendingRow,
  type TrendingWeights,
  toRankedRows,
  WIDER_CANDIDATES,
} from './trending-rank'
import { PENDING_VIEWS, PENDING_VIEWS_END } from './views'

export type { TrendingRow, TrendingWeights } from './trending-rank'

/** What an article was admitted in the last run, kept in rate_limits as its recent history. */
const ADMITTED_VIEWS = 'trending:admitted:'

/** How many of the views waiting since the last run one article may gain in this one. */
export interface ViewAdmission {
  now: Date
  /** At most max(floor, growth × what it gained in the last run)… */
  floor: number
  growth: number
  /** …where "the last run" is one that ran within this long; an older history counts as none. */
  historyMs: number
}

export interface AdmittedViews {
  /** Articles with views waiting, the views waiting, and the views admitted into article_views. */
  articles: number
  offered: number
  admitted: number
}

/** Each waiting article's views, its history and what it may gain now, as rows of a subquery. */
function pendingViews({ now, floor, growth }: ViewAdmission) {
  const id = sql`substr(p.key, ${PENDING_VIEWS.length + 1})`
  return sql`select cast(${id} as integer) as article_id, p.count as offered,
      min(p.count, max(${floor}, ${growth} * coalesce(h.count, 0))) as admitted
    from ${rateLimits} p
    left join ${rateLimits} h on h.key = ${ADMITTED_VIEWS} || ${id}
      and h.window_start = 0 and h.expires_at > ${now.getTime()}
    where p.key > ${PENDING_VIEWS} and p.key < ${PENDING_VIEWS_END} and p.window_start = 0`
}

/**
 * Moves the waiting views into today's buckets under the cap, records what each article gained as
 * its history for the next run, and clears the waiting counts. In one batch, which runs as one
 * transaction, so a beacon lands either before it (and is admitted now) or after it (next run).
 * The first statement writes, so the transaction holds the write lock from its start.
 */
function admitPendingViewsQueries(db: Db, admission: ViewAdmission, today: string) {
  const pending = pendingViews(admission)
  return [
    db.run(sql`
      insert into ${articleViews} (article_id, day, count)
      select v.article_id, ${today}, v.admitted from (${pending}) v
      join ${articles} a on a.id = v.article_id
      where v.admitted > 0
      on conflict (day, article_id) do update set count = count + excluded.count`),
    db.all<{ articles: number; offered: number; admitted: number }>(sql`
      select count(*) as articles, coalesce(sum(v.offered), 0) as offered,
        coalesce(sum(v.admitted), 0) as admitted
      from (${pending}) v`),
    db.run(sql`
      insert into ${rateLimits} (key, window_start, count, expires_at)
      select ${ADMITTED_VIEWS} || v.article_id, 0, v.admitted,
        ${admission.now.getTime() + admission.historyMs}
      from (${pending}) v where true
      on conflict (key, window_start) do update
        set count = excluded.count, expires_at = excluded.expires_at`),
    db.run(sql`
      delete from ${rateLimits}
      where key > ${PENDING_VIEWS} and key < ${PENDING_VIEWS_END} and window_start = 0`),
  ] as const
}

/**
 * Admits the waiting views, then reads the next trending list (each edition's best `limit`
 * published articles, today's and yesterday's buckets weighed as given) and the stored one: one
 * round trip. The list comes from each day's most viewed stories; only when those cannot prove
 * every edition's does a second round trip read ten times as many.
 */
export async function loadTrendingWork(
  db: Db,
  input: {
    admission: ViewAdmission
    weights: TrendingWeights
    /** How many stories each edition's list holds. */
    limit: number
    /** The editions' codes, whose lists must each be proven (see isProvenTop). */
    editions?: readonly string[]
    /** Tests pass a small number to reach the fallback. */
    candidatesPerDay?: number
  },
): Promise<{ next: TrendingRow[]; current: TrendingRow[]; views: AdmittedViews }> {
  const { admission, weights, limit, editions } = input
  const perDay = Math.max(limit, input.candidatesPerDay ?? CANDIDATES_PER_DAY)
  const [, views, , , candidates, bound, current] = await db.batch([
    ...admitPendingViewsQueries(db, admission, weights.today),
    rankCandidatesQuery(db, weights, limit, perDay),
    candidateBoundQuery(db, weights, perDay),
    db.all<{ article_id: number; score: number }>(sql`
      select article_id, score from ${trendingArticles} order by rank`),
  ])
  let next: RankedRow[] = toRankedRows(candidates)
  if (!isProvenTop(next, limit, bound[0]?.bound ?? 0, editions)) {
    next = toRankedRows(await rankCandidatesQuery(db, weights, limit, perDay * WIDER_CANDIDATES))
  }
  const admitted = views[0]
  const toRow = (row: { articleId: number; score: number }) => ({
    articleId: row.articleId,
    score: row.score,
  })
  return {
    next: next.map(toRow),
    current: current.map((row) => toRow({ articleId: row.article_id, score: row.score })),
    views: {
      articles: Number(admitted?.articles ?? 0),
      offered: Number(admitted?.offered ?? 0),
      admitted: Number(admitted?.admitted ?? 0),
    },
  }
}

/**
 * Replaces the whole trending list; rank 1 is the hottest. It holds every edition's list, merged in
 * score order, so an edition's is its rows in rank order (trendingQuery).
 */
export function replaceTrendingQueries(
  db: Db,
  rows: readonly TrendingRow[],
  computedAt: Date,
): [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] {
  const clear = db.delete(trendingArticles)
  if (rows.length === 0) return [clear]
  const values = rows.map((row, i) => ({
    rank: i + 1,
    articleId: row.articleId,
    score: row.score,
    computedAt,
  }))
  return [clear, db.insert(trendingArticles).values(values)]
}
