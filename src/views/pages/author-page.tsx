// An author's page: photo, role, bio and links, then their published stories a page at a time.
import { raw } from 'hono/html'
import type { AuthorPageData } from '../../db/queries/authors'
import { ArticleCard } from '../components/article-card'
import { Breadcrumb } from '../components/breadcrumb'
import { JsonLd } from '../components/json-ld'
import { Pagination } from '../components/pagination'
import { authorUrl } from '../components/trust-json-ld'
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export interface AuthorPageProps {
  chrome: SiteChrome
  data: AuthorPageData
  page: number
  lastPage: number
  origin: string
}

/** `/author/<slug>`; page 1 has no `?page=`, so it has one URL only. */
export function authorHref(slug: string, page = 1): string {
  const path = `/author/${encodeURIComponent(slug)}`
  return page === 1 ? path : `${path}?page=${page}`
}

export function AuthorPage({ chrome, data, page, lastPage, origin }: AuthorPageProps) {
  const { author, items } = data
  const { site } = chrome
  const base = authorHref(author.slug)
  const pageHref = (n: number) => authorHref(author.slug, n)
  const onPage = page > 1 ? ` (page ${page} of ${lastPage})` : ''
  return (
    <Layout
      chrome={chrome}
      title={`${author.name}${page > 1 ? ` – Page ${page}` : ''}`}
      description={`${author.name}${author.jobTitle ? `, ${author.jobTitle}` : ''}: stories on ${site.name}.${onPage}`}
      feeds={[{ title: `${site.name}: ${author.name}`, base }]}
      head={
        <>
          <link rel="canonical" href={`${origin}${pageHref(page)}`} />
          {page > 1 ? <link rel="prev" href={`${origin}${pageHref(page - 1)}`} /> : null}
          {page < lastPage ? <link rel="next" href={`${origin}${pageHref(page + 1)}`} /> : null}
          <JsonLd
            data={{
              '@context': 'https://schema.org',
              '@type': 'ProfilePage',
              url: `${origin}${pageHref(page)}`,
              mainEntity: {
                '@type': 'Person',
                name: author.name,
                url: authorUrl(origin, author),
                jobTitle: author.jobTitle || undefined,
                image: author.photoUrl ? new URL(author.photoUrl, origin).href : undefined,
                sameAs: author.links.length > 0 ? author.links.map((link) => link.url) : undefined,
                worksFor: { '@type': 'NewsMediaOrganization', name: site.name, url: `${origin}/` },
              },
            }}
          />
        </>
      }
    >
      <Breadcrumb
        crumbs={[
          { name: 'Home', url: `${origin}/` },
          { name: author.name, url: `${origin}${pageHref(page)}` },
        ]}
      />
      <header class="author-profile">
        {author.photoUrl ? (
          <img
            class="author-profile__photo"
            src={author.photoUrl}
            alt={author.photoAlt}
            width={120}
            height={120}
          />
        ) : null}
        <div>
          <h1 class="section-heading">{author.name}</h1>
          {author.jobTitle ? <p class="author-profile__role">{author.jobTitle}</p> : null}
          {/* Rendered from Markdown and sanitised at save time, like article bodies. */}
          {author.bioHtml ? <div class="author-profile__bio">{raw(author.bioHtml)}</div> : null}
          {author.links.length > 0 ? (
            <ul class="author-profile__links">
              {author.links.map((link) => (
                <li>
                  <a href={link.url} rel="me noopener">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <p class="section-intro__feeds">
            Follow: <a href={`${base}/feed.xml`}>RSS</a> · <a href={`${base}/atom.xml`}>Atom</a>
          </p>
        </div>
      </header>
      <section aria-labelledby="author-stories">
        <h2 id="author-stories">
          Stories by {author.name}
          {onPage}
        </h2>
        {items.length === 0 ? (
          <p class="section-empty">No published stories yet.</p>
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
