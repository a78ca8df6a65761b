// A byline whose linked authors' names lead to their pages; the free text stays as typed.
import { type BylineAuthor, splitByline } from '../../lib/byline'

export interface BylineProps {
  byline: string
  authors: readonly BylineAuthor[]
  class?: string
}

export function Byline({ byline, authors, class: className = 'article__byline' }: BylineProps) {
  const parts = splitByline(byline, authors)
  if (parts.length === 0) return null
  return (
    <p class={className}>
      {parts.map((part) =>
        'text' in part ? (
          part.text
        ) : (
          <a rel="author" href={`/author/${encodeURIComponent(part.author.slug)}`}>
            {part.author.name}
          </a>
        ),
      )}
    </p>
  )
}
