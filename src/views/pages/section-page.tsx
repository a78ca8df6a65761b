// A category or tag page: its stories a page at a time, with feeds and prev/next links in <head>.
import type { ArticleSummary } from '../../db/queries/articles'
import type { Section } from '../../db/queries/sections'
import { ArticleCard } from '../components/article-card'
import { Breadcrumb } from '../components/breadcrumb'
import { Pagination } from '../components/pagination'
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export interface SectionPageProps {
  chrome: SiteChrome
  section: Section
  items: ArticleSummary[]
  page: number
  lastPage: number
  /** Absolute origin for the canonical URL and the breadcrumb's structured data. */
  origin: string
}

/** `/category/<slug>` or `/tag/<slug>`; page 1 has no `?page=`, so it has one URL only. */
export function sectionHref(section: Pick<Section, 'kind' | 'slug'>, page = 1): string {
  const path = `/${section.kind}/${encodeURIComponent(section.slug)}`
  return page === 1 ? path : `${path}?page=${page}`
}

export function SectionPage({ chrome, section, items, page, lastPage, origin }: SectionPageProps) {
  const { site } = chrome
  const base = sectionHref(section)
  const pageHref = (n: number) => sectionHref(section, n)
  const onPage = page > 1 ? ` (page ${page} of ${lastPage})` : ''
  const heading = section.kind === 'tag' ? `Tagged: ${section.name}` : section.name
  const description =
    (section.description ||
      (section.kind === 'tag'
        ? `Stories tagged ${section.name} on ${site.name}.`
        : `The latest ${section.name} stories from ${site.name}.`)) + onPage
  return (
    <Layout
      chrome={chrome}
      title={`${heading}${page > 1 ? ` – Page ${page}` : ''}`}
      description={description}
      feeds={[{ title: `${site.name}: ${heading}`, base }]}
      head={
        <>
          <link rel="canonical" href={`${origin}${pageHref(page)}`} />
          {page > 1 ? <link rel="prev" href={`${origin}${pageHref(page - 1)}`} /> : null}
          {page < lastPage ? <link rel="next" href={`${origin}${pageHref(page + 1)}`} /> : null}
        </>
      }
    >
      <Breadcrumb
        crumbs={[
          { name: 'Home', url: `${origin}/` },
          { name: heading, url: `${origin}${pageHref(page)}` },
        ]}
      />
      <header class="section-intro">
        <h1 class="section-heading">{heading}</h1>
        {section.description ? <p class="section-intro__text">{section.description}</p> : null}
        <p class="section-intro__feeds">
          Follow: <a href={`${base}/feed.xml`}>RSS</a> · <a href={`${base}/atom.xml`}>Atom</a>
        </p>
      </header>
      <section aria-labelledby="section-stories">
        <h2 id="section-stories" class="visually-hidden">
          Stories{onPage}
        </h2>
        {items.length === 0 ? (
          <p class="section-empty">No stories yet. Check back soon.</p>
        ) : (
          <div class="card-grid">
            {items.map((article) => (
              <ArticleCard article={article} timeZone={site.timeZone} />
            ))}
          </div>
        )}
      </section>
      <Pagination page={page} lastPage={lastPage} pageHref={pageHref} />
    </Layout>
  )
}
