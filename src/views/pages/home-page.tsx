// The front page: the latest published stories.
import type { ArticleSummary } from '../../db/queries/articles'
import { ArticleCard } from '../components/article-card'
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export interface HomePageProps {
  chrome: SiteChrome
  latest: ArticleSummary[]
}

export function HomePage({ chrome, latest }: HomePageProps) {
  return (
    <Layout chrome={chrome} title={chrome.site.name} description={chrome.site.tagline}>
      <h1 class="visually-hidden">{chrome.site.name}</h1>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" class="section-heading">
          Latest news
        </h2>
        {latest.length === 0 ? (
          <p>No stories have been published yet.</p>
        ) : (
          <div class="card-grid">
            {latest.map((article) => (
              <ArticleCard article={article} timeZone={chrome.site.timeZone} />
            ))}
          </div>
        )}
      </section>
    </Layout>
  )
}
