// A static page (About, Contact, Corrections policy…): its title and sanitised Markdown body.
import { raw } from 'hono/html'
import type { StaticPageView } from '../../db/queries/pages'
import { Breadcrumb } from '../components/breadcrumb'
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export interface StaticPageProps {
  chrome: SiteChrome
  page: StaticPageView
  origin: string
}

export function StaticPage({ chrome, page, origin }: StaticPageProps) {
  const url = `${origin}/${page.slug}`
  return (
    <Layout
      chrome={chrome}
      title={page.title}
      description={page.summary || undefined}
      language={page.language}
      head={<link rel="canonical" href={url} />}
    >
      <Breadcrumb
        crumbs={[
          { name: 'Home', url: `${origin}/` },
          { name: page.title, url },
        ]}
      />
      <article class="static-page">
        <h1 class="section-heading">{page.title}</h1>
        {/* Rendered from Markdown and sanitised when the page was saved, like article bodies. */}
        <div class="article__body">{raw(page.bodyHtml)}</div>
      </article>
    </Layout>
  )
}
