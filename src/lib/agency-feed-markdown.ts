// Agency HTML to the plain Markdown editors keep editing: paragraphs, headings, lists, quotes, links.

/** Whole elements dropped with their content: nothing in them is copy a reader should see. */
const DROPPED =
  /<(script|style|iframe|object|embed|template|noscript|svg|math|head|title|form|select|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
/** An opening tag of one of those left unclosed: everything after it goes. */
const DROPPED_OPEN = /<(script|style|iframe|object|embed|template|noscript|svg|math)\b[\s\S]*$/i
const BLOCKS = new Set([
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
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g

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

/** Backslash-escapes what Markdown would read as markup, so agency text stays text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]~<>|&!]/g, (char) => `\\${char}`)
    .replace(
      /^(\s*)([#+=-]|\d+[.)])/,
      (_, space: string, mark: string) => `${space}${mark.replace(/([#+=.)-])$/, '\\$1')}`,
    )
}

/** An http(s) URL resolved against `base`, with the characters Markdown link syntax needs encoded. */
function linkTarget(raw: string, base: string | undefined, httpsOnly: boolean): string | null {
  try {
    const url = new URL(decodeEntities(raw.trim()), base)
    if (url.protocol !== 'https:' && (httpsOnly || url.protocol !== 'http:')) return null
    return url.href.replace(
      /[()<> ]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    )
  } catch {
    return null
  }
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(
    attributes,
  )
  return match ? (match[2] ?? match[3] ?? match[4]) : undefined
}

/**
 * Converts an agency's HTML to Markdown. Scripts, styles, frames and forms vanish with their
 * content; links keep only http(s) targets (relative ones resolved against `base`), images only
 * https. The result still goes through renderMarkdown, whose sanitiser is the real guard.
 */
export function htmlToMarkdown(html: string, base?: string): string {
  const blocks: string[] = []
  let line = ''
  let prefix = ''
  let quoteDepth = 0
  const links: (string | null)[] = []
  const flush = () => {
    const text = line.replace(/\s+/g, ' ').trim()
    if (text) blocks.push(`${quoteDepth > 0 ? '> ' : ''}${prefix}${text}`)
    line = ''
    prefix = ''
  }
  const cleaned = html.replace(DROPPED, ' ').replace(DROPPED_OPEN, ' ')
  for (const match of cleaned.matchAll(TAG)) {
    const [whole, closing, rawName, attributes = '', text] = match
    if (text !== undefined) {
      line += escapeMarkdown(decodeEntities(text).replace(/\s+/g, ' '))
      continue
    }
    if (!rawName) {
      if (whole === '<') line += '\\<'
      continue
    }
    const name = rawName.toLowerCase()
    if (HEADINGS.has(name)) {
      flush()
      if (!closing) prefix = name <= 'h3' ? '## ' : '### '
    } else if (name === 'li') {
      flush()
      if (!closing) prefix = '- '
    } else if (name === 'blockquote') {
      flush()
      quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1))
    } else if (BLOCKS.has(name)) {
      flush()
    } else if (name === 'a') {
      if (!closing) {
        const href = linkTarget(attribute(attributes, 'href') ?? '', base, false)
        links.push(href)
        if (href) line += '['
      } else {
        const href = links.pop()
        if (href) line = line.endsWith('[') ? line.slice(0, -1) : `${line.trimEnd()}](${href})`
      }
    } else if (name === 'img' && !closing) {
      const src = linkTarget(attribute(attributes, 'src') ?? '', base, true)
      const alt = escapeMarkdown(htmlToText(attribute(attributes, 'alt') ?? ''))
      if (src) {
        flush()
        blocks.push(`![${alt}](${src})`)
      }
    } else if (name === 'td' || name === 'th') {
      line += ' '
    }
  }
  flush()
  // Items of one list sit on consecutive lines, so the list stays tight (no <p> in each <li>).
  return blocks
    .map((block, i) =>
      i > 0 && isListItem(block) && isListItem(blocks[i - 1]) ? `\n${block}` : `\n\n${block}`,
    )
    .join('')
    .trimStart()
}

function isListItem(block: string | undefined): boolean {
  return /^(> )?- /.test(block ?? '')
}
