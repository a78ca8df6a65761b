// One story in a list: thumbnail, section, headline, teaser and time.

import type { ArticleSummary } from '../../db/queries/articles'
import { useI18n } from '../i18n-context'
import { Byline } from './byline'
import { RelativeTime } from './relative-time'
import { ResponsiveImage } from './responsive-image'

export interface ArticleCardProps {
  article: ArticleSummary
  timeZone: string
  /** The front page's top story: larger, image first and eager. */
  lead?: boolean
}

export function ArticleCard({ article, timeZone, lead }: ArticleCardProps) {
  const i18n = useI18n()
  return (
    <article class={lead ? 'card card--lead' : 'card'}>
      {article.imageUrl ? (
        <ResponsiveImage
          class="card__image"
          src={article.imageUrl}
          alt={article.imageAlt}
          width={article.imageWidth}
          height={article.imageHeight}
          sizes={
            lead
              ? '(min-width: 56rem) 46rem, calc(100vw - 2rem)'
              : '(min-width: 56rem) 22rem, calc(100vw - 2rem)'
          }
          fallbackWidth={lead ? 960 : 480}
          priority={lead}
        />
      ) : null}
      <div class="card__body">
        <a class="card__section" href={i18n.href(`/category/${article.categorySlug}`)}>
          {i18n.sectionName(article.categorySlug, article.categoryName)}
        </a>
        <h3 class="card__title">
          <a href={`/news/${article.slug}`}>{article.title}</a>
        </h3>
        {article.summary ? <p class="card__summary">{article.summary}</p> : null}
        {/* Only lists that read their bylines' authors show one: an unlinked name would mislead. */}
        {article.authors ? (
          <Byline byline={article.byline ?? ''} authors={article.authors} class="card__byline" />
        ) : null}
        {article.publishedAt ? (
          <RelativeTime date={article.publishedAt} timeZone={timeZone} />
        ) : null}
      </div>
    </article>
  )
}
