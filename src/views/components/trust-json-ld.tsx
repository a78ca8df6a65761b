// schema.org shapes for authors and corrections, shared by the article and author pages.
import type { CorrectionNote } from '../../db/queries/corrections'
import type { BylineAuthor } from '../../lib/byline'

export function authorUrl(origin: string, author: Pick<BylineAuthor, 'slug'>): string {
  return `${origin}/author/${encodeURIComponent(author.slug)}`
}

/** A `Person` that names its profile page, so search engines tie the byline to it. */
export function personJsonLd(author: BylineAuthor, origin: string) {
  return { '@type': 'Person', name: author.name, url: authorUrl(origin, author) }
}

/** schema.org's `CorrectionComment`: the note's text and when it was made. */
export function correctionJsonLd(note: CorrectionNote, articleUrl: string) {
  return {
    '@type': 'CorrectionComment',
    text: textOf(note.bodyHtml),
    datePublished: note.correctedAt.toISOString(),
    url: `${articleUrl}#correction-${note.id}`,
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }

/** The sanitised note's words without markup; the sanitiser only emits these five entities. */
function textOf(html: string): string {
  return (
    html
      // Block ends separate words; inline tags sit inside them ("the <em>date</em>.").
      .replace(/<\/?(p|br|li|ul|ol|div|blockquote|h[1-6])\b[^>]*>/g, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
      .replace(/\s+/g, ' ')
      .trim()
  )
}
