// Shapes the rows related scoring reads into plain maps: published docs, pools, tag frequencies.
import { FREQUENCY_SAMPLE, type RelatedInputRows, type RelatedTarget } from './related'
import { choosePool, parsePairs } from './related-choice'

export interface RelatedDocRow {
  id: number
  title: string
  summary: string
  categoryId: number
  publishedAt: number
  /** Names are read for the targets' tags only, as reasons name no others; the rest are empty. */
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
  /** The published articles among the targets and their candidates. */
  docs: Map<number, RelatedDocRow>
  /** Published candidate ids per target (tag neighbours, same section nearby, editor pins). */
  candidates: Map<number, number[]>
  publishedCount: number
  tagFrequency: Map<number, number>
  pins: Map<number, number[]>
  current: Map<number, StoredPick[]>
}

function groupBy<T, V>(rows: readonly T[], key: (row: T) => number, value: (row: T) => V) {
  const groups = new Map<number, V[]>()
  for (const row of rows) {
    const list = groups.get(key(row)) ?? []
    list.push(value(row))
    groups.set(key(row), list)
  }
  return groups
}

/**
 * Published stories carrying a tag. A tag with more than FREQUENCY_SAMPLE is assumed as dense over
 * the whole id range as over the span its newest FREQUENCY_SAMPLE cover: an estimate, but the same
 * for the same data, and precise where it matters (a rare tag's weight).
 */
export function estimateTagFrequency(
  row: { tagged: number | null; sample_low: number | null; unpublished: number },
  lastId: number,
): number {
  const tagged =
    row.sample_low === null
      ? (row.tagged ?? 0)
      : Math.round((FREQUENCY_SAMPLE * lastId) / Math.max(1, lastId - row.sample_low + 1))
  return Math.max(1, tagged - row.unpublished)
}

/** The inputs of a run with nothing to score. */
export function emptyRelatedInputs(): RelatedInputs {
  return {
    targetIds: [],
    docs: new Map(),
    candidates: new Map(),
    publishedCount: 0,
    tagFrequency: new Map(),
    pins: new Map(),
    current: new Map(),
  }
}

function copyEntry<V>(from: ReadonlyMap<number, V>, to: Map<number, V>, id: number) {
  const value = from.get(id)
  if (value !== undefined) to.set(id, value)
}

/**
 * The inputs of several reads as one. A target's own doc comes from its read, the one that names
 * its tags (in another it may be a candidate, whose tags go unnamed).
 */
export function mergeRelatedInputs(parts: readonly RelatedInputs[]): RelatedInputs {
  const merged = emptyRelatedInputs()
  for (const part of parts) {
    for (const [id, doc] of part.docs) merged.docs.set(id, doc)
    for (const [id, frequency] of part.tagFrequency) merged.tagFrequency.set(id, frequency)
    merged.publishedCount = part.publishedCount
  }
  for (const part of parts) {
    for (const id of part.targetIds) {
      merged.targetIds.push(id)
      merged.docs.set(id, part.docs.get(id) as RelatedDocRow)
      copyEntry(part.candidates, merged.candidates, id)
      copyEntry(part.pins, merged.pins, id)
      copyEntry(part.current, merged.current, id)
    }
  }
  merged.targetIds.sort((a, b) => a - b)
  return merged
}

/**
 * Shapes the rows of relatedInputQueries for `targets`, in the same order, into plain maps.
 * `known` holds the docs earlier reads of the run returned, which this read left out.
 */
export function assembleRelatedInputs(
  targets: readonly RelatedTarget[],
  rows: RelatedInputRows,
  known: ReadonlyMap<number, RelatedDocRow>,
): RelatedInputs {
  const [docRows, tagRows, [corpus], pinRows, currentRows] = rows
  // Reasons name only the target's own tags, so only those names are read.
  const names = new Map(tagRows.map((row) => [row.tag_id, row.name]))
  const docs = new Map<number, RelatedDocRow>()
  for (const row of docRows) {
    docs.set(row.id, {
      id: row.id,
      title: row.title,
      summary: row.summary,
      categoryId: row.category_id,
      publishedAt: row.at,
      tags: (row.tag_ids ? row.tag_ids.split(',').map(Number) : [])
        .sort((a, b) => a - b)
        .map((id) => ({ id, name: names.get(id) ?? '' })),
    })
  }
  const candidates = new Map<number, number[]>()
  const docOf = (id: number) => docs.get(id) ?? known.get(id)
  for (const row of docRows) {
    const target = docs.get(row.id)
    if (target && row.pool !== null) {
      candidates.set(row.id, choosePool(target, parsePairs(row.pool), docOf))
    }
  }
  const lastId = corpus?.last_id ?? 0
  return {
    // A target unpublished since it was picked has no doc, and so no list.
    targetIds: targets
      .map((target) => target.id)
      .filter((id) => docs.has(id))
      .sort((a, b) => a - b),
    docs,
    candidates,
    publishedCount: Math.max(0, lastId - (corpus?.unpublished ?? 0)),
    tagFrequency: new Map(tagRows.map((row) => [row.tag_id, estimateTagFrequency(row, lastId)])),
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
