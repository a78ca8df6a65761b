// Agency HTML to the plain Markdown editors keep editing: paragraphs, headings, lists, quotes, links.
import {
  BLOCKS,
  DROPPED,
  DROPPED_OPEN,
  decodeEntities,
  HEADINGS,
  htmlToText,
} from './agency-feed-text'
import { escapeMarkdown } from './markdown-escape'

const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g

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
