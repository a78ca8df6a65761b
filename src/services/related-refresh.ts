// Recomputes related lists from loaded inputs, writes only those that changed, purges what readers see.
import type { Db } from '../db/client'
import { RELATED_LIMIT } from '../db/queries/article-page'
import type { RelatedInputs, StoredPick } from '../db/queries/related-inputs'
import { type ChangeCursor, loadChangedWork, loadRelatedChunk } from '../db/queries/related-targets'
import { LISTS_PER_WRITE, replaceRelatedListsQueries } from '../db/queries/related-writes'
import type { ContentChange, PurgeReport } from './purge'
import { rankRelated } from './related'
import { memoizeTerms } from './related-terms'

export interface RelatedRefreshCounts {
  /** Lists computed this run. */
  recomputed: number
  /** Lists whose stored rows changed (picks, order, scores or reasons). */
  written: number
  /** Lists whose stories or order changed, so their pages were purged. */
  changed: number
  /** URLs the purge cleared. */
  purged: number
}

/**
 * Scores drift a little with every article published (tag IDF counts them all), so a stored list
 * is rewritten for its scores only once one has moved by more than this fraction.
 */
export const SCORE_TOLERANCE = 0.01

function closeEnough(a: number, b: number): boolean {
  return Math.abs(a - b) <= SCORE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))
}

/** True when a stored list should be rewritten: other picks, order or reasons, or moved scores. */
export function listsDiffer(current: readonly StoredPick[], next: readonly StoredPick[]) {
  return (
    current.length !== next.length ||
    current.some((pick, i) => {
      const other = next[i]
      return (
        other?.relatedId !== pick.relatedId ||
        other.rank !== pick.rank ||
        other.reason !== pick.reason ||
        !closeEnough(other.score, pick.score)
      )
    })
  )
}

/** True when readers would see a different list: other stories, or another order. */
export function visibleListChanged(current: readonly StoredPick[], next: readonly StoredPick[]) {
  return (
    current.length !== next.length ||
    current.some((pick, i) => next[i]?.relatedId !== pick.relatedId)
  )
}

/** Ranks every target; pure, so the same inputs always give the same lists. */
export function computeRelatedLists(inputs: RelatedInputs) {
  const stats = { publishedCount: inputs.publishedCount, tagFrequency: inputs.tagFrequency }
  const termsOf = memoizeTerms()
  return inputs.targetIds.flatMap((articleId) => {
    const target = inputs.docs.get(articleId)
    if (!target) return []
    const candidates = (inputs.candidates.get(articleId) ?? []).flatMap(
      (id) => inputs.docs.get(id) ?? [],
    )
    const pins = inputs.pins.get(articleId) ?? []
    const picks = rankRelated(target, candidates, stats, pins, RELATED_LIMIT, termsOf)
    return [{ articleId, picks, current: inputs.current.get(articleId) ?? [] }]
  })
}

export interface RefreshDeps {
  db: Db
  purge: (changes: ContentChange[]) => Promise<PurgeReport>
  now: Date
}

/**
 * Writes the lists that differ from what is stored, a batch per LISTS_PER_WRITE, then purges the
 * pages whose visible list changed. A second run over the same data finds nothing to write: it is idempotent.
 */
async function applyRelatedLists(
  deps: RefreshDeps,
  inputs: RelatedInputs,
): Promise<RelatedRefreshCounts> {
  const lists = computeRelatedLists(inputs)
  const toWrite = lists.filter((list) => listsDiffer(list.current, list.picks))
  for (let i = 0; i < toWrite.length; i += LISTS_PER_WRITE) {
    const group = toWrite.slice(i, i + LISTS_PER_WRITE)
    const [first, ...rest] = replaceRelatedListsQueries(deps.db, group, deps.now)
    if (first) await deps.db.batch([first, ...rest])
  }
  const shown = toWrite
    .filter((list) => visibleListChanged(list.current, list.picks))
    .map((list) => list.articleId)
  const report =
    shown.length > 0 ? await deps.purge([{ kind: 'related-recomputed', articleIds: shown }]) : null
  return {
    recomputed: lists.length,
    written: toWrite.length,
    changed: shown.length,
    purged: report?.paths.length ?? 0,
  }
}

/**
 * The 5-minute refresh: the lists of articles changed after `after` (up to `now`) and of their
 * neighbours, at most `budget` of them. Returns where the next run resumes (null: nothing new).
 */
export async function refreshChangedLists(deps: RefreshDeps, after: ChangeCursor, budget: number) {
  const work = await loadChangedWork(deps.db, after, deps.now, budget)
  const counts = await applyRelatedLists(deps, work.inputs)
  return {
    counts: {
      changedArticles: work.changed.length,
      removed: work.removedLists,
      deferred: work.deferred,
      ...counts,
    },
    last: work.changed.at(-1) ?? null,
  }
}

/**
 * One chunk of the full refresh: the next `budget` published articles after id `afterId`.
 * Returns the last id done, or null once the pass has reached the end.
 */
export async function refreshListChunk(deps: RefreshDeps, afterId: number, budget: number) {
  const { removedLists, inputs } = await loadRelatedChunk(deps.db, afterId, budget)
  const counts = await applyRelatedLists(deps, inputs)
  const last = inputs.targetIds.at(-1)
  const lastId = inputs.targetIds.length < budget || last === undefined ? null : last
  return { counts: { removed: removedLists, ...counts }, lastId }
}
