// Which related lists a cron run recomputes: changed articles and their neighbours, or the next chunk.
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, relatedArticles } from '../schema'
import { relatedInputQueries } from './related'
import { assembleRelatedInputs, type RelatedInputs } from './related-inputs'
import { sectionNeighbourIds, tagNeighbourPairs, UNPUBLISHED } from './related-pool'

/** Keyset position in `articles` ordered by (updated_at, id): the last change a run handled. */
export interface ChangeCursor {
  updatedAt: number
  id: number
}

export interface ChangedWork {
  /** The changed articles handled, in (updated_at, id) order, whatever their status. */
  changed: { id: number; updatedAt: number }[]
  /** Lists removed because their article is no longer published. */
  removedLists: number
  /** Lists that needed recomputing but did not fit in the budget; the nightly refresh does them. */
  deferred: number
  inputs: RelatedInputs
}

/** Changes up to `now` only: a save stamped in the future must not carry the cursor past others. */
function changedIds(after: ChangeCursor, now: Date, limit: number): SQL {
  return sql`select id from ${articles}
    where (updated_at > ${after.updatedAt} or (updated_at = ${after.updatedAt} and id > ${after.id}))
      and updated_at <= ${now.getTime()}
    order by updated_at, id limit ${limit}`
}

/**
 * Every list a change can alter, most urgent first: the changed articles' own, the lists that show
 * them, and the lists of published articles near them that share a tag or their section (the
 * section part mirrors how the scoring pool picks section candidates).
 */
function affectedIds(changed: SQL): SQL {
  return sql`select u.id, min(u.priority) as priority from (
      select id, 0 as priority from (${changed})
      union all
      select article_id, 1 from ${relatedArticles} where related_id in (${changed})
      union all
      select neighbour_id, 2 from (${tagNeighbourPairs(changed)})
      union all
      select s.id, 2 from ${articles} c join ${articles} s on s.id in (
        ${sectionNeighbourIds(sql`c.category_id`, sql`coalesce(c.published_at, c.updated_at)`, sql`c.id`)}
      )
      where c.id in (${changed})
    ) u join ${articles} a on a.id = u.id and +a.status = 'published'
    group by u.id`
}

/**
 * One round trip for the 5-minute refresh: removes the lists of changed articles that are no
 * longer published, and reads the changes after `after` (at most `budget`), how many affected
 * lists do not fit, and the scoring inputs for those that do.
 */
export async function loadChangedWork(
  db: Db,
  after: ChangeCursor,
  now: Date,
  budget: number,
): Promise<ChangedWork> {
  const changed = changedIds(after, now, budget)
  const affected = affectedIds(changed)
  const targets = sql`select id from (${affected}) order by priority, id limit ${budget}`
  const [removed, changedRows, [total], ...inputRows] = await db.batch([
    db.all<{ article_id: number }>(sql`
      delete from ${relatedArticles} where article_id in (
        select id from ${articles} where id in (${changed}) and status <> 'published'
      ) returning article_id`),
    db.all<{ id: number; updated_at: number }>(sql`
      select id, updated_at from ${articles} where id in (${changed}) order by updated_at, id`),
    db.all<{ n: number }>(sql`select count(*) as n from (${affected})`),
    ...relatedInputQueries(db, targets),
  ])
  return {
    changed: changedRows.map((row) => ({ id: row.id, updatedAt: row.updated_at })),
    removedLists: new Set(removed.map((row) => row.article_id)).size,
    deferred: Math.max(0, (total?.n ?? 0) - budget),
    inputs: assembleRelatedInputs(inputRows),
  }
}

/**
 * One round trip for a chunk of the full refresh: the next `budget` published articles after id
 * `afterId`. The first chunk of a pass also removes every list of an article no longer published.
 */
export async function loadRelatedChunk(
  db: Db,
  afterId: number,
  budget: number,
): Promise<{ removedLists: number; inputs: RelatedInputs }> {
  // `+status` keeps SQLite on the primary key from `afterId`: the status index would sort them all.
  const targets = sql`select id from ${articles}
    where +status = 'published' and id > ${afterId} order by id limit ${budget}`
  // Only the first chunk sweeps: a pass then starts clean, and later chunks stay cheap. A bound
  // value, as SQLite folds a literal `0 and …` away with its parameters, and db-server counts
  // parameters from the bytecode.
  const sweep = sql`${afterId === 0 ? 1 : 0} = 1`
  const [removed, ...inputRows] = await db.batch([
    db.all<{ article_id: number }>(sql`
      delete from ${relatedArticles} where ${sweep} and article_id in (
        select id from ${articles} where status in (${UNPUBLISHED})
      ) returning article_id`),
    ...relatedInputQueries(db, targets),
  ])
  return {
    removedLists: new Set(removed.map((row) => row.article_id)).size,
    inputs: assembleRelatedInputs(inputRows),
  }
}
