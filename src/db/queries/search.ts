// Full-text search over published articles (FTS5), ranked by relevance and freshness, with snippets.
import type { Db } from '../client'
import type { ArticleSummary } from './articles'
import { type BreakingAlert, currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
import { listCategoriesQuery, type NavigationItem } from './categories'
import { MARK_END, MARK_START, type SearchTerms } from './search-match'
import { rankedHitsQuery, TYPING_CANDIDATES, typingHitsQuery } from './search-statements'
import { lastUpdateQuery, parseLastUpdate } from './site-state'

export type { SearchTerms } from './search-match'
export { SEARCH_CANDIDATES, SEARCH_PAGE_SIZE } from './search-statements'

/** A run of text; `match` runs are the query's terms, which the view renders as <mark>. */
export interface HighlightSegment {
  text: string
  match: boolean
}

export interface SearchHit extends ArticleSummary {
  titleHighlight: HighlightSegment[]
  /** The best passage of the body, or the summary when the match is only in the title. */
  snippet: HighlightSegment[]
}

export interface SearchResults {
  hits: SearchHit[]
  /** The results that can be paged through. */
  total: number
  /** More stories match than were ranked, only the newest were: `total` is then a lower bound. */
  capped: boolean
}

export interface SearchPageData extends SearchResults {
  navigation: NavigationItem[]
  lastUpdateAt: Date | null
  /** The current breaking alert, read in the same batch (issue 21). */
  breakingAlert: BreakingAlert | null
}

/** `terms` comes from services/search-query.ts; null searches nothing. */
export interface SearchRequest {
  terms: SearchTerms | null
  page: number
  now: Date
  /** The edition searched: only its articles are found. Undefined searches every language. */
  language?: string
}

/** Results for the fragment endpoint: hits and total in one statement, one round trip. */
export async function searchArticles(db: Db, request: SearchRequest): Promise<SearchResults> {
  if (!request.terms) return { hits: [], total: 0, capped: false }
  return toResults(await hitsQuery(db, request.terms, request), request.terms)
}

/** The search page: hits, total, navigation and last update in one batch (chrome only if no query). */
export async function loadSearchPage(db: Db, request: SearchRequest): Promise<SearchPageData> {
  if (!request.terms) {
    const [navigation, lastUpdate, breaking] = await db.batch([
      listCategoriesQuery(db),
      lastUpdateQuery(db),
      currentBreakingAlertQuery(db),
    ])
    return {
      hits: [],
      total: 0,
      capped: false,
      navigation,
      lastUpdateAt: parseLastUpdate(lastUpdate),
      breakingAlert: pickBreakingAlert(breaking),
    }
  }
  const [rows, navigation, lastUpdate, breaking] = await db.batch([
    hitsQuery(db, request.terms, request),
    listCategoriesQuery(db),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db),
  ])
  return {
    ...toResults(rows, request.terms),
    navigation,
    lastUpdateAt: parseLastUpdate(lastUpdate),
    breakingAlert: pickBreakingAlert(breaking),
  }
}

function hitsQuery(db: Db, terms: SearchTerms, { page, now, language }: SearchRequest) {
  return terms.prefix
    ? typingHitsQuery(db, terms, page, now, language)
    : rankedHitsQuery(db, terms, page, now, language)
}

function toResults(rows: HitRow[], terms: SearchTerms): SearchResults {
  const counted = rows[0]?.total ?? 0
  const hits = rows.map(toHit)
  // Results as you type count one candidate more than they rank, to know whether there are more.
  if (terms.prefix) {
    return {
      hits,
      total: Math.min(counted, TYPING_CANDIDATES),
      capped: counted > TYPING_CANDIDATES,
    }
  }
  return { hits, total: counted, capped: Boolean(rows[0]?.capped) }
}

type HitRow = ArticleSummary & {
  titleMarked: string
  summaryMarked: string
  bodySnippet: string
  total: number
  capped: number
}

function toHit({
  titleMarked,
  summaryMarked,
  bodySnippet,
  total,
  capped,
  ...summary
}: HitRow): SearchHit {
  const body = splitHighlights(plainText(bodySnippet ?? ''))
  return {
    ...summary,
    titleHighlight: splitHighlights(titleMarked ?? summary.title),
    snippet: body.some((segment) => segment.match) ? body : splitHighlights(summaryMarked ?? ''),
  }
}

/** Splits marker-delimited text into plain and matched runs; stray markers are dropped. */
export function splitHighlights(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = []
  let match = false
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === MARK_START || part === MARK_END) match = part === MARK_START
    else if (part) segments.push({ text: part, match })
  }
  return segments
}

/** Markdown source reads badly in a snippet: keep link text, drop tags and emphasis markers. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/(^|\n)\s*(#{1,6}|[-+>]|\d+\.)\s+/g, '$1')
    .replace(/[*_`~]{1,3}/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}
