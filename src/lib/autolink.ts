// Splits plain text into text and http(s) link segments, so views can auto-link without raw HTML.

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string }

// Stops at whitespace and at characters that cannot end a URL in running text.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/

export function splitLinks(text: string): Segment[] {
  const segments: Segment[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0
    const url = match[0].replace(TRAILING_PUNCTUATION, '')
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) })
    if (isHttpUrl(url)) segments.push({ kind: 'link', text: url, href: url })
    else segments.push({ kind: 'text', text: url })
    last = start + url.length
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) })
  return segments
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
