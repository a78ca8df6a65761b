// The Markdown renderer on pathological input at the body limit, timed against a plain paragraph.
import {
  countMarkup,
  MARKDOWN_MAX_LENGTH,
  MARKDOWN_MAX_MARKUP,
  MarkdownLimitError,
  renderMarkdown,
} from '../../src/services/markdown'

/** Repeats `unit` to exactly `length` characters. */
function fill(unit: string, length: number): string {
  if (length <= 0) return ''
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
}

function lines(length: number, line: (i: number) => string): string {
  let text = ''
  for (let i = 0; text.length < length; i++) text += `${line(i)}\n`
  return text.slice(0, length)
}

/** Prose with no Markdown in it: the cheapest thing to render, and the yardstick. */
export const plainParagraph = (length: number) =>
  fill('The council met on Tuesday and agreed the budget for the coming year. ', length)

/** Inputs known to make Markdown renderers slow or crash, each at the requested length. */
export const PATHOLOGICAL: Record<string, (length: number) => string> = {
  'underscore runs (_a)': (n) => fill('_a', n),
  'underscore runs (a_)': (n) => fill('a_', n),
  'asterisk runs (*a)': (n) => fill('*a', n),
  'strong openers (**a)': (n) => fill('**a', n),
  'mixed delimiters (*_)': (n) => fill('*_', n),
  'unclosed emphasis nest': (n) => fill('*a **a ', n / 2) + fill(' b** c*', n / 2),
  'strikethrough runs (~a)': (n) => fill('~a', n),
  'nested quotes (>)': (n) => fill('>', n),
  'nested quotes (> )': (n) => fill('> ', n),
  'nested lists': (n) => lines(n, (i) => `${'  '.repeat(i % 40)}- a`),
  'long flat list': (n) => fill('* a\n', n),
  'ordered markers (1. )': (n) => fill('1. ', n),
  'open brackets ([)': (n) => fill('[', n),
  'image openers (![)': (n) => fill('![', n),
  'unclosed links ([a]()': (n) => fill('[a](', n),
  'empty brackets ([])': (n) => fill('[]', n),
  'link reference chain': (n) =>
    `${lines(n / 2 - 2, (i) => `[r${i}]: /p${i}`)}\n\n${fill('[r1][r2] ', n / 2)}`,
  'one reference reused': (n) =>
    `[r]: /${'p'.repeat(Math.min(1000, n / 2))}\n\n${fill('[r] ', n - Math.min(1000, n / 2) - 7)}`,
  'backtick runs (`a)': (n) => fill('`a', n),
  'backtick fences (a``)': (n) => fill('a``', n),
  'angle brackets (<a)': (n) => fill('<a', n),
  backslashes: (n) => fill('\\', n),
  'entities (&#)': (n) => fill('&#', n),
  'hard breaks': (n) => fill('a  \n', n),
  'bare email addresses': (n) => fill('a@b.co ', n),
  'bare urls (http://)': (n) => fill('http://', n),
  'www runs': (n) => fill('www.a', n),
  'bare domains (a.co)': (n) => fill('a.co ', n),
  'schemes (a:b)': (n) => fill('a:b ', n),
  'wide table': (n) => `${fill('|a', n / 2 - 1)}|\n${fill('|-', n / 2 - 5)}|\n${fill('x\n', 4)}`,
  'long table': (n) => `|a|b|\n|-|-|\n${fill('x\n', n - 12)}`,
  'table cells padded': (n) => `${fill('|a', 200)}|\n${fill('|-', 200)}|\n${fill('x\n', n - 402)}`,
}

export interface MarkdownCase {
  name: string
  /** Milliseconds for the worst input of this family at the body limit, the best of the runs. */
  ms: number
  /** That time over a plain paragraph's time at the same length. */
  ratio: number
  /** The family at its largest accepted size over a quarter of it: about 4 when linear, 16 when quadratic. */
  growth: number
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
  const size = largestAccepted(make, length - 2)
  return `${make(size)}\n\n${plainParagraph(length - size - 2)}`
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
    return {
      name,
      ms,
      ratio: ms / plainMs,
      growth: big.ms / Math.max(small.ms, 0.05),
      refused: worst.refused,
    }
  })
  const worst = cases.reduce((a, b) => (b.ratio > a.ratio ? b : a))
  return { length, plainMs, cases, worst }
}
