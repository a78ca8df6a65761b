// What related-list scoring reads for a set of target articles (writes: related-writes.ts).
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, articleTags, relatedArticles, relatedPins, tags } from '../schema'
import {
  articleMeta,
  literal,
  sectionNeighbourPairs,
  tagNeighbourPairs,
  UNPUBLISHED,
} from './related-pool'

/**
 * A tag's document frequency is counted exactly up to this many stories. Past it, it is
 * estimated from the id span its newest this-many stories cover, so a tag on half the archive
 * costs no more to weigh than a small one.
 */
export const FREQUENCY_SAMPLE = 500

/**
 * Tag neighbours read per target: those sharing the most of its tags first (counted on the
 * article_tags index), then the nearest by id (ids follow creation time). Only these are read from
 * articles_related_meta_idx; scoring then keeps as many of them as lie inside its time window.
 */
export const TAG_POOL = 50

/** How a candidate entered a target's pool; only tag neighbours are bounded by the time window. */
export const VIA_TAG = 0
const VIA_SECTION = 1
const VIA_PIN = 2

/** A published article whose list is recomputed, with what the pool's section seeks need. */
export interface RelatedTarget {
  id: number
  categoryId: number
  /** Publish time (update time if none), in ms. */
  at: number
  /** Its edition: candidates come from the same one. */
  language: string
}

/**
 * The targets, sent as JSON rather than read again: every statement of the batch starts from them,
 * and none pays for the articles' rows.
 */
function targetCte(targets: readonly RelatedTarget[]) {
  const json = JSON.stringify(
    targets.map((target) => [target.id, target.categoryId, target.at, target.language]),
  )
  return sql`with target as materialized (
      select json_extract(value, '$[0]') as id, json_extract(value, '$[1]') as category_id,
        json_extract(value, '$[2]') as at, json_extract(value, '$[3]') as language
      from json_each(${json})
    )`
}

/**
 * The targets and their candidate pool, from index seeks only: tag neighbours, section
 * neighbours and pins, whatever their status (the docs say which are published).
 */
function poolCte(targets: readonly RelatedTarget[]) {
  return sql`${targetCte(targets)},
    by_tag as (
      select source_id as target_id, neighbour_id as candidate_id, row_number() over (
          partition by source_id
          order by (
            select count(*) from ${articleTags} a cross join ${articleTags} b
              on b.article_id = neighbour_id and b.tag_id = a.tag_id
            where a.article_id = source_id
          ) desc, abs(neighbour_id - source_id), neighbour_id desc
        ) as n
      from (${tagNeighbourPairs(sql`select id from target`)})
      group by source_id, neighbour_id
    ),
    pool as materialized (
      select target_id, candidate_id, ${literal(VIA_TAG)} as via from by_tag
      where n <= ${literal(TAG_POOL)}
      union all
      select source_id, neighbour_id, ${literal(VIA_SECTION)}
      from (${sectionNeighbourPairs(sql`select id, category_id, language, at from target`)})
      union all
      select p.article_id, p.related_id, ${literal(VIA_PIN)} from ${relatedPins} p
      where p.article_id in (select id from target)
    )`
}

/**
 * The targets' tags: names, and how many stories carry each. A tag with fewer than FREQUENCY_SAMPLE
 * is counted (`tagged`); a bigger one gives the id of its FREQUENCY_SAMPLE-th newest story. Both
 * walk at most that many index entries. Unpublished stories are counted apart, from the status index.
 */
function frequencyQuery(targets: readonly RelatedTarget[]): SQL {
  return sql`${targetCte(targets)},
    target_tags as (
      select distinct st.tag_id from target t join ${articleTags} st on st.article_id = t.id
    ),
    unpublished_tags as (
      select ut.tag_id, count(*) as n from ${articles} u
      cross join ${articleTags} ut on ut.article_id = u.id
      where u.status in (${UNPUBLISHED}) and ut.tag_id in (select tag_id from target_tags)
      group by ut.tag_id
    )
    select tag_id, name, sample_low, unpublished,
      case when sample_low is null then (
        select count(*) from ${articleTags} x where x.tag_id = s.tag_id
      ) end as tagged
    from (
      select g.tag_id, (select name from ${tags} where id = g.tag_id) as name,
        (select x.article_id from ${articleTags} x where x.tag_id = g.tag_id
          order by x.article_id desc limit 1 offset ${literal(FREQUENCY_SAMPLE - 1)}) as sample_low,
        coalesce(u.n, 0) as unpublished
      from target_tags g left join unpublished_tags u on u.tag_id = g.tag_id
    ) s
    order by tag_id`
}

/**
 * The statements that read a run's inputs; put them in the caller's batch after its own. Each
 * published article involved comes once, a target with its pool, and tag lists and pools as one
 * string: a chunk's answer stays small to send and to parse. Candidates in `knownIds` (read by an
 * earlier read of the same run) are not read again; targets always are.
 */
export function relatedInputQueries(
  db: Db,
  targets: readonly RelatedTarget[],
  knownIds: readonly number[],
) {
  const target = targetCte(targets)
  const known = JSON.stringify(knownIds)
  return [
    // `pool` is `candidate:via,…`; a candidate met both ways keeps the way the time window does not
    // bound.
    db.all<{
      id: number
      title: string
      summary: string
      category_id: number
      at: number
      tag_ids: string | null
      pool: string | null
    }>(sql`${poolCte(targets)},
      pools as (
        select target_id, group_concat(candidate_id || ':' || via) as pool from (
          select target_id, candidate_id, max(via) as via from pool group by target_id, candidate_id
        ) group by target_id
      ),
      doc as (
        select t.id, p.pool from target t left join pools p on p.target_id = t.id
        union all
        select candidate_id, null from pool where candidate_id not in (select id from target)
          and candidate_id not in (select value from json_each(${known}))
        group by candidate_id
      )
      select m.id, m.title, m.summary, m.category_id, coalesce(m.published_at, m.updated_at) as at,
        (select group_concat(x.tag_id) from ${articleTags} x where x.article_id = m.id) as tag_ids,
        d.pool
      from doc d cross join ${articleMeta('m')} on m.id = d.id
      where +m.status = 'published'`),
    db.all<{
      tag_id: number
      name: string
      tagged: number | null
      sample_low: number | null
      unpublished: number
    }>(frequencyQuery(targets)),
    // Articles are never deleted, only unpublished, so ids up to the last are all articles.
    db.all<{ last_id: number | null; unpublished: number }>(sql`
      select (select max(id) from ${articles}) as last_id,
        (select count(*) from ${articles} where status in (${UNPUBLISHED})) as unpublished`),
    db.all<{ article_id: number; related_id: number }>(sql`
      ${target} select p.article_id, p.related_id from ${relatedPins} p
      join ${articleMeta('r')} on r.id = p.related_id and +r.status = 'published'
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
