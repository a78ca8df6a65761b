// Plain text from agency HTML: dropped elements, block boundaries, and HTML character references.

/** Whole elements dropped with their content: nothing in them is copy a reader should see. */
export const DROPPED =
  /<(script|style|iframe|object|embed|template|noscript|svg|math|head|title|form|select|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
/** An opening tag of one of those left unclosed: everything after it goes. */
export const DROPPED_OPEN =
  /<(script|style|iframe|object|embed|template|noscript|svg|math)\b[\s\S]*$/i
export const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'ul',
  'ol',
  'table',
  'tr',
  'section',
  'article',
  'figure',
  'figcaption',
  'pre',
  'hr',
  'header',
  'footer',
  'aside',
  'main',
  'dl',
  'dt',
  'dd',
  'address',
  'caption',
])
export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  middot: '·',
  bull: '•',
  euro: '€',
  pound: '£',
  yen: '¥',
  times: '×',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  aacute: 'á',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  zwnj: '',
  zwj: '',
  shy: '',
}

function isBlock(name: string): boolean {
  return BLOCKS.has(name) || HEADINGS.has(name) || name === 'li' || name === 'blockquote'
}

/** Decodes HTML character references; an unknown name stays as it was written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1))
    // Controls and surrogates are not text; NUL would be refused downstream anyway.
    const usable = code > 31 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) && code !== 127
    return usable ? String.fromCodePoint(code) : ''
  })
}

/** Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const cleaned = html.replace(DROPPED, ' ').replace(DROPPED_OPEN, ' ')
  // Inline tags join their neighbours ("<em>Asia</em>." stays "Asia."); block tags part words.
  const spaced = cleaned.replace(/<\/?([a-zA-Z][\w:-]*)[^>]*>/g, (_, name: string) =>
    isBlock(name.toLowerCase()) ? ' ' : '',
  )
  return decodeEntities(spaced.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}
