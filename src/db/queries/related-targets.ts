// Which related lists a cron run recomputes: changed articles and their neighbours, or the next chunk.
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, relatedArticles } from '../schema'
import { type RelatedTarget, relatedInputQueries } from './related'
import {
  assembleRelatedInputs,
  mergeRelatedInputs,
  type RelatedDocRow,
  type RelatedInputs,
} from './related-inputs'
import { articleMeta, sectionNeighbourPairs, tagNeighbourPairs, UNPUBLISHED } from './related-pool'

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

/**
 * Changes up to `now` only: a save stamped in the future must not carry the cursor past others. The
 * keyset test is written as a range first, so that SQLite seeks `updated_at` instead of walking it.
 */
function changedIds(after: ChangeCursor, now: Date, limit: number): SQL {
  return sql`select id from ${articles}
    where updated_at >= ${after.updatedAt} and updated_at <= ${now.getTime()}
      and (updated_at > ${after.updatedAt} or id > ${after.id})
    order by updated_at, id limit ${limit}`
}

/**
 * Every list a change can alter, most urgent first: the changed articles' own, the lists that show
 * them, and the lists of articles near them that share a tag or their section (the section part
 * mirrors how the scoring pool picks section candidates), nearest a change first. The first
 * `budget` of them, with what scoring needs of each and how many there are in all. Everything here
 * comes off indexes, the changed articles' status and dates included (their rows' tails are a walk
 * through their bodies' overflow pages): a neighbour found unpublished just leaves its place empty.
 *
 * Nearest first, by id (ids grow with time): a change moves a near list more than a far one, whose
 * score for it has decayed, and a rare tag's neighbours lie years back, where a cold archive's
 * index pages come from disk. Taken by id alone, the oldest came first and the nearest were left
 * to the nightly pass.
 */
function affectedTargets(changed: SQL, budget: number): SQL {
  return sql`select a.id, a.category_id, a.language, coalesce(a.published_at, a.updated_at) as at,
      top.total
    from (
      select u.id, min(u.priority) as priority, min(u.distance) as distance,
        count(*) over () as total from (
        select id, 0 as priority, 0 as distance from ${articleMeta('c')}
        where id in (${changed}) and +status = 'published'
        union all
        select article_id, 1, 0 from ${relatedArticles} where related_id in (${changed})
        union all
        select neighbour_id, 2, abs(neighbour_id - source_id) from (${tagNeighbourPairs(changed)})
        union all
        select neighbour_id, 2, abs(neighbour_id - source_id) from (${sectionNeighbourPairs(sql`
          select id, category_id, language, coalesce(published_at, updated_at) as at
          from ${articleMeta('c')} where id in (${changed})`)})
      ) u
      where u.id not in (
        select id from ${articleMeta('c')} where id in (${changed}) and +status <> 'published'
      )
      group by u.id order by priority, distance, u.id limit ${budget}
    ) top
    cross join ${articleMeta('a')} on a.id = top.id
    where +a.status = 'published'
    order by top.priority, top.id`
}

type TargetRow = { id: number; category_id: number; language: string; at: number }

function toTargets(rows: readonly TargetRow[]): RelatedTarget[] {
  return rows.map((row) => ({
    id: row.id,
    categoryId: row.category_id,
    at: row.at,
    language: row.language,
  }))
}

/**
 * Targets whose inputs one round trip reads. Each costs some 45 article rows, read from disk when
 * a large archive's pages are not cached: this many keep every read short, so that pages sharing
 * the database never wait long behind a refresh.
 */
const TARGETS_PER_READ = 50

/**
 * The scoring inputs of `targets`: a round trip per TARGETS_PER_READ, none for no targets. Lists
 * near each other share candidates, so each read leaves out the docs earlier ones returned: at
 * 1,000,000 articles a chunk of 200 reads about a quarter fewer rows.
 */
async function loadInputs(db: Db, targets: RelatedTarget[]): Promise<RelatedInputs> {
  const parts: RelatedInputs[] = []
  const known = new Map<number, RelatedDocRow>()
  for (let i = 0; i < targets.length; i += TARGETS_PER_READ) {
    const group = targets.slice(i, i + TARGETS_PER_READ)
    const [first, ...rest] = relatedInputQueries(db, group, [...known.keys()])
    const part = assembleRelatedInputs(group, await db.batch([first, ...rest]), known)
    for (const [id, doc] of part.docs) known.set(id, doc)
    parts.push(part)
  }
  return mergeRelatedInputs(parts)
}

/**
 * The 5-minute refresh, in two round trips: the first removes the lists of changed articles no
 * longer published, and reads the changes after `after` (at most `budget`), the affected lists
 * that fit in the budget and how many do not; the second reads the scoring inputs for those.
 */
export async function loadChangedWork(
  db: Db,
  after: ChangeCursor,
  now: Date,
  budget: number,
): Promise<ChangedWork> {
  const changed = changedIds(after, now, budget)
  const [removed, changedRows, targetRows] = await db.batch([
    db.all<{ article_id: number }>(sql`
      delete from ${relatedArticles} where article_id in (
        select id from ${articleMeta('c')} where id in (${changed}) and +status <> 'published'
      ) returning article_id`),
    db.all<{ id: number; updated_at: number }>(sql`
      select id, updated_at from ${articleMeta('c')} where id in (${changed})
      order by updated_at, id`),
    db.all<TargetRow & { total: number }>(affectedTargets(changed, budget)),
  ])
  const targets = toTargets(targetRows)
  return {
    changed: changedRows.map((row) => ({ id: row.id, updatedAt: row.updated_at })),
    removedLists: new Set(removed.map((row) => row.article_id)).size,
    deferred: Math.max(0, (targetRows[0]?.total ?? 0) - budget),
    inputs: await loadInputs(db, targets),
  }
}

/**
 * A chunk of the full refresh, in two round trips: the next `budget` published articles after id
 * `afterId`, then their scoring inputs. The first chunk of a pass also removes every list of an
 * article no longer published.
 */
export async function loadRelatedChunk(
  db: Db,
  afterId: number,
  budget: number,
): Promise<{ removedLists: number; inputs: RelatedInputs }> {
  // Only the first chunk sweeps: a pass then starts clean, and later chunks stay cheap. A bound
  // value, as SQLite folds a literal `0 and …` away with its parameters, and db-server counts
  // parameters from the bytecode.
  const sweep = sql`${afterId === 0 ? 1 : 0} = 1`
  const [removed, targetRows] = await db.batch([
    db.all<{ article_id: number }>(sql`
      delete from ${relatedArticles} where ${sweep} and article_id in (
        select id from ${articles} where status in (${UNPUBLISHED})
      ) returning article_id`),
    // `+status` keeps SQLite walking ids from `afterId`: the status index would sort them all.
    db.all<TargetRow>(sql`
      select id, category_id, language, coalesce(published_at, updated_at) as at
      from ${articleMeta('a')}
      where +status = 'published' and id > ${afterId} order by id limit ${budget}`),
  ])
  return {
    removedLists: new Set(removed.map((row) => row.article_id)).size,
    inputs: await loadInputs(db, toTargets(targetRows)),
  }
}
