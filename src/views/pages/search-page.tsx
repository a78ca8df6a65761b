// The search page: a plain GET form that, with htmx, also fetches results as the reader types.
import { SearchResults, type SearchResultsProps } from '../fragments/search-results'
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export interface SearchPageProps {
  chrome: SiteChrome
  results: Omit<SearchResultsProps, 'timeZone'>
}

export function SearchPage({ chrome, results }: SearchPageProps) {
  const { query, page } = results
  const { i18n } = chrome
  const paged = page > 1 ? i18n.t('section.titlePage', { page }) : ''
  const title = query ? `${i18n.t('search.titleQuery', { query })}${paged}` : i18n.t('search.title')
  return (
    <Layout
      htmx
      chrome={chrome}
      title={title}
      description={i18n.t('search.description', { site: chrome.site.name })}
      // Result pages are endless variations of the same articles; the articles are what to index.
      head={<meta name="robots" content="noindex, follow" />}
    >
      <h1 class="section-heading">{i18n.t('search.title')}</h1>
      <search>
        <form class="search-form" action={i18n.href('/search')} method="get">
          <label for="search-q">{i18n.t('header.searchLabel')}</label>
          {/* maxlength matches MAX_QUERY_LENGTH, as in the header's form. The fragment has its own
              URL so cached pages and fragments never collide; `replace` aborts a slower earlier
              request so stale results never land last. */}
          <input
            id="search-q"
            name="q"
            type="search"
            value={query}
            maxlength={200}
            autocomplete="off"
            data-hx-get={i18n.href('/fragments/search')}
            data-hx-trigger="input changed delay:300ms, search"
            data-hx-target="#search-results"
            data-hx-sync="replace"
            data-hx-indicator="#search-busy"
          />
          <button type="submit">{i18n.t('header.search')}</button>
          <span id="search-busy" class="search-form__busy htmx-indicator">
            {i18n.t('search.searching')}
          </span>
        </form>
      </search>
      <div id="search-results" class="search-results">
        <SearchResults {...results} timeZone={chrome.site.timeZone} />
      </div>
    </Layout>
  )
}
