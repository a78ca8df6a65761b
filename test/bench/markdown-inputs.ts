// Inputs that make Markdown parsers slow or crash, each made to a requested length.

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
