// Which read candidates a related list scores: pins, section neighbours, the best tag neighbours in time.
import { TAG_POOL, VIA_TAG } from './related'
import type { RelatedDocRow } from './related-inputs'

/** Tag candidates further apart in time than this weigh under 0.03 %, so they are left out. */
const POOL_WINDOW_MS = 365 * 86_400_000

function sharedTagCount(a: RelatedDocRow, b: RelatedDocRow): number {
  return a.tags.filter((tag) => b.tags.some((other) => other.id === tag.id)).length
}

/** `12:0,15:1` into pairs of numbers. */
export function parsePairs(list: string | null): [number, number][] {
  if (!list) return []
  return list.split(',').map((pair) => {
    const [id, via] = pair.split(':')
    return [Number(id), Number(via)]
  })
}

/**
 * A target's published candidates: section neighbours and pins at any distance, and the TAG_POOL
 * best tag neighbours within the time window, ranked by shared tags, then nearness in time.
 */
export function choosePool(
  target: RelatedDocRow,
  pairs: readonly [number, number][],
  docOf: (id: number) => RelatedDocRow | undefined,
): number[] {
  const others: number[] = []
  const byTag: { id: number; shared: number; apart: number }[] = []
  for (const [id, via] of pairs) {
    const doc = docOf(id)
    if (!doc) continue
    const apart = Math.abs(doc.publishedAt - target.publishedAt)
    if (via !== VIA_TAG) others.push(id)
    else if (apart <= POOL_WINDOW_MS) byTag.push({ id, shared: sharedTagCount(target, doc), apart })
  }
  byTag.sort((a, b) => b.shared - a.shared || a.apart - b.apart || b.id - a.id)
  const chosen = new Set([...byTag.slice(0, TAG_POOL).map((candidate) => candidate.id), ...others])
  return [...chosen].sort((a, b) => a - b)
}
