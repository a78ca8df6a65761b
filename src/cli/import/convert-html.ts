// WordPress and Ghost bodies (block markup, classic HTML, shortcodes) to the Markdown editors keep.
import TurndownService from 'turndown'
import { escapeHtml as escapeAttr } from '../../lib/html'
import { classifyUrl } from '../../lib/link-target'
import { expandShortcodes, type ShortcodeContext } from './shortcodes'

/** Players whose iframes become plain links; any other iframe is dropped and reported. */
const KNOWN_EMBED_HOSTS =
  /^(?:www\.)?(?:youtube\.com|youtube-nocookie\.com|player\.vimeo\.com|open\.spotify\.com|w\.soundcloud\.com|platform\.twitter\.com|www\.google\.com)$/

/** The part of a DOM element the rules read (the Node typings carry no DOM lib). */
interface Element_ {
  getAttribute(name: string): string | null
}

export interface Converted {
  markdown: string
  /** Reasons for the report, e.g. `script removed`; one entry per occurrence. */
  warnings: string[]
  /** Every image address in the body, for the media step. */
  images: string[]
}

/** One converter per run: turndown's rules are built once, the warnings are per body. */
export function createConverter() {
  let warnings: string[] = []
  let images: string[] = []
  const turndown = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
  })
  turndown.remove(['style', 'noscript', 'template', 'object', 'embed'])
  turndown.addRule('script', {
    filter: ['script'],
    replacement: () => {
      warnings.push('script removed')
      return ''
    },
  })
  turndown.addRule('iframe', {
    filter: ['iframe'],
    replacement: (_content, node) => {
      const src = (node as unknown as Element_).getAttribute('src') ?? ''
      const target = classifyUrl(src)
      const host = target && target.kind === 'external' ? new URL(target.href).hostname : ''
      if (!target || !KNOWN_EMBED_HOSTS.test(host)) {
        warnings.push('iframe from an unknown host removed')
        return ''
      }
      return `\n\n[${target.href}](${target.href})\n\n`
    },
  })
  turndown.addRule('unsafeLink', {
    filter: (node) =>
      node.nodeName === 'A' &&
      !!node.getAttribute('href') &&
      !classifyUrl(node.getAttribute('href') ?? ''),
    replacement: (content) => {
      warnings.push('unsafe link made plain text (javascript:, data: or similar)')
      return content
    },
  })
  turndown.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const element = node as unknown as Element_
      const src = element.getAttribute('src') ?? ''
      if (!classifyUrl(src)) {
        warnings.push('image with an unusable address removed')
        return ''
      }
      images.push(src)
      const alt = (element.getAttribute('alt') ?? '').replace(/[[\]\\]/g, '\\$&')
      return `![${alt}](${markdownImageUrl(src)})`
    },
  })

  return {
    /** Converts one body; `context` resolves gallery ids to images. */
    convert(html: string, context: ShortcodeContext): Converted {
      warnings = []
      images = []
      const expanded = expandShortcodes(prepareBlocks(html), context, warnings)
      const markdown = expanded.trim() ? turndown.turndown(expanded).trim() : ''
      return { markdown, warnings, images }
    },
  }
}

/** An image address as a Markdown image's destination holds it (no bare brackets or spaces). */
export function markdownImageUrl(src: string): string {
  return src.replace(/[()\s]/g, encodeURIComponent)
}

/**
 * Embed blocks become links to what they embed; a body with neither blocks nor paragraphs is
 * classic editor text, whose blank lines WordPress turns into paragraphs on display (wpautop).
 */
function prepareBlocks(html: string): string {
  const embedded = html.replace(
    /<!--\s*wp:(?:core-)?embed[^>]*?"url":"([^"]+)"[\s\S]*?<!--\s*\/wp:(?:core-)?embed[^>]*-->/g,
    (_match, url: string) => {
      const href = url.replace(/\\\//g, '/')
      return `<p><a href="${escapeAttr(href)}">${escapeAttr(href)}</a></p>`
    },
  )
  if (/<!--\s*wp:|<p[\s>]/i.test(embedded)) return embedded
  return autoParagraphs(embedded)
}

function autoParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) =>
      /^<(?:h[1-6]|ul|ol|blockquote|pre|table|div|figure|hr|p)\b/i.test(chunk)
        ? chunk
        : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`,
    )
    .join('\n')
}
