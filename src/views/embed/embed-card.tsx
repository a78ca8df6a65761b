// One story as a card for other sites: image, section, time, headline, summary and the way back.
import type { EmbedArticle } from '../../db/queries/embed'
import { ResponsiveImage } from '../components/responsive-image'
import { contentLanguage, EmbedRoot, EmbedTime } from './embed-root'
import { type EmbedPresentation, siteUrl } from './presentation'

export interface EmbedCardProps {
  article: EmbedArticle
  presentation: EmbedPresentation
}

/**
 * The headline is the card's one link; CSS stretches it over the whole card. It opens in the top
 * window, so a reader leaves the host page for the story instead of reading it inside a frame.
 */
export function EmbedCard({ article, presentation }: EmbedCardProps) {
  const { site } = presentation
  return (
    <EmbedRoot presentation={presentation}>
      <article class="bulletin-card" {...contentLanguage(article.language, presentation.lang)}>
        {article.imageUrl ? (
          <ResponsiveImage
            class="bulletin-card__image"
            src={article.imageUrl}
            absolute={(path) => siteUrl(site, path)}
            alt={article.imageAlt}
            width={article.imageWidth}
            height={article.imageHeight}
            sizes="(min-width: 40rem) 40rem, 100vw"
            fallbackWidth={640}
            priority
          />
        ) : null}
        <div class="bulletin-card__body">
          <p class="bulletin-card__meta">
            <span class="bulletin-card__section">{article.categoryName}</span>
            {article.publishedAt ? (
              <EmbedTime
                date={article.publishedAt}
                presentation={presentation}
                storyLanguage={article.language}
              />
            ) : null}
          </p>
          <h2 class="bulletin-card__title">
            <a
              class="bulletin-card__link"
              href={siteUrl(site, `/news/${article.slug}`)}
              target="_top"
              rel="noopener"
            >
              {article.title}
            </a>
          </h2>
          {article.summary ? <p class="bulletin-card__summary">{article.summary}</p> : null}
          <p class="bulletin-brand">{site.name}</p>
        </div>
      </article>
    </EmbedRoot>
  )
}
