// Trending math: how day buckets stand in for the last 24 hours, and how views decay with age.
import { describe, expect, it } from 'vitest'
import { meanDecay, trendingWeights } from '../../../src/services/trending'

const HOUR = 3_600_000

describe('trending weights', () => {
  it('weighs views evenly spread over an age range by their mean decay', () => {
    expect(meanDecay(0, 0, 12 * HOUR)).toBe(1)
    expect(meanDecay(12 * HOUR, 12 * HOUR, 12 * HOUR)).toBe(0.5)
    // ∫₀¹² 2^(-a/12) da / 12 = (1 - ½) / ln 2
    expect(meanDecay(0, 12 * HOUR, 12 * HOUR)).toBeCloseTo(0.5 / Math.LN2, 10)
  })

  it('at noon counts today in full and the later half of yesterday, older views weighing less', () => {
    const weights = trendingWeights(new Date('2026-11-20T12:00:00Z'), 12)
    expect(weights.today).toBe('2026-11-20')
    expect(weights.yesterday).toBe('2026-11-19')
    expect(weights.todayWeight).toBeCloseTo(0.5 / Math.LN2, 10)
    // Half of yesterday is in the window, at ages 12 to 24 hours: ½ × (½ − ¼) / ln 2.
    expect(weights.yesterdayWeight).toBeCloseTo(0.5 * (0.25 / Math.LN2), 10)
  })

  it('at midnight leans on yesterday, and just before the next midnight almost ignores it', () => {
    const midnight = trendingWeights(new Date('2026-11-20T00:00:00Z'), 12)
    expect(midnight.todayWeight).toBe(1)
    expect(midnight.yesterdayWeight).toBeCloseTo(0.75 / (2 * Math.LN2), 10)
    const late = trendingWeights(new Date('2026-11-20T23:59:00Z'), 12)
    expect(late.yesterdayWeight).toBeLessThan(0.001)
  })

  it('ranks a story read now above one read as much a day ago', () => {
    const weights = trendingWeights(new Date('2026-11-20T09:30:00Z'))
    const fresh = 100 * weights.todayWeight
    const stale = 100 * weights.yesterdayWeight
    expect(fresh).toBeGreaterThan(stale)
    expect(weights.todayWeight).toBeLessThanOrEqual(1)
    expect(weights.yesterdayWeight).toBeGreaterThan(0)
  })
})
