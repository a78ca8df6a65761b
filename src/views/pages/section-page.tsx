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
  const { site, i18n } = chrome
  const base = i18n.href(sectionHref(section))
  const pageHref = (n: number) => i18n.href(sectionHref(section, n))
  const onPage = page > 1 ? i18n.t('section.onPage', { page, last: lastPage }) : ''
  const heading =
    section.kind === 'tag' ? i18n.t('section.tagged', { name: section.name }) : section.name
  const about = { name: section.name, site: site.name }
  const description =
    (section.description ||
      i18n.t(
        section.kind === 'tag' ? 'section.tagDescription' : 'section.categoryDescription',
        about,
      )) + onPage
  return (
    <Layout
      chrome={chrome}
      title={`${heading}${page > 1 ? i18n.t('section.titlePage', { page }) : ''}`}
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
          { name: i18n.t('header.home'), url: `${origin}${i18n.href('/')}` },
          { name: heading, url: `${origin}${pageHref(page)}` },
        ]}
      />
      <header class="section-intro">
        <h1 class="section-heading">{heading}</h1>
        {section.description ? <p class="section-intro__text">{section.description}</p> : null}
        <p class="section-intro__feeds">
          {i18n.t('section.follow')} <a href={`${base}/feed.xml`}>RSS</a> ·{' '}
          <a href={`${base}/atom.xml`}>Atom</a>
        </p>
      </header>
      <section aria-labelledby="section-stories">
        <h2 id="section-stories" class="visually-hidden">
          {i18n.t('section.stories')}
          {onPage}
        </h2>
        {items.length === 0 ? (
          <p class="section-empty">{i18n.t('section.empty')}</p>
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
