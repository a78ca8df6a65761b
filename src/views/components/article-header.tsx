// The article's header: section kicker, title, summary, dates, favourite button and byline.

import type { ArticleDetail } from '../../db/queries/article-page-data'
import type { BylineAuthor } from '../../lib/byline'
import { useI18n } from '../i18n-context'
import { Byline } from './byline'
import { FavoriteButton } from './favorite-button'
import { RelativeTime } from './relative-time'
import { ResponsiveImage } from './responsive-image'

/** An edit within a few minutes of publishing is not worth an "Updated" line. */
const UPDATE_THRESHOLD_MS = 5 * 60_000

export interface ArticleHeaderProps {
  article: ArticleDetail
  timeZone: string
  /** The article is among the trending stories. */
  isHot: boolean
  /** Linked authors, whose names in the byline lead to their pages. */
  authors?: readonly BylineAuthor[]
}

export function ArticleHeader({ article, timeZone, isHot, authors = [] }: ArticleHeaderProps) {
  const i18n = useI18n()
  const wasUpdated =
    article.publishedAt !== null &&
    article.updatedAt.getTime() - article.publishedAt.getTime() > UPDATE_THRESHOLD_MS
  return (
    <header class="article__header">
      <p class="article__kicker">
        <a class="article__section" href={i18n.href(`/category/${article.categorySlug}`)}>
          {i18n.sectionName(article.categorySlug, article.categoryName)}
        </a>
        {isHot ? <span class="hot-marker">{i18n.t('story.hot')}</span> : null}
      </p>
      <h1 class="article__title">{article.title}</h1>
      {article.summary ? <p class="article__summary">{article.summary}</p> : null}
      {/* One date a line, the button in a slot of its own (public/css/site.css): the line's height
          never depends on how long the words are, so nothing moves when the script shows the
          button or words the dates ("6 hours ago"). */}
      <div class="article__meta">
        <div class="article__dates">
          {article.publishedAt ? (
            <span>
              {i18n.t('article.published')}{' '}
              <RelativeTime date={article.publishedAt} timeZone={timeZone} />
            </span>
          ) : null}
          {wasUpdated ? (
            <span>
              {i18n.t('article.updated')}{' '}
              <RelativeTime date={article.updatedAt} timeZone={timeZone} />
            </span>
          ) : null}
        </div>
        <FavoriteButton articleId={article.id} title={article.title} />
      </div>
      <Byline byline={article.byline} authors={authors} />
    </header>
  )
}

/** The lead image, sized so the page does not shift, fetched first; caption and credit beneath. */
export function ArticleFigure({ article }: { article: ArticleDetail }) {
  const i18n = useI18n()
  if (!article.imageUrl) return null
  const credit = article.imageCredit && i18n.t('article.photo', { credit: article.imageCredit })
  const caption = [article.imageCaption, credit]
  return (
    <figure class="article__figure">
      <ResponsiveImage
        src={article.imageUrl}
        alt={article.imageAlt}
        width={article.imageWidth}
        height={article.imageHeight}
        sizes="(min-width: 72rem) 46rem, (min-width: 56rem) 64vw, calc(100vw - 2rem)"
        priority
      />
      {caption.some(Boolean) ? (
        <figcaption>{caption.filter(Boolean).join(' · ')}</figcaption>
      ) : null}
    </figure>
  )
}
