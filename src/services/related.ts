// Related-news scoring: explainable, deterministic, and pure, so a fixture can prove the ranking.
import { memoizeTerms, type TermsOf } from './related-terms'

/** What scoring knows about an article: its words, section, time and tags. */
export interface RelatedDoc {
  id: number
  title: string
  summary: string
  categoryId: number
  /** Milliseconds since the epoch. */
  publishedAt: number
  tags: readonly { id: number; name: string }[]
}

/** Corpus facts for tag IDF: how many articles are published, and how many carry each tag. */
export interface CorpusStats {
  publishedCount: number
  tagFrequency: ReadonlyMap<number, number>
}

export interface RelatedPick {
  relatedId: number
  rank: number
  score: number
  /** For editors: "2 shared tags: France, Russia · same section". */
  reason: string
}

export const SAME_SECTION_WEIGHT = 1
/** A perfect title-and-summary match is worth about one rare shared tag. */
export const TERM_WEIGHT = 3
/** Stories this many days apart count half; relatedness is symmetric in time, never `now`. */
export const RECENCY_HALF_LIFE_DAYS = 30
export const PINNED_REASON = 'pinned by an editor'

const DAY_MS = 86_400_000
const REASON_NAME_LIMIT = 4

/** Rarer tags say more: ln(1 + N / df), so a tag on every story is worth ln 2 and a rare one more. */
export function tagWeight(stats: CorpusStats, tagId: number): number {
  const frequency = Math.max(1, stats.tagFrequency.get(tagId) ?? 1)
  return Math.log(1 + Math.max(stats.publishedCount, frequency) / frequency)
}

/** 1 for stories published at the same moment, ½ at RECENCY_HALF_LIFE_DAYS apart, and so on. */
export function recencyFactor(a: number, b: number): number {
  return 0.5 ** (Math.abs(a - b) / DAY_MS / RECENCY_HALF_LIFE_DAYS)
}

/** Four decimals: stored as is, and compared as is, so float noise never reorders a list. */
function round(score: number): number {
  return Math.round(score * 10_000) / 10_000
}

export interface ScoredCandidate {
  id: number
  publishedAt: number
  score: number
  reason: string
}

/**
 * The score alone, which ranking needs of every candidate; the reason is worded only for those
 * picked. Null when they have nothing in common.
 */
function scoreOf(
  target: RelatedDoc,
  candidate: RelatedDoc,
  stats: CorpusStats,
  termsOf: TermsOf,
): number | null {
  let tagScore = 0
  for (const tag of target.tags) {
    if (candidate.tags.some((other) => other.id === tag.id)) tagScore += tagWeight(stats, tag.id)
  }
  const sameSection = target.categoryId === candidate.categoryId
  const targetTerms = termsOf(target)
  const candidateTerms = termsOf(candidate)
  let sharedTerms = 0
  for (const term of targetTerms) if (candidateTerms.has(term)) sharedTerms++
  const overlap =
    sharedTerms === 0 ? 0 : sharedTerms / Math.sqrt(targetTerms.size * candidateTerms.size)
  const relevance = tagScore + (sameSection ? SAME_SECTION_WEIGHT : 0) + TERM_WEIGHT * overlap
  if (relevance <= 0) return null
  return round(relevance * recencyFactor(target.publishedAt, candidate.publishedAt))
}

/** Why a candidate matches, for editors: "2 shared tags: France, Russia · same section". */
function explainMatch(target: RelatedDoc, candidate: RelatedDoc, termsOf: TermsOf): string {
  const reasons: string[] = []
  const names = target.tags
    .filter((tag) => candidate.tags.some((other) => other.id === tag.id))
    .map((tag) => tag.name)
    .sort()
  if (names.length > 0) reasons.push(`${count(names.length, 'shared tag')}: ${listNames(names)}`)
  if (target.categoryId === candidate.categoryId) reasons.push('same section')
  const candidateTerms = termsOf(candidate)
  const sharedTerms = [...termsOf(target)].filter((term) => candidateTerms.has(term)).sort()
  if (sharedTerms.length > 0) {
    reasons.push(`${count(sharedTerms.length, 'shared word')}: ${listNames(sharedTerms)}`)
  }
  return reasons.join(' · ')
}

/** Scores one candidate for one target and explains why; null when they have nothing in common. */
export function scoreCandidate(
  target: RelatedDoc,
  candidate: RelatedDoc,
  stats: CorpusStats,
  termsOf: TermsOf = memoizeTerms(),
): ScoredCandidate | null {
  const score = scoreOf(target, candidate, stats, termsOf)
  if (score === null) return null
  return {
    id: candidate.id,
    publishedAt: candidate.publishedAt,
    score,
    reason: explainMatch(target, candidate, termsOf),
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function listNames(names: string[]): string {
  const shown = names.slice(0, REASON_NAME_LIMIT).join(', ')
  return names.length > REASON_NAME_LIMIT
    ? `${shown} and ${names.length - REASON_NAME_LIMIT} more`
    : shown
}

type Ranked = { doc: RelatedDoc; score: number }

/** Score desc, then newer first, then higher id: the same inputs always give the same order. */
function compareRanked(a: Ranked, b: Ranked): number {
  return b.score - a.score || b.doc.publishedAt - a.doc.publishedAt || b.doc.id - a.doc.id
}

/**
 * The related list of `target`: editor-pinned picks first (in their order), then the best scored
 * candidates, `limit` in all. Candidates must already be published; the target never lists itself.
 */
export function rankRelated(
  target: RelatedDoc,
  candidates: readonly RelatedDoc[],
  stats: CorpusStats,
  pinnedIds: readonly number[],
  limit: number,
  termsOf: TermsOf = memoizeTerms(),
): RelatedPick[] {
  const scored = new Map<number, Ranked>()
  for (const candidate of candidates) {
    if (candidate.id === target.id || scored.has(candidate.id)) continue
    const score = scoreOf(target, candidate, stats, termsOf)
    if (score !== null) scored.set(candidate.id, { doc: candidate, score })
  }
  const pinned = [...new Set(pinnedIds)].filter((id) => id !== target.id).slice(0, limit)
  const picks = pinned.map((id) => ({
    relatedId: id,
    score: scored.get(id)?.score ?? 0,
    reason: PINNED_REASON,
  }))
  const best = [...scored.values()].filter((c) => !pinned.includes(c.doc.id)).sort(compareRanked)
  for (const { doc, score } of best.slice(0, limit - picks.length)) {
    picks.push({ relatedId: doc.id, score, reason: explainMatch(target, doc, termsOf) })
  }
  return picks.map((pick, i) => ({ ...pick, rank: i + 1 }))
}
