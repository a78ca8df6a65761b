// The live preview: the article as readers would see it, from the sanitised HTML the save would store.
import { raw } from 'hono/html'
import { displaySrc } from '../../../lib/media-variants'

export interface PreviewProps {
  title: string
  imageUrl?: string | null
  imageAlt?: string
  /** Output of renderMarkdown: sanitised, the only HTML rendered raw in the newsroom. */
  html: string
  /** Why the body cannot be rendered (too long, too deeply nested…), shown instead of it. */
  problem?: string
}

export function ArticlePreview({ title, imageUrl, imageAlt, html, problem }: PreviewProps) {
  return (
    // data-hx-ignore: nothing in an article body is ever processed by htmx, whatever it contains.
    <div class="article-preview__content" data-hx-ignore>
      <h2 class="article-preview__title">{title || 'Untitled'}</h2>
      {imageUrl ? (
        <img src={displaySrc(imageUrl)} alt={imageAlt ?? ''} class="article-preview__image" />
      ) : null}
      {problem ? (
        <p class="notice notice--error" role="alert">
          {problem}
        </p>
      ) : (
        <div class="article__body">{raw(html)}</div>
      )}
    </div>
  )
}
