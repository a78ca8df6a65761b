// What related-list scoring reads for a set of target articles (writes: related-writes.ts).
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, articleTags, relatedArticles, relatedPins, tags } from '../schema'
import { literal, sectionNeighbourIds, tagNeighbourPairs, UNPUBLISHED } from './related-pool'

/**
 * A tag's document frequency is counted exactly up to this many stories. Past it, it is
 * estimated from the id span its newest this-many stories cover, so a tag on half the archive
 * costs no more to weigh than a small one.
 */
export const FREQUENCY_SAMPLE = 500

/** How a candidate entered a target's pool; only tag neighbours are bounded by the time window. */
export const VIA_TAG = 0
const VIA_SECTION = 1
const VIA_PIN = 2

/** The targets: the published articles among `targetIds`, a one-column subquery. */
function targetCte(targetIds: SQL) {
  // Materialised: the target subquery can be costly, and the pool reads it several times. `+status`
  // keeps SQLite on the primary key: the status index would walk every published article.
  return sql`with target as materialized (
      select id, category_id, coalesce(published_at, updated_at) as at from ${articles}
      where +status = 'published' and id in (${targetIds})
    )`
}

/**
 * The targets and their candidate pool, from index seeks only: tag neighbours, section
 * neighbours and pins, whatever their status (the docs say which are published). Statements repeat
 * it rather than share it, which keeps the whole read in one round trip.
 */
function poolCte(targetIds: SQL) {
  return sql`${targetCte(targetIds)},
    pool as (
      select source_id as target_id, neighbour_id as candidate_id, ${literal(VIA_TAG)} as via
      from (${tagNeighbourPairs(sql`select id from target`)})
      union all
      select t.id, c.id, ${literal(VIA_SECTION)} from target t join ${articles} c on c.id in (
        ${sectionNeighbourIds(sql`t.category_id`, sql`t.at`, sql`t.id`)}
      )
      union all
      select p.article_id, p.related_id, ${literal(VIA_PIN)} from ${relatedPins} p
      where p.article_id in (select id from target)
    )`
}

/** The targets' tags: names, and frequencies exact up to FREQUENCY_SAMPLE, unpublished counted apart. */
function frequencyQuery(targetIds: SQL): SQL {
  return sql`${targetCte(targetIds)},
    target_tags as (
      select distinct st.tag_id from target t join ${articleTags} st on st.article_id = t.id
    ),
    unpublished_tags as (
      select ut.tag_id, count(*) as n from ${articles} u
      cross join ${articleTags} ut on ut.article_id = u.id
      where u.status in (${UNPUBLISHED}) and ut.tag_id in (select tag_id from target_tags)
      group by ut.tag_id
    )
    select g.tag_id, (select name from ${tags} where id = g.tag_id) as name,
      (select count(*) from (
        select 1 from ${articleTags} x where x.tag_id = g.tag_id limit ${literal(FREQUENCY_SAMPLE + 1)}
      )) as tagged,
      (select x.article_id from ${articleTags} x where x.tag_id = g.tag_id
        order by x.article_id desc limit 1 offset ${literal(FREQUENCY_SAMPLE - 1)}) as sample_low,
      coalesce(u.n, 0) as unpublished
    from target_tags g left join unpublished_tags u on u.tag_id = g.tag_id
    order by g.tag_id`
}

/**
 * The statements that read a run's inputs; put them in the caller's batch after its own. Pools and
 * tag lists come as one string per row, which keeps a chunk's answer small to send and to parse.
 */
export function relatedInputQueries(db: Db, targetIds: SQL) {
  const target = targetCte(targetIds)
  const cte = poolCte(targetIds)
  const involved = sql`(select id from target union select candidate_id from pool)`
  return [
    db.all<{ id: number }>(sql`${target} select id from target order by id`),
    // `candidate:via,…`; a candidate met both ways keeps the way the time window does not bound.
    db.all<{ target_id: number; pool: string }>(sql`${cte}
      select target_id, group_concat(candidate_id || ':' || via) as pool from (
        select target_id, candidate_id, max(via) as via from pool group by target_id, candidate_id
      ) group by target_id order by target_id`),
    db.all<{
      id: number
      title: string
      summary: string
      category_id: number
      at: number
      tag_ids: string | null
    }>(sql`${cte}
      select a.id, a.title, a.summary, a.category_id, coalesce(a.published_at, a.updated_at) as at,
        (select group_concat(x.tag_id) from ${articleTags} x where x.article_id = a.id) as tag_ids
      from ${articles} a where a.id in ${involved} and +a.status = 'published'`),
    db.all<{
      tag_id: number
      name: string
      tagged: number
      sample_low: number | null
      unpublished: number
    }>(frequencyQuery(targetIds)),
    // Articles are never deleted, only unpublished, so ids up to the last are all articles.
    db.all<{ last_id: number | null; unpublished: number }>(sql`
      select (select max(id) from ${articles}) as last_id,
        (select count(*) from ${articles} where status in (${UNPUBLISHED})) as unpublished`),
    db.all<{ article_id: number; related_id: number }>(sql`
      ${target} select p.article_id, p.related_id from ${relatedPins} p
      join ${articles} r on r.id = p.related_id and +r.status = 'published'
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
