// "Latest from World": a short list of stories for other sites, with thumbnails, times and a way back.
import type { EmbedListItem, SectionName } from '../../db/queries/embed'
import { editionPath } from '../../lib/editions'
import { ResponsiveImage } from '../components/responsive-image'
import { contentLanguage, EmbedRoot, EmbedTime } from './embed-root'
import { translateEmbed } from './labels'
import { type EmbedPresentation, siteUrl } from './presentation'

export interface EmbedListProps {
  items: EmbedListItem[]
  category: SectionName | null
  tag: SectionName | null
  presentation: EmbedPresentation
}

export function embedListHeading({ category, tag, presentation }: Omit<EmbedListProps, 'items'>) {
  const { lang } = presentation
  const section = category && tag ? `${category.name} · ${tag.name}` : (category ?? tag)?.name
  return section
    ? translateEmbed(lang, 'embed.latestFrom', { section })
    : translateEmbed(lang, 'embed.latest')
}

export function EmbedList({ items, category, tag, presentation }: EmbedListProps) {
  const { site } = presentation
  const { lang } = presentation
  const heading = embedListHeading({ category, tag, presentation })
  const section = category ? `/category/${category.slug}` : tag ? `/tag/${tag.slug}` : '/'
  const more = editionPath({ prefix: presentation.editionPrefix }, section)
  return (
    <EmbedRoot presentation={presentation}>
      {/* No id: a fragment may share the host page with others, so it is named by its label. */}
      <section class="bulletin-list" aria-label={heading}>
        <h2 class="bulletin-list__heading">{heading}</h2>
        {items.length === 0 ? (
          <p class="bulletin-list__empty">{translateEmbed(lang, 'embed.empty')}</p>
        ) : (
          <ol class="bulletin-list__items">
            {items.map((story) => (
              <li class="bulletin-list__item">
                {story.imageUrl ? (
                  <ResponsiveImage
                    class="bulletin-list__thumb"
                    src={story.imageUrl}
                    absolute={(path) => siteUrl(site, path)}
                    alt=""
                    width={96}
                    height={54}
                    sizes="6rem"
                    fallbackWidth={320}
                  />
                ) : null}
                <div class="bulletin-list__text">
                  <a
                    class="bulletin-list__link"
                    href={siteUrl(site, `/news/${story.slug}`)}
                    target="_top"
                    rel="noopener"
                    {...contentLanguage(story.language, presentation.lang)}
                  >
                    {story.title}
                  </a>
                  {story.publishedAt ? (
                    <EmbedTime
                      date={story.publishedAt}
                      presentation={presentation}
                      storyLanguage={presentation.lang}
                    />
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        )}
        <p class="bulletin-brand">
          <a class="bulletin-brand__link" href={siteUrl(site, more)} target="_top" rel="noopener">
            {translateEmbed(lang, 'embed.moreFrom', { site: site.name })}
          </a>
        </p>
      </section>
    </EmbedRoot>
  )
}
