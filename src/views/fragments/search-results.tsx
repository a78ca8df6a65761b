// The search results list: what htmx swaps into #search-results, and the body of the search page.

import type { HighlightSegment, SearchHit } from '../../db/queries/search'
import { Pagination } from '../components/pagination'
import { RelativeTime } from '../components/relative-time'
import { ResponsiveImage } from '../components/responsive-image'
import { useI18n } from '../i18n-context'

export interface SearchResultsProps {
  /** The normalised query as typed; empty before the reader has asked anything. */
  query: string
  hits: SearchHit[]
  total: number
  /** Only the newest matches were ranked: `total` is a lower bound, and the reader is told so. */
  capped: boolean
  page: number
  lastPage: number
  pageSize: number
  timeZone: string
}

/** The full search page's URL for a query and page: what links and the address bar show. */
export function searchHref(query: string, page = 1): string {
  if (!query) return '/search'
  const q = `/search?q=${encodeURIComponent(query)}`
  return page === 1 ? q : `${q}&page=${page}`
}

export function SearchResults(props: SearchResultsProps) {
  const { query, hits, total, capped, page, lastPage, pageSize, timeZone } = props
  const i18n = useI18n()
  if (!query) {
    return <p class="search-results__prompt">{i18n.t('search.prompt')}</p>
  }
  if (total === 0) {
    return (
      <p class="search-results__empty" role="status">
        {i18n.t('search.none', { query })}
      </p>
    )
  }
  const count = i18n.t(capped ? 'search.resultsCapped' : 'search.results', { count: total })
  return (
    <>
      <p class="search-results__count" role="status">
        {count}
        {i18n.t('search.for', { query })}
        {capped ? i18n.t('search.newest', { count: total }) : ''}
        {lastPage > 1 ? i18n.t('search.page', { page, last: lastPage }) : ''}
      </p>
      <ol class="search-results__list" start={(page - 1) * pageSize + 1}>
        {hits.map((hit) => (
          <SearchResultItem hit={hit} timeZone={timeZone} />
        ))}
      </ol>
      <Pagination
        page={page}
        lastPage={lastPage}
        pageHref={(n) => i18n.href(searchHref(query, n))}
      />
    </>
  )
}

function SearchResultItem({ hit, timeZone }: { hit: SearchHit; timeZone: string }) {
  const i18n = useI18n()
  return (
    <li class="search-result">
      {hit.imageUrl ? (
        <ResponsiveImage
          class="search-result__thumb"
          src={hit.imageUrl}
          alt=""
          width={160}
          height={90}
          sizes="8rem"
          fallbackWidth={320}
        />
      ) : null}
      <div class="search-result__body">
        <a class="card__section" href={i18n.href(`/category/${hit.categorySlug}`)}>
          {i18n.sectionName(hit.categorySlug, hit.categoryName)}
        </a>
        <h2 class="search-result__title">
          <a href={`/news/${hit.slug}`}>
            <Highlighted segments={hit.titleHighlight} />
          </a>
        </h2>
        {hit.snippet.length > 0 ? (
          <p class="search-result__snippet">
            <Highlighted segments={hit.snippet} />
          </p>
        ) : null}
        {hit.publishedAt ? <RelativeTime date={hit.publishedAt} timeZone={timeZone} /> : null}
      </div>
    </li>
  )
}

/** Matched runs become <mark>; all of it is text to JSX, so article content is never markup here. */
function Highlighted({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>{segments.map((segment) => (segment.match ? <mark>{segment.text}</mark> : segment.text))}</>
  )
}
