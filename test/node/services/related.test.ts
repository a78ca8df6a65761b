// Related scoring against a hand-made fixture whose right answer is known by construction.
import { describe, expect, it } from 'vitest'
import {
  type CorpusStats,
  PINNED_REASON,
  type RelatedDoc,
  rankRelated,
  recencyFactor,
  scoreCandidate,
  tagWeight,
} from '../../../src/services/related'
import { listsDiffer, visibleListChanged } from '../../../src/services/related-refresh'
import { extractTerms } from '../../../src/services/related-terms'

const DAY = 86_400_000
const T0 = Date.parse('2026-11-20T12:00:00Z')
const RUSSIA = { id: 1, name: 'Russia' }
const FRANCE = { id: 2, name: 'France' }
const SPORT = { id: 3, name: 'Sport' }

// 100 published stories: Russia is on 10 (ln 11 = 2.3979), France on 50 (ln 3 = 1.0986).
const STATS: CorpusStats = {
  publishedCount: 100,
  tagFrequency: new Map([
    [RUSSIA.id, 10],
    [FRANCE.id, 50],
    [SPORT.id, 2],
  ]),
}

function doc(id: number, overrides: Partial<RelatedDoc> = {}): RelatedDoc {
  // Distinct made-up words, so titles share no term unless a test says so.
  return {
    id,
    title: `Headline zq${id}a zq${id}b`,
    summary: '',
    categoryId: 2,
    publishedAt: T0,
    tags: [],
    ...overrides,
  }
}

const TARGET = doc(1, {
  title: 'Kremlin talks on the grain corridor',
  categoryId: 1,
  tags: [RUSSIA, FRANCE],
})

// Each candidate's score follows from the weights: tags by IDF, +1 same section, 3 × term cosine,
// all times 0.5^(days apart / 30).
const CANDIDATES = [
  doc(2, { categoryId: 1, tags: [RUSSIA, FRANCE] }), // 2.3979 + 1.0986 + 1 = 4.4965
  doc(3, { categoryId: 1, tags: [RUSSIA] }), // 2.3979 + 1 = 3.3979
  doc(4, { tags: [FRANCE, RUSSIA, SPORT], publishedAt: T0 - 30 * DAY }), // 3.4965 / 2 = 1.7483
  doc(5, { tags: [FRANCE] }), // 1.0986
  doc(6, { categoryId: 1 }), // 1, tied with 7
  doc(7, { categoryId: 1 }), // 1, tied with 6: the higher id wins
  doc(8, { title: 'Grain corridor deal signed' }), // 3 × 2 / √(4 × 4) = 1.5
  doc(9), // nothing in common
]

describe('related scoring', () => {
  it('weighs a tag by its rarity: ln(1 + published / tagged)', () => {
    expect(tagWeight(STATS, RUSSIA.id)).toBeCloseTo(Math.log(11), 10)
    expect(tagWeight(STATS, FRANCE.id)).toBeCloseTo(Math.log(3), 10)
    expect(tagWeight(STATS, SPORT.id)).toBeGreaterThan(tagWeight(STATS, RUSSIA.id))
  })

  it('halves the weight every 30 days apart, whichever story is older', () => {
    expect(recencyFactor(T0, T0)).toBe(1)
    expect(recencyFactor(T0, T0 - 30 * DAY)).toBeCloseTo(0.5, 10)
    expect(recencyFactor(T0 - 60 * DAY, T0)).toBeCloseTo(0.25, 10)
  })

  it('keeps lowercase content words of title and summary, without stop words or bare numbers', () => {
    expect([...extractTerms('The Kremlin’s talks, since 2022: Putin & Macron said NO')]).toEqual([
      'kremlin',
      'talks',
      'putin',
      'macron',
    ])
    expect([...extractTerms('Élysée welcomes aid')]).toEqual(['élysée', 'welcomes', 'aid'])
  })

  it('scores each candidate as constructed and explains why', () => {
    const score = (candidate: RelatedDoc) => scoreCandidate(TARGET, candidate, STATS)
    expect(score(CANDIDATES[0] as RelatedDoc)).toEqual({
      id: 2,
      publishedAt: T0,
      score: 4.4965,
      reason: '2 shared tags: France, Russia · same section',
    })
    expect(score(CANDIDATES[1] as RelatedDoc)?.score).toBe(3.3979)
    expect(score(CANDIDATES[2] as RelatedDoc)).toMatchObject({
      score: 1.7483,
      reason: '2 shared tags: France, Russia',
    })
    expect(score(CANDIDATES[6] as RelatedDoc)).toMatchObject({
      score: 1.5,
      reason: '2 shared words: corridor, grain',
    })
    expect(score(CANDIDATES[7] as RelatedDoc)).toBeNull()
  })

  it('ranks by score, then newer, then higher id, and never lists the target itself', () => {
    const picks = rankRelated(TARGET, [TARGET, ...CANDIDATES], STATS, [], 6)
    expect(picks.map((pick) => pick.relatedId)).toEqual([2, 3, 4, 8, 5, 7])
    expect(picks.map((pick) => pick.rank)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('puts editor-pinned picks first, in pin order, once each, even with nothing in common', () => {
    const picks = rankRelated(TARGET, CANDIDATES, STATS, [9, 3, 9, 1], 6)
    expect(picks.map((pick) => pick.relatedId)).toEqual([9, 3, 2, 4, 8, 5])
    expect(picks[0]).toEqual({ relatedId: 9, rank: 1, score: 0, reason: PINNED_REASON })
    expect(picks[1]).toMatchObject({ relatedId: 3, score: 3.3979, reason: PINNED_REASON })
  })

  it('gives the same list whatever order the candidates come in', () => {
    const forward = rankRelated(TARGET, CANDIDATES, STATS, [], 6)
    const backward = rankRelated(TARGET, [...CANDIDATES].reverse(), STATS, [], 6)
    expect(backward).toEqual(forward)
  })

  it('rewrites a list for new picks, reasons or scores moved over 1 %, and purges only for new picks', () => {
    const list = rankRelated(TARGET, CANDIDATES, STATS, [], 6)
    const copy = list.map((pick) => ({ ...pick }))
    const drifted = list.map((pick) => ({ ...pick, score: pick.score * 1.005 }))
    const rescored = list.map((pick) => ({ ...pick, score: pick.score * 1.02 }))
    const reworded = list.map((pick, i) => (i === 2 ? { ...pick, reason: 'same section' } : pick))
    expect(listsDiffer(list, copy)).toBe(false)
    expect(listsDiffer(list, drifted)).toBe(false)
    expect(listsDiffer(list, rescored)).toBe(true)
    expect(listsDiffer(list, reworded)).toBe(true)
    expect(visibleListChanged(list, rescored)).toBe(false)
    expect(visibleListChanged(list, list.slice(0, 5))).toBe(true)
  })
})
