// One story in a list: thumbnail, section, headline, teaser and time.
import type { ArticleSummary } from '../../db/queries/articles'
import { RelativeTime } from './relative-time'

export interface ArticleCardProps {
  article: ArticleSummary
  timeZone: string
  /** The front page's top story: larger, image first and eager. */
  lead?: boolean
}

export function ArticleCard({ article, timeZone, lead }: ArticleCardProps) {
  return (
    <article class={lead ? 'card card--lead' : 'card'}>
      {article.imageUrl ? (
        <img
          class="card__image"
          src={article.imageUrl}
          alt={article.imageAlt}
          width={article.imageWidth ?? undefined}
          height={article.imageHeight ?? undefined}
          loading={lead ? 'eager' : 'lazy'}
          fetchpriority={lead ? 'high' : undefined}
          decoding="async"
        />
      ) : null}
      <div class="card__body">
        <a class="card__section" href={`/category/${article.categorySlug}`}>
          {article.categoryName}
        </a>
        <h3 class="card__title">
          <a href={`/news/${article.slug}`}>{article.title}</a>
        </h3>
        {article.summary ? <p class="card__summary">{article.summary}</p> : null}
        {article.publishedAt ? (
          <RelativeTime date={article.publishedAt} timeZone={timeZone} />
        ) : null}
      </div>
    </article>
  )
}
