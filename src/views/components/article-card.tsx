// One story in a list: thumbnail, section, headline, teaser and time.
import type { ArticleSummary } from '../../db/queries/articles'
import { RelativeTime } from './relative-time'

export function ArticleCard({ article, timeZone }: { article: ArticleSummary; timeZone: string }) {
  return (
    <article class="card">
      {article.imageUrl ? (
        <img
          class="card__image"
          src={article.imageUrl}
          alt={article.imageAlt}
          width={article.imageWidth ?? undefined}
          height={article.imageHeight ?? undefined}
          loading="lazy"
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
