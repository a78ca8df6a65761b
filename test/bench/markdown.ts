// The Markdown renderer on pathological input at the body limit, timed against a plain paragraph.
import {
  countMarkup,
  MARKDOWN_MAX_LENGTH,
  MARKDOWN_MAX_MARKUP,
  MarkdownLimitError,
  renderMarkdown,
} from '../../src/services/markdown'
import { PATHOLOGICAL, plainParagraph } from './markdown-inputs'
import type { BudgetVerdict } from './report'

export interface MarkdownCase {
  name: string
  /** Milliseconds for the worst input of this family at the body limit, the best of the runs. */
  ms: number
  /** That time over a plain paragraph's time at the same length. */
  ratio: number
  /**
   * The family at its largest accepted size over a quarter of it: about 4 when linear, 16 when
   * quadratic. Null when either was refused or too quick to time (under a millisecond).
   */
  growth: number | null
  /** True when even the largest accepted input of this family was refused (depth, links that multiply). */
  refused: boolean
}

export interface MarkdownReport {
  length: number
  plainMs: number
  cases: MarkdownCase[]
  worst: MarkdownCase
}

/** CPU time rather than wall time: other processes on a busy machine barely move it. */
function timeOnce(markdown: string): { ms: number; refused: boolean } {
  const start = process.cpuUsage()
  let refused = false
  try {
    renderMarkdown(markdown)
  } catch (error) {
    if (!(error instanceof MarkdownLimitError)) throw error
    refused = true
  }
  const used = process.cpuUsage(start)
  return { ms: (used.user + used.system) / 1000, refused }
}

function best(markdown: string, runs: number) {
  let result = timeOnce(markdown)
  for (let i = 1; i < runs; i++) {
    const next = timeOnce(markdown)
    if (next.ms < result.ms) result = next
  }
  return result
}

/** The longest prefix size of a family that stays within the markup budget (the part that gets parsed). */
function largestAccepted(make: (length: number) => string, length: number): number {
  let low = 0
  let high = length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (countMarkup(`${make(mid)}\n\n`) <= MARKDOWN_MAX_MARKUP) low = mid
    else high = mid - 1
  }
  return low
}

/**
 * The worst a family can do at the body limit: as much of it as the markup budget lets through,
 * then plain prose up to the limit. (The full-length input is refused by a linear pre-count.)
 */
export function worstAtLimit(make: (length: number) => string, length: number): string {
  const head = make(largestAccepted(make, length - 2)).slice(0, length - 2)
  return `${head}\n\n${plainParagraph(length - head.length - 2)}`
}

/** Times every pathological family against the plain paragraph, all in one run. */
export function measureMarkdown(
  length = MARKDOWN_MAX_LENGTH,
  runs = 3,
  only: string[] = Object.keys(PATHOLOGICAL),
): MarkdownReport {
  best(plainParagraph(length), runs) // warm up the parser's code paths once
  const plainMs = Math.max(best(plainParagraph(length), runs * 2).ms, 0.05)
  const cases = only.map((name) => {
    const make = PATHOLOGICAL[name] as (length: number) => string
    const full = best(make(length), runs)
    const worst = best(worstAtLimit(make, length), runs)
    const size = largestAccepted(make, length)
    const big = best(make(size), runs)
    const small = best(make(Math.floor(size / 4)), runs)
    const ms = Math.max(full.ms, worst.ms)
    const timed = !big.refused && !small.refused && small.ms >= 1
    return {
      name,
      ms,
      ratio: ms / plainMs,
      growth: timed ? big.ms / small.ms : null,
      refused: worst.refused,
    }
  })
  const worst = cases.reduce((a, b) => (b.ratio > a.ratio ? b : a))
  return { length, plainMs, cases, worst }
}

/** The worst input at the body limit may cost this many plain paragraphs; a quadratic costs thousands. */
export const MARKDOWN_RATIO_BUDGET = 25
/** Quadrupling an input may multiply its time by this much at most: 4 is linear, 16 quadratic. */
export const MARKDOWN_GROWTH_BUDGET = 12

/** The verdicts `npm run bench -- --check` enforces: ratios within one run, so any machine will do. */
export function judgeMarkdown(report: MarkdownReport): BudgetVerdict[] {
  const growths = report.cases.filter((c) => c.growth !== null)
  const steepest = growths.reduce((a, b) => ((b.growth ?? 0) > (a.growth ?? 0) ? b : a))
  return [
    {
      name: `Markdown at the body limit: worst (${report.worst.name}) / plain paragraph`,
      measured: `${report.worst.ratio.toFixed(1)}x`,
      budget: `${MARKDOWN_RATIO_BUDGET}x`,
      within: report.worst.ratio <= MARKDOWN_RATIO_BUDGET,
      hard: true,
    },
    {
      name: `Markdown growth over 4x input (${steepest.name})`,
      measured: `${steepest.growth?.toFixed(1)}x`,
      budget: `${MARKDOWN_GROWTH_BUDGET}x`,
      within: (steepest.growth ?? 0) <= MARKDOWN_GROWTH_BUDGET,
      hard: true,
    },
  ]
}

/** The table the benchmark prints. */
export function formatMarkdown(report: MarkdownReport): string {
  const rows = report.cases.map((c) => [
    c.name,
    c.ms.toFixed(1),
    `${c.ratio.toFixed(1)}x`,
    c.growth === null ? '-' : `${c.growth.toFixed(1)}x`,
    c.refused ? 'refused' : 'rendered',
  ])
  const widths = [28, 8, 8, 8, 8]
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')
  return [
    `Markdown renderer at ${report.length} characters (CPU time; plain paragraph ${report.plainMs.toFixed(1)} ms):`,
    line(['input', 'ms', 'ratio', 'growth', 'outcome']),
    ...rows.map(line),
    '',
  ].join('\n')
}
