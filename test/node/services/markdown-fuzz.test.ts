// Fuzzing the renderer with the inputs that break Markdown parsers: it refuses or renders, never throws.
import fc from 'fast-check'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import {
  countMarkup,
  MARKDOWN_MAX_LENGTH,
  MarkdownLimitError,
  renderMarkdown,
} from '../../../src/services/markdown'
import { markdownParser } from '../../../src/services/markdown-parser'

/** More runs than the default for a long session: `FUZZ_RUNS=5000 npx vitest run …`. */
const RUNS = Number(process.env.FUZZ_RUNS) || 300

const PIECES = [
  ...'*_[]()!`>-+1. \n\\<&#|~a@:/\t"=\'x',
  ...['http://', 'www.', 'a@b.co', '|-|', '- ', '> ', '1. ', '    ', '```', '~~', '**', '__'],
  ...['[a]: /u\n', '[a]', '[a][a]', '![a](/i.png)', '[l](/\\evil.example)', '<https://x.y>'],
]

/** Small, dense Markdown: any mix of the characters and fragments that open tokens. */
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 300 }).map((parts) => parts.join(''))

/** One construct repeated until the body is long: the shapes that go quadratic or deep. */
const runs = fc
  .record({
    unit: fc.constantFrom(
      '_a',
      'a_',
      '*a',
      '**a',
      '*_',
      '~a',
      '>',
      '> ',
      '[',
      '![',
      '[a](',
      '`a',
      'a``',
      '\\',
      '&#',
      '<a',
      '* a\n',
      '1. ',
      'a@b.co ',
      'http://',
    ),
    count: fc.integer({ min: 1, max: 60_000 }),
  })
  .map(({ unit, count }) => unit.repeat(count).slice(0, MARKDOWN_MAX_LENGTH + 10))

const nestedQuotes = fc
  .tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('> ', '>', '> - ', '- > '))
  .map(([depth, marker]) => `${marker.repeat(depth)}text`)

const nestedLists = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('- ', '* ', '1. ', '+ '))
  .map(([depth, marker]) =>
    Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}${marker}item ${i}`).join('\n'),
  )

const referenceChains = fc
  .tuple(fc.integer({ min: 1, max: 1500 }), fc.integer({ min: 1, max: 1500 }))
  .map(
    ([definitions, uses]) =>
      Array.from({ length: definitions }, (_, i) => `[r${i}]: /page/${i} "t${i}"`).join('\n') +
      `\n\n${Array.from({ length: uses }, (_, i) => `[x][r${i % definitions}]`).join(' ')}`,
  )

const deepBrackets = fc
  .tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), fc.boolean())
  .map(([open, close, image]) => `${(image ? '![' : '[').repeat(open)}x${']('.repeat(close)}`)

const backtickRuns = fc
  .array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 2000 })
  .map((lengths) => lengths.map((n) => `${'`'.repeat(n)}a`).join(' '))

function countTokens(tokens: { children: unknown[] | null }[]): number {
  return tokens.reduce(
    (n, token) => n + 1 + (token.children ? countTokens(token.children as typeof tokens) : 0),
    0,
  )
}

/** Renders, or gets the one refusal the renderer may give; anything else fails the property. */
function renderOrRefuse(markdown: string): string | null {
  try {
    return renderMarkdown(markdown)
  } catch (error) {
    if (error instanceof MarkdownLimitError) return null
    throw error
  }
}

function checkBounded(markdown: string) {
  const html = renderOrRefuse(markdown)
  if (html === null) return
  // Linear in the input: the worst is a few markers that open a container each (`>>` → blockquotes).
  expect(html.length).toBeLessThanOrEqual(32 * (markdown.length + 1))
  // And the sanitiser let nothing but the allowlist through.
  for (const element of parse(html).querySelectorAll('*')) {
    expect(element.tagName.toLowerCase()).not.toMatch(/^(script|iframe|style|input|svg)$/)
  }
}

describe('renderMarkdown under fuzzing', () => {
  it.each([
    ['dense soup', soup, RUNS],
    ['long runs of one construct', runs, Math.ceil(RUNS / 6)],
    ['nested quotes', nestedQuotes, RUNS],
    ['nested lists', nestedLists, RUNS],
    ['link reference chains', referenceChains, Math.ceil(RUNS / 15)],
    ['deep brackets', deepBrackets, Math.ceil(RUNS / 6)],
    ['backtick runs', backtickRuns, Math.ceil(RUNS / 6)],
  ] as const)(
    'renders or refuses %s, never throws, with bounded output',
    (_, inputs, numRuns) => {
      fc.assert(fc.property(inputs, checkBounded), { numRuns })
    },
    120_000,
  )

  it('never makes more tokens than the markup count allows, so the markup budget bounds the work', () => {
    fc.assert(
      fc.property(fc.oneof(soup, nestedQuotes, nestedLists), (markdown) => {
        let tokens: ReturnType<typeof markdownParser.parse>
        try {
          tokens = markdownParser.parse(markdown, {})
        } catch (error) {
          if (error instanceof MarkdownLimitError) return
          throw error
        }
        // Marker-only lines (`1. 1. 1. x`) make the most tokens per mark, bounded by the depth.
        expect(countTokens(tokens)).toBeLessThanOrEqual(16 * (countMarkup(markdown) + 1))
      }),
      { numRuns: RUNS * 3 },
    )
  })
})
