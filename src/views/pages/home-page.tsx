// The front page: a top story, the latest stories, what's hot, and a block per section.
import type { ArticleSummary } from '../../db/queries/articles'
import type { NavigationItem } from '../../db/queries/categories'
import { ArticleCard } from '../components/article-card'
import { StoryList } from '../components/story-list'
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export interface HomePageProps {
  chrome: SiteChrome
  latest: ArticleSummary[]
  sections: (NavigationItem & { stories: ArticleSummary[] })[]
  trending: ArticleSummary[]
  origin: string
}

export function HomePage({ chrome, latest, sections, trending, origin }: HomePageProps) {
  const { timeZone } = chrome.site
  const { i18n } = chrome
  const [top, ...rest] = latest
  return (
    <Layout
      chrome={chrome}
      title={chrome.site.name}
      description={chrome.site.tagline}
      head={<link rel="canonical" href={`${origin}${i18n.href('/')}`} />}
    >
      <h1 class="visually-hidden">{i18n.t('site.latestNews', { site: chrome.site.name })}</h1>
      {top ? (
        <div class="front">
          <section class="front__top" aria-labelledby="top-story-heading">
            <h2 id="top-story-heading" class="visually-hidden">
              {i18n.t('home.topStory')}
            </h2>
            <ArticleCard article={top} timeZone={timeZone} lead />
          </section>
          <aside class="front__aside">
            <StoryList
              id="hot-heading"
              heading={i18n.t('story.hot')}
              stories={trending}
              timeZone={timeZone}
              hot
            />
          </aside>
        </div>
      ) : (
        <p>{i18n.t('home.empty')}</p>
      )}
      {rest.length > 0 ? (
        <section class="front__block" aria-labelledby="latest-heading">
          <h2 id="latest-heading" class="section-heading">
            {i18n.t('home.latest')}
          </h2>
          <div class="card-grid">
            {rest.map((article) => (
              <ArticleCard article={article} timeZone={timeZone} />
            ))}
          </div>
        </section>
      ) : null}
      {sections.map((section) => (
        <section class="front__block" aria-labelledby={`section-${section.slug}`}>
          <h2 id={`section-${section.slug}`} class="section-heading">
            <a href={i18n.href(`/category/${section.slug}`)}>{section.name}</a>
          </h2>
          <div class="card-grid card-grid--compact">
            {section.stories.map((article) => (
              <ArticleCard article={article} timeZone={timeZone} />
            ))}
          </div>
        </section>
      ))}
    </Layout>
  )
}
