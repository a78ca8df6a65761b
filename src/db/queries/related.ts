// What related-list scoring reads for a set of target articles (writes: related-writes.ts).
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, articleTags, relatedArticles, relatedPins, tags } from '../schema'

/** Candidates per target that share a tag: the most shared tags first, then the nearest in time. */
const TAG_POOL = 50
/** Candidates per target from its own section: this many published before it and after it. */
export const SECTION_POOL = 6
/** Candidates further apart in time than this weigh under 0.03 %, so they are not even read. */
const POOL_WINDOW_MS = 365 * 86_400_000

export interface RelatedDocRow {
  id: number
  title: string
  summary: string
  categoryId: number
  publishedAt: number
  tags: { id: number; name: string }[]
}

export interface StoredPick {
  relatedId: number
  rank: number
  score: number
  reason: string
}

/** Everything scoring needs for the published targets, read in the same batch as the caller's own. */
export interface RelatedInputs {
  targetIds: number[]
  docs: Map<number, RelatedDocRow>
  /** Candidate ids per target (shared tags, same section nearby, editor pins). */
  candidates: Map<number, number[]>
  publishedCount: number
  tagFrequency: Map<number, number>
  pins: Map<number, number[]>
  current: Map<number, StoredPick[]>
}

/** The targets: the published articles among `targetIds`, a one-column subquery. */
function targetCte(targetIds: SQL) {
  // Materialised: the target subquery can be costly, and the pool reads it several times.
  return sql`with target as materialized (
      select id, category_id, coalesce(published_at, updated_at) as at from ${articles}
      where status = 'published' and id in (${targetIds})
    )`
}

/**
 * The targets and their candidate pool. Statements repeat it rather than share it: SQLite evaluates
 * it in milliseconds, and it keeps the whole read in one round trip. Statements that need only the
 * targets leave the pool out, as a CTE nothing reads is not even compiled.
 */
function poolCte(targetIds: SQL) {
  return sql`${targetCte(targetIds)},
    by_tag as (
      select t.id as target_id, ct.article_id as candidate_id, row_number() over (
          partition by t.id
          order by count(*) desc, abs(coalesce(c.published_at, c.updated_at) - t.at), c.id desc
        ) as n
      from target t
      join ${articleTags} tt on tt.article_id = t.id
      join ${articleTags} ct on ct.tag_id = tt.tag_id and ct.article_id <> t.id
      join ${articles} c on c.id = ct.article_id and c.status = 'published'
      where abs(coalesce(c.published_at, c.updated_at) - t.at) <= ${POOL_WINDOW_MS}
      group by t.id, ct.article_id
    ),
    pool as (
      select target_id, candidate_id from by_tag where n <= ${TAG_POOL}
      union
      select t.id, c.id from target t join ${articles} c on c.id in (
        select id from (
          select a.id from ${articles} a
          where a.category_id = t.category_id and a.status = 'published' and a.id <> t.id
            and a.published_at <= t.at
          order by a.published_at desc, a.id desc limit ${SECTION_POOL}
        )
        union all
        select id from (
          select a.id from ${articles} a
          where a.category_id = t.category_id and a.status = 'published' and a.id <> t.id
            and a.published_at > t.at
          order by a.published_at, a.id limit ${SECTION_POOL}
        )
      )
      union
      select p.article_id, p.related_id from ${relatedPins} p
      join ${articles} r on r.id = p.related_id and r.status = 'published'
      where p.article_id in (select id from target)
    )`
}

/** The statements that read a run's inputs; put them in the caller's batch after its own. */
export function relatedInputQueries(db: Db, targetIds: SQL) {
  const target = targetCte(targetIds)
  const cte = poolCte(targetIds)
  const involved = sql`(select id from target union select candidate_id from pool)`
  return [
    db.all<{ id: number }>(sql`${target} select id from target order by id`),
    db.all<{ target_id: number; candidate_id: number }>(
      sql`${cte} select target_id, candidate_id from pool order by target_id, candidate_id`,
    ),
    db.all<{ id: number; title: string; summary: string; category_id: number; at: number }>(sql`
      ${cte} select id, title, summary, category_id, coalesce(published_at, updated_at) as at
      from ${articles} where id in ${involved}`),
    db.all<{ article_id: number; id: number; name: string }>(sql`
      ${cte} select at.article_id, g.id, g.name from ${articleTags} at
      join ${tags} g on g.id = at.tag_id where at.article_id in ${involved}
      order by at.article_id, g.id`),
    db.all<{ tag_id: number; df: number }>(sql`
      ${target} select ct.tag_id, count(*) as df from ${articleTags} ct
      join ${articles} a on a.id = ct.article_id and a.status = 'published'
      where ct.tag_id in (
        select tag_id from ${articleTags} where article_id in (select id from target)
      )
      group by ct.tag_id`),
    db.all<{ n: number }>(sql`select count(*) as n from ${articles} where status = 'published'`),
    db.all<{ article_id: number; related_id: number }>(sql`
      ${target} select p.article_id, p.related_id from ${relatedPins} p
      join ${articles} r on r.id = p.related_id and r.status = 'published'
      where p.article_id in (select id from target) order by p.article_id, p.position`),
    db.all<{ article_id: number; related_id: number; rank: number; score: number; reason: string }>(
      sql`${target} select article_id, related_id, rank, score, reason from ${relatedArticles}
      where article_id in (select id from target) order by article_id, rank`,
    ),
  ] as const
}

type AwaitedEach<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> }
/** The rows each statement of relatedInputQueries returns, in order. */
export type RelatedInputRows = AwaitedEach<ReturnType<typeof relatedInputQueries>>

function groupBy<T, V>(rows: readonly T[], key: (row: T) => number, value: (row: T) => V) {
  const groups = new Map<number, V[]>()
  for (const row of rows) {
    const list = groups.get(key(row)) ?? []
    list.push(value(row))
    groups.set(key(row), list)
  }
  return groups
}

/** Shapes the rows of relatedInputQueries, in the same order, into plain maps. */
export function assembleRelatedInputs(rows: RelatedInputRows): RelatedInputs {
  const [targets, pool, docRows, tagRows, frequencies, [total], pinRows, currentRows] = rows
  const tagsOf = groupBy(
    tagRows,
    (row) => row.article_id,
    (row) => ({ id: row.id, name: row.name }),
  )
  return {
    targetIds: targets.map((row) => row.id),
    docs: new Map(
      docRows.map((row) => [
        row.id,
        {
          id: row.id,
          title: row.title,
          summary: row.summary,
          categoryId: row.category_id,
          publishedAt: row.at,
          tags: tagsOf.get(row.id) ?? [],
        },
      ]),
    ),
    candidates: groupBy(
      pool,
      (row) => row.target_id,
      (row) => row.candidate_id,
    ),
    publishedCount: total?.n ?? 0,
    tagFrequency: new Map(frequencies.map((row) => [row.tag_id, row.df])),
    pins: groupBy(
      pinRows,
      (row) => row.article_id,
      (row) => row.related_id,
    ),
    current: groupBy(
      currentRows,
      (row) => row.article_id,
      (row) => ({
        relatedId: row.related_id,
        rank: row.rank,
        score: row.score,
        reason: row.reason,
      }),
    ),
  }
}
