// Bylines: the free-text line split around the linked authors it names, so names become links.

export interface BylineAuthor {
  slug: string
  name: string
}

export type BylinePart = { text: string } | { author: BylineAuthor }

/**
 * "By Maya Haddad and Agencies" with Maya Haddad linked gives text, author, text. The free text is
 * kept exactly as written; a linked author it does not name is appended (", " or "By " first), so
 * every author an editor picked is shown and the wording an editor typed never changes.
 */
export function splitByline(byline: string, authors: readonly BylineAuthor[]): BylinePart[] {
  let parts: BylinePart[] = byline ? [{ text: byline }] : []
  const missing: BylineAuthor[] = []
  for (const author of authors) {
    const next = linkFirstMention(parts, author)
    if (next) parts = next
    else missing.push(author)
  }
  missing.forEach((author, i) => {
    const lead = parts.length === 0 && i === 0 ? 'By ' : i === 0 && byline ? ' · ' : ', '
    parts.push({ text: lead }, { author })
  })
  return parts.filter((part) => !('text' in part) || part.text !== '')
}

function linkFirstMention(parts: BylinePart[], author: BylineAuthor): BylinePart[] | null {
  for (const [i, part] of parts.entries()) {
    if (!('text' in part) || !author.name) continue
    const at = part.text.indexOf(author.name)
    if (at < 0) continue
    return [
      ...parts.slice(0, i),
      { text: part.text.slice(0, at) },
      { author },
      { text: part.text.slice(at + author.name.length) },
      ...parts.slice(i + 1),
    ]
  }
  return null
}

/** The names a feed or JSON-LD gives: the linked authors, or the byline without its "By". */
export function bylineNames(byline: string, authors: readonly BylineAuthor[]): string[] {
  if (authors.length > 0) return authors.map((author) => author.name)
  const text = byline.replace(/^by\s+/i, '').trim()
  return text ? [text] : []
}
