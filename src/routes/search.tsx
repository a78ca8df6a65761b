// Search: the page at `/search` and, at its own URL, the results fragment htmx fetches as you type.
import { type Context, Hono } from 'hono'
import { loadSearchPage, SEARCH_PAGE_SIZE, searchArticles } from '../db/queries/search'
import type { AppEnv } from '../env'
import { editionPath } from '../lib/editions'
import { createI18n } from '../lib/i18n/i18n'
import { ReaderError } from '../lib/i18n/reader-error'
import { MAX_QUERY_LENGTH, normalizeSearchInput, toSearchTerms } from '../services/search-query'
import { countPages } from '../views/components/pagination'
import { SearchResults, searchHref } from '../views/fragments/search-results'
import { I18nProvider } from '../views/i18n-context'
import { SearchPage } from '../views/pages/search-page'
import { siteChrome } from './page-context'
import { parsePage } from './sections'

export const search = new Hono<AppEnv>()
  .get('/search', async (c) => {
    const { query, page, terms } = readSearch(c, false)
    const language = c.var.edition.code
    const data = await loadSearchPage(c.var.db, { terms, page, now: new Date(), language })
    const lastPage = checkPage(page, data.total)
    const { navigation, lastUpdateAt, breakingAlert } = data
    return c.render(
      <SearchPage
        chrome={siteChrome(c, { navigation, lastUpdateAt, breakingAlert })}
        results={{ ...data, query, page, lastPage, pageSize: SEARCH_PAGE_SIZE }}
      />,
    )
  })
  .get('/fragments/search', async (c) => {
    const { query, page, terms } = readSearch(c, true)
    // No chrome here, and an empty or unsearchable query needs no database at all.
    const language = c.var.edition.code
    const results = await searchArticles(c.var.db, { terms, page, now: new Date(), language })
    const lastPage = checkPage(page, results.total)
    // The address bar follows the query so a reload or a shared link shows the same results;
    // replace rather than push, or every keystroke would become a history entry.
    c.header('HX-Replace-Url', editionPath(c.var.edition, searchHref(query, page)))
    return c.html(
      <I18nProvider i18n={createI18n(c.var.edition)}>
        <SearchResults
          {...results}
          query={query}
          page={page}
          lastPage={lastPage}
          pageSize={SEARCH_PAGE_SIZE}
          timeZone={c.var.config.site.timeZone}
        />
      </I18nProvider>,
    )
  })

function readSearch(c: Context<AppEnv>, asYouType: boolean) {
  const raw = c.req.query('q') ?? ''
  const query = normalizeSearchInput(raw)
  if (query.length > MAX_QUERY_LENGTH) {
    throw new ReaderError('INVALID', 'problem.queryTooLong', { max: MAX_QUERY_LENGTH })
  }
  const page = parsePage(c.req.query('page'))
  // The raw input still says whether the reader has finished the last word (a trailing space).
  return { query, page, terms: toSearchTerms(raw, { asYouType }) }
}

function checkPage(page: number, total: number): number {
  const lastPage = countPages(total, SEARCH_PAGE_SIZE)
  if (page > lastPage) throw new ReaderError('NOT_FOUND', 'problem.noResultsPage', { page })
  return lastPage
}
