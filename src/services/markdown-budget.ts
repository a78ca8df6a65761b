// How much work a Markdown body can make the parser do, counted in one cheap pass before parsing it.

/** The most markup one body may carry (see countMarkup): a 200,000-character news article weighs 2,000 to 10,000. */
export const MARKDOWN_MAX_MARKUP = 20_000

// What each character that can open or close a token costs, roughly, in the parser's own work.
const WEIGHTS = new Map<number, number>([
  // Emphasis, code, links, images, quotes, escapes, entities, headings, URL paths: one each.
  ...[...'*_~`[]!<>&\\#=/-'].map((char) => [char.charCodeAt(0), 1] as [number, number]),
  // A line can open a block: a list item is six tokens and an inline parse of its own.
  ['\n'.charCodeAt(0), 3],
  // An email address becomes a link: three tokens, and the costliest checks linkify makes.
  ['@'.charCodeAt(0), 7],
])
// Dots and colons count inside a URL (where linkify reads them), not at the end of a sentence.
const URL_WEIGHTS = new Map<number, number>([
  ['.'.charCodeAt(0), 1],
  [':'.charCodeAt(0), 3],
])
const SPACES = new Set([...' \t\n\r'].map((char) => char.charCodeAt(0)))
// A table's delimiter row, as in `| --- | :-: |`, possibly inside quotes or lists.
const DELIMITER_ROW = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/**
 * An upper bound, up to a constant factor, on the tokens markdown-it makes of `markdown`, so parse
 * time is bounded before any parsing starts. Plain prose scores about 1% of its length.
 * - Each mark can start a token, and each line a block.
 * - A table row gets a cell for every column, however few it writes, so a table counts its
 *   columns times its rows (a wide header over many short rows would otherwise multiply), and a
 *   `|` elsewhere counts for nothing.
 * - Weights follow what each costs to parse (see WEIGHTS), calibrated with test/bench/markdown.ts so
 *   that no kind of input costs much more per point than another.
 */
export function countMarkup(markdown: string): number {
  let marks = 0
  for (let i = 0; i < markdown.length; i++) {
    const code = markdown.charCodeAt(i)
    const weight = WEIGHTS.get(code)
    if (weight) marks += weight
    else if (i + 1 < markdown.length && !SPACES.has(markdown.charCodeAt(i + 1))) {
      marks += URL_WEIGHTS.get(code) ?? 0
    }
  }
  return marks + countTableCells(markdown)
}

function countTableCells(markdown: string): number {
  if (!markdown.includes('|')) return 0 // a table's header row needs one
  const lines = markdown.split('\n')
  let cells = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (!DELIMITER_ROW.test(line)) continue
    const columns = line.split('|').filter((cell) => cell.includes('-')).length
    let rows = 1 // the header above the delimiter row
    // Until a blank line: at least as far as the table can reach.
    while (i + 1 < lines.length && (lines[i + 1] as string).trim() !== '') {
      rows++
      i++
    }
    // A cell is three tokens and an inline parse of its own.
    cells += 5 * columns * rows
  }
  return cells
}
