// The next trending list from each day's most viewed stories, however many stories were read.
import { sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, articleViews } from '../schema'

export interface TrendingRow {
  articleId: number
  score: number
}

/** A row of the next list, with the edition it counts for. */
export interface RankedRow extends TrendingRow {
  language: string
}

export interface TrendingWeights {
  today: string
  yesterday: string
  /** What one view in today's bucket is worth. */
  todayWeight: number
  /** What one view in yesterday's bucket is worth, for the part of it inside the window. */
  yesterdayWeight: number
}

/**
 * How many of each day's most viewed stories are candidates. Far more than the list shows, so that
 * unpublished stories among them and ones that did well on both days rarely leave it unproven.
 */
export const CANDIDATES_PER_DAY = 200

/**
 * When the candidates cannot prove the list, a second read takes this many times more, and its
 * best are the list, proven or not. Never every story read that day: checking each one's status
 * reads its row past the body, and 200,000 of those take seconds.
 */
export const WIDER_CANDIDATES = 10

type ScoreRow = { article_id: number; score: number; language: string }

/**
 * Each edition's best `limit` published stories among each day's `perDay` most viewed (index seeks
 * on (day, count)), scored on both days' counts, as one list in score order: the first `limit` are
 * the site's best, and each edition's are the best of its own, so no edition's list comes up short
 * because another's stories are read more. Scores are rounded so equal views give equal scores.
 * CROSS JOIN keeps the candidates outermost: otherwise SQLite may walk every published article.
 */
export function rankCandidatesQuery(
  db: Db,
  weights: TrendingWeights,
  limit: number,
  perDay: number,
) {
  const { today, yesterday, todayWeight, yesterdayWeight } = weights
  const top = (day: string) => sql`select article_id from (select ${articleViews.articleId}
    from ${articleViews} where ${articleViews.day} = ${day} order by ${articleViews.count} desc
    limit ${perDay})`
  return db.all<ScoreRow>(sql`
    select article_id, score, language from (
      select *, row_number() over (partition by language
          order by score desc, published_at desc, article_id desc) as place
      from (
        select c.article_id, round(coalesce(t.count, 0) * ${todayWeight}
            + coalesce(y.count, 0) * ${yesterdayWeight}, 4) as score,
          a.published_at as published_at, a.language as language
        from (${top(today)} union ${top(yesterday)}) c
        cross join ${articles} a on a.id = c.article_id and a.status = 'published'
        left join ${articleViews} t on t.day = ${today} and t.article_id = c.article_id
        left join ${articleViews} y on y.day = ${yesterday} and y.article_id = c.article_id)
      where score > 0)
    where place <= ${limit}
    order by score desc, published_at desc, article_id desc`)
}

/**
 * The most any story outside the candidates can score: the `perDay`-th count of each day, weighed.
 * A day with fewer stories has nothing outside its candidates, and counts 0.
 */
export function candidateBoundQuery(db: Db, weights: TrendingWeights, perDay: number) {
  const nth = (day: string) => sql`coalesce((select ${articleViews.count} from ${articleViews}
    where ${articleViews.day} = ${day} order by ${articleViews.count} desc
    limit 1 offset ${perDay - 1}), 0)`
  return db.all<{ bound: number }>(sql`
    select round(${nth(weights.today)} * ${weights.todayWeight}
      + ${nth(weights.yesterday)} * ${weights.yesterdayWeight}, 4) as bound`)
}

/**
 * True when no story outside the candidates can be in any edition's list: each edition's is full,
 * and its last score beats the bound outright (a tie could go to an outsider published later).
 * `editions` are the lists that must be proven; without it, those the candidates hold.
 */
export function isProvenTop(
  ranked: readonly RankedRow[],
  limit: number,
  bound: number,
  editions?: readonly string[],
): boolean {
  if (bound <= 0) return true
  const languages = editions ?? [...new Set(ranked.map((row) => row.language))]
  if (languages.length === 0) return false
  return languages.every((language) => {
    const last = ranked.filter((row) => row.language === language)[limit - 1]
    return last !== undefined && last.score > bound
  })
}

export function toRankedRows(list: ScoreRow[]): RankedRow[] {
  return list.map((row) => ({
    articleId: row.article_id,
    score: row.score,
    language: row.language,
  }))
}
