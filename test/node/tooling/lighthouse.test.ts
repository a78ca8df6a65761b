// `npm run lighthouse` reads Lighthouse's report into scores out of 100 and the audits that cost points.
import { describe, expect, it } from 'vitest'
import {
  calibratedSlowdown,
  type LighthouseReport,
  medianScores,
  shouldRunAgain,
  summarise,
} from '../../lighthouse/run'

function report(overrides: Partial<LighthouseReport> = {}): LighthouseReport {
  return {
    categories: {
      performance: {
        title: 'Performance',
        score: 0.987,
        auditRefs: [{ id: 'tbt' }, { id: 'lcp' }],
      },
      seo: { title: 'SEO', score: 1, auditRefs: [{ id: 'hreflang' }, { id: 'robots' }] },
    },
    audits: {
      tbt: { title: 'Total Blocking Time', score: 0.93, scoreDisplayMode: 'numeric' },
      lcp: { title: 'Largest Contentful Paint', score: 1, scoreDisplayMode: 'numeric' },
      hreflang: { title: 'hreflang', score: null, scoreDisplayMode: 'notApplicable' },
      robots: { title: 'robots.txt is valid', score: 0, scoreDisplayMode: 'manual' },
    },
    runWarnings: [],
    environment: { benchmarkIndex: 1750 },
    ...overrides,
  }
}

describe('summarise', () => {
  it('rounds each category to a score out of 100', () => {
    expect(summarise('home', report()).scores).toEqual({ performance: 99, seo: 100 })
  })

  it('lists the audits that lost points, and only those that count', () => {
    expect(summarise('home', report()).misses).toEqual(['performance: Total Blocking Time (93)'])
  })

  it('counts a category Lighthouse could not score as 0, and keeps its warnings', () => {
    const broken = report({ runWarnings: ['The page loaded too slowly.'] })
    broken.categories.seo = { title: 'SEO', score: null, auditRefs: [] }
    const summary = summarise('article', broken)
    expect(summary.scores.seo).toBe(0)
    expect(summary.misses).toContain('warning: The page loaded too slowly.')
  })
})

describe('calibratedSlowdown', () => {
  it("keeps Lighthouse's 4x on the high-end desktop it was tuned for", () => {
    expect(calibratedSlowdown(1750)).toBe(4)
  })

  it('slows a low-end desktop less, and a faster host more, to reach the same phone', () => {
    expect(calibratedSlowdown(1100)).toBe(2.5)
    expect(calibratedSlowdown(2600)).toBe(5.9)
  })

  it('never speeds a host up, however slow it measures', () => {
    expect(calibratedSlowdown(300)).toBe(1)
  })
})

describe('medianScores', () => {
  const run = (performance: number, accessibility: number) => ({
    name: 'home',
    scores: { performance, accessibility, 'best-practices': 100, seo: 100 },
    misses: [`performance ${performance}`],
  })

  it('takes each category’s median over the audits, and the misses of the median run', () => {
    const median = medianScores([run(93, 100), run(99, 100), run(96, 98)])
    expect(median.scores).toEqual({
      performance: 96,
      accessibility: 100,
      'best-practices': 100,
      seo: 100,
    })
    expect(median.misses).toEqual(['performance 96'])
  })

  it('stays under the bar when two audits of three are under it', () => {
    expect(medianScores([run(93, 100), run(99, 100), run(94, 100)]).scores.performance).toBe(94)
  })
})

describe('shouldRunAgain', () => {
  const badTrace = {
    stderr:
      'Runtime error encountered: Something went wrong with recording the trace over your page load. Please run Lighthouse again. (NO_NAVSTART)',
  }

  it('runs an audit again when Lighthouse says its trace was bad', () => {
    expect(shouldRunAgain(badTrace, 1)).toBe(true)
    expect(shouldRunAgain(badTrace, 2)).toBe(true)
  })

  it('gives up after the third bad trace', () => {
    expect(shouldRunAgain(badTrace, 3)).toBe(false)
  })

  it('does not run again on any other failure', () => {
    expect(shouldRunAgain({ stderr: 'Unable to connect to Chrome' }, 1)).toBe(false)
    expect(shouldRunAgain(new Error('spawn ENOENT'), 1)).toBe(false)
    expect(shouldRunAgain(null, 1)).toBe(false)
  })
})
