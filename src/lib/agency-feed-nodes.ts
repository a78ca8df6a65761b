// Reading the plain values out of a feed's parsed tree: text, Atom text constructs, URLs, images.
import { htmlToText } from './agency-feed-text'

export type Node = Record<string, unknown>

export interface FeedImage {
  url: string
  alt: string
  width: number | null
  height: number | null
}

/** The first image among media:content, media:group, media:thumbnail and image enclosures. */
export function mediaImage(item: Node, base: string | undefined): FeedImage | null {
  const group = item['media:group'] as Node | undefined
  const candidates = [
    ...list(item['media:content']),
    ...list(group?.['media:content']),
    ...list(item['media:thumbnail']),
    ...list(group?.['media:thumbnail']),
    ...list(item.enclosure),
  ] as Node[]
  for (const candidate of candidates) {
    if (!candidate || typeof candidate !== 'object') continue
    const type = textOf(candidate['@type'])
    const medium = textOf(candidate['@medium'])
    if ((type && !type.startsWith('image/')) || (medium && medium !== 'image')) continue
    const url = absoluteUrl(textOf(candidate['@url']), base)
    if (!url?.startsWith('https://')) continue
    const description =
      candidate['media:description'] ?? item['media:description'] ?? group?.['media:description']
    return {
      url,
      alt: htmlToText(textOf(description ?? candidate['media:title'] ?? '')),
      width: whole(candidate['@width']),
      height: whole(candidate['@height']),
    }
  }
  return null
}

export function whole(value: unknown): number | null {
  const n = Number(textOf(value))
  return Number.isInteger(n) && n > 0 && n <= 10_000 ? n : null
}

export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

/** The text of an element, whether the parser gave a string or an object with attributes. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return textOf(value[0])
  if (value && typeof value === 'object') return textOf((value as Node)['#text'])
  return ''
}

/** An Atom text construct as plain text (type text, html or xhtml). */
export function atomText(value: unknown): string {
  return htmlToText(atomHtml(value))
}

/** An Atom text construct as HTML: `text` is escaped, `html` is as given, `xhtml` is rebuilt. */
export function atomHtml(value: unknown): string {
  if (!value) return ''
  const type = typeof value === 'object' ? textOf((value as Node)['@type']) : ''
  if (type === 'xhtml') return flattenXhtml(value)
  const text = textOf(value)
  if (type === 'html') return text
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The text of parsed XHTML content, paragraph by paragraph (markup beyond that is not kept). */
function flattenXhtml(value: unknown): string {
  if (typeof value === 'string') return `${value.replace(/&/g, '&amp;').replace(/</g, '&lt;')} `
  if (Array.isArray(value)) return value.map(flattenXhtml).join('')
  if (!value || typeof value !== 'object') return ''
  const parts: string[] = []
  for (const [key, child] of Object.entries(value as Node)) {
    if (key.startsWith('@')) continue
    const block = /(^|:)(p|div|li|h\d)$/.test(key)
    for (const each of list(child)) {
      parts.push(block ? `<p>${flattenXhtml(each)}</p>` : flattenXhtml(each))
    }
  }
  return parts.join('')
}

export function absoluteUrl(raw: string, base: string | undefined): string | null {
  if (!raw) return null
  try {
    const url = new URL(raw, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
