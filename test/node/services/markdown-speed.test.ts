// The renderer stays linear: the worst input at the body limit costs a bounded number of plain paragraphs.
import { describe, expect, it } from 'vitest'
import {
  MARKDOWN_GROWTH_BUDGET,
  MARKDOWN_RATIO_BUDGET,
  measureMarkdown,
} from '../../bench/markdown'

describe('renderMarkdown speed, as ratios within one run', () => {
  it('renders every pathological input at the body limit within the ratio budget of a plain paragraph', () => {
    const report = measureMarkdown(undefined, 2)
    const summary = report.cases
      .map((c) => `${c.name}: ${c.ratio.toFixed(1)}x, growth ${c.growth?.toFixed(1) ?? '-'}`)
      .join('\n')
    // Quadratic parsing made `_a` repeated take thousands of plain paragraphs (17 s against ~5 ms).
    expect(report.worst.ratio, summary).toBeLessThanOrEqual(MARKDOWN_RATIO_BUDGET)
    for (const c of report.cases) {
      if (c.growth !== null) expect(c.growth, summary).toBeLessThanOrEqual(MARKDOWN_GROWTH_BUDGET)
    }
  }, 300_000)
})
