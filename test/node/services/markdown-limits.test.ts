// The renderer's bounds: body length, markup, nesting depth and links that multiply, each refused clearly.
import { describe, expect, it } from 'vitest'
import {
  findMarkdownProblem,
  MARKDOWN_MAX_DEPTH,
  MARKDOWN_MAX_LENGTH,
  MarkdownLimitError,
  renderMarkdown,
} from '../../../src/services/markdown'

/** The error renderMarkdown throws, or null if it rendered. */
function refusal(markdown: string): unknown {
  try {
    renderMarkdown(markdown)
    return null
  } catch (error) {
    return error
  }
}

describe('renderMarkdown bounds', () => {
  it('refuses a body over the limit with a message that gives the limit', () => {
    const error = refusal('a'.repeat(MARKDOWN_MAX_LENGTH + 1))
    expect(error).toBeInstanceOf(MarkdownLimitError)
    expect((error as Error).message).toContain(String(MARKDOWN_MAX_LENGTH))
    expect(() => renderMarkdown('a'.repeat(MARKDOWN_MAX_LENGTH))).not.toThrow()
  })

  it('answers 50,000 quote markers with a message, not a crash', () => {
    const error = refusal('>'.repeat(50_000))
    expect(error).toBeInstanceOf(MarkdownLimitError)
    expect((error as Error).message).toContain('too much formatting')
    // Within the markup budget, the nesting bound is what refuses them.
    expect(findMarkdownProblem('>'.repeat(5_000))).toContain('deep')
  })

  it('refuses underscore runs at the body limit at once, by their markup', () => {
    const started = performance.now()
    const error = refusal('_a'.repeat(MARKDOWN_MAX_LENGTH / 2))
    expect(error).toBeInstanceOf(MarkdownLimitError)
    expect((error as Error).message).toContain('too much formatting')
    // A pre-count, not a parse: far under the seconds the parse used to take.
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it(`renders quotes and lists ${MARKDOWN_MAX_DEPTH} deep and refuses one level more`, () => {
    const quotes = (depth: number) => `${'> '.repeat(depth)}deepest`
    const list = (depth: number) =>
      Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')
    expect(renderMarkdown(quotes(MARKDOWN_MAX_DEPTH))).toContain('deepest')
    expect(renderMarkdown(list(MARKDOWN_MAX_DEPTH))).toContain(`level ${MARKDOWN_MAX_DEPTH}`)
    expect(findMarkdownProblem(quotes(MARKDOWN_MAX_DEPTH + 1))).toContain(
      `at most ${MARKDOWN_MAX_DEPTH} deep`,
    )
    expect(findMarkdownProblem(list(MARKDOWN_MAX_DEPTH + 1))).toContain('deep')
    // Far deeper than the parser's own ceiling is still refused, never silently cut short.
    expect(findMarkdownProblem(quotes(200))).toContain('deep')
  })

  it('refuses one long link reference used over and over', () => {
    const markdown = `[r]: /${'p'.repeat(5000)}\n\n${'[r] '.repeat(500)}`
    expect(findMarkdownProblem(markdown)).toContain('link reference')
  })

  it('counts a wide table header over short rows by the cells it makes, not the pipes typed', () => {
    const columns = 2000
    const markdown = `${'|a'.repeat(columns)}|\n${'|-'.repeat(columns)}|\n${'x\n'.repeat(40)}`
    expect(markdown.length).toBeLessThan(10_000)
    expect(findMarkdownProblem(markdown)).toContain('too much formatting')
  })

  it('finds no problem in an ordinary article', () => {
    const article = Array.from(
      { length: 200 },
      (_, i) =>
        `Paragraph ${i} with **bold**, _emphasis_ and a [link](https://example.com/${i}).\n\n- one\n- two`,
    ).join('\n\n')
    expect(findMarkdownProblem(article)).toBeNull()
  })
})
