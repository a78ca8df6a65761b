// /corrections: every correction and clarification on published stories, newest first, with a feed.
import { raw } from 'hono/html'
import type { ListedCorrection } from '../../db/queries/corrections'
import { formatDateTime } from '../../lib/time'
import { Breadcrumb } from '../components/breadcrumb'
import { KIND_LABELS } from '../components/correction-notes'
import { Pagination } from '../components/pagination'
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export interface CorrectionsListPageProps {
  chrome: SiteChrome
  items: ListedCorrection[]
  page: number
  lastPage: number
  origin: string
}

export function correctionsHref(page = 1): string {
  return page === 1 ? '/corrections' : `/corrections?page=${page}`
}

export function CorrectionsListPage(props: CorrectionsListPageProps) {
  const { chrome, items, page, lastPage, origin } = props
  const { site } = chrome
  const onPage = page > 1 ? ` (page ${page} of ${lastPage})` : ''
  return (
    <Layout
      chrome={chrome}
      title={`Corrections${page > 1 ? ` – Page ${page}` : ''}`}
      description={`Corrections and clarifications to ${site.name} stories${onPage}.`}
      feeds={[{ title: `${site.name}: Corrections`, base: '/corrections' }]}
      head={
        <>
          <link rel="canonical" href={`${origin}${correctionsHref(page)}`} />
          {page > 1 ? <link rel="prev" href={`${origin}${correctionsHref(page - 1)}`} /> : null}
          {page < lastPage ? (
            <link rel="next" href={`${origin}${correctionsHref(page + 1)}`} />
          ) : null}
        </>
      }
    >
      <Breadcrumb
        crumbs={[
          { name: 'Home', url: `${origin}/` },
          { name: 'Corrections', url: `${origin}${correctionsHref(page)}` },
        ]}
      />
      <header class="section-intro">
        <h1 class="section-heading">Corrections</h1>
        <p class="section-intro__text">
          When we get something wrong we fix it and say so. Read our{' '}
          <a href="/corrections-policy">corrections policy</a>.
        </p>
        <p class="section-intro__feeds">
          Follow: <a href="/corrections/feed.xml">RSS</a> · <a href="/corrections/atom.xml">Atom</a>
        </p>
      </header>
      {items.length === 0 ? (
        <p class="section-empty">No corrections yet.</p>
      ) : (
        <ol class="correction-index">
          {items.map((item) => (
            <li class="correction-index__item">
              <h2 class="correction-index__title">
                <a href={`/news/${item.articleSlug}#correction-${item.id}`}>{item.articleTitle}</a>
              </h2>
              <p class="correction__label">
                <strong>{KIND_LABELS[item.kind]}</strong>,{' '}
                <time datetime={item.correctedAt.toISOString()}>
                  {formatDateTime(item.correctedAt, site.timeZone)}
                </time>
              </p>
              {/* Sanitised when the note was saved. */}
              <div class="correction__body">{raw(item.bodyHtml)}</div>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} lastPage={lastPage} pageHref={correctionsHref} />
    </Layout>
  )
}
