// Full-text search over published articles (FTS5), ranked by relevance and freshness, with snippets.
import { and, count, desc, eq, sql } from 'drizzle-orm'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client'
import { articles, categories } from '../schema'
import { type ArticleSummary, articleSummaryColumns, isPublic } from './articles'
import { listCategoriesQuery, type NavigationItem } from './categories'
import { lastUpdateQuery, parseLastUpdate } from './site-state'

export const SEARCH_PAGE_SIZE = 10

/**
 * The FTS5 table from migrations/0001_search_fts.sql, declared here rather than in schema.ts so
 * drizzle-kit never tries to create it as an ordinary table.
 */
const articlesFts = sqliteTable('articles_fts', {
  rowid: integer().notNull(),
  title: text(),
  summary: text(),
  bodyMd: text(),
})

// Private-use characters cannot be typed by accident and are not HTML, so nothing in an article
// can be mistaken for a marker and no markup ever has to be trusted.
const MARK_START = '\uE000'
const MARK_END = '\uE001'

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
  total: number
}

export interface SearchPageData extends SearchResults {
  navigation: NavigationItem[]
  lastUpdateAt: Date | null
}

/** `match` is a sanitised FTS5 expression (services/search-query.ts); null searches nothing. */
export interface SearchRequest {
  match: string | null
  page: number
  now: Date
}

/** Results for the fragment endpoint: hits and total in one batch. */
export async function searchArticles(db: Db, request: SearchRequest): Promise<SearchResults> {
  if (!request.match) return { hits: [], total: 0 }
  const [rows, total] = await db.batch([
    hitsQuery(db, request.match, request),
    totalQuery(db, request.match),
  ])
  return { hits: rows.map(toHit), total: total[0]?.total ?? 0 }
}

/** The search page: hits, total, navigation and last update in one batch (chrome only if no query). */
export async function loadSearchPage(db: Db, request: SearchRequest): Promise<SearchPageData> {
  if (!request.match) {
    const [navigation, lastUpdate] = await db.batch([listCategoriesQuery(db), lastUpdateQuery(db)])
    return { hits: [], total: 0, navigation, lastUpdateAt: parseLastUpdate(lastUpdate) }
  }
  const [rows, total, navigation, lastUpdate] = await db.batch([
    hitsQuery(db, request.match, request),
    totalQuery(db, request.match),
    listCategoriesQuery(db),
    lastUpdateQuery(db),
  ])
  return {
    hits: rows.map(toHit),
    total: total[0]?.total ?? 0,
    navigation,
    lastUpdateAt: parseLastUpdate(lastUpdate),
  }
}

/**
 * Rank, lower first (bm25 is negative): per-column BM25 weighted title ×10, summary ×4, body ×1,
 * times a freshness factor from 2 (just published) through 1.5 at 30 days towards 1.
 *
 * Why not `bm25(articles_fts, 10, 4, 1)`: FTS5 multiplies column weights into the term frequency
 * before BM25 saturates it, so those weights make a title match barely twice a body mention.
 * Scoring each column on its own and weighting the sum makes ten times mean ten times.
 *
 * Why multiply by freshness rather than subtract a bonus: BM25's scale swings with how rare the
 * terms are, so a fixed bonus would swamp rare-word relevance or vanish for common words; a factor
 * stays proportional. Between equally relevant stories the newer wins, a fresh story beats an old
 * one up to twice as relevant, and a title match still beats a fresh body-only mention.
 */
function rankExpression(now: Date) {
  const published = sql`coalesce(${articles.publishedAt}, ${articles.updatedAt})`
  // 2592000000 ms = 30 days.
  const ageMonths = sql`max(0.0, (${now.getTime()} - ${published}) / 2592000000.0)`
  const title = sql`bm25(${articlesFts}, 1.0, 0.0, 0.0)`
  const summary = sql`bm25(${articlesFts}, 0.0, 1.0, 0.0)`
  const body = sql`bm25(${articlesFts}, 0.0, 0.0, 1.0)`
  return sql`(10.0 * ${title} + 4.0 * ${summary} + ${body}) * (1.0 + 1.0 / (1.0 + ${ageMonths}))`
}

function hitsQuery(db: Db, match: string, { page, now }: SearchRequest) {
  return db
    .select({
      ...articleSummaryColumns,
      titleMarked: sql<string>`highlight(${articlesFts}, 0, ${MARK_START}, ${MARK_END})`,
      summaryMarked: sql<string>`highlight(${articlesFts}, 1, ${MARK_START}, ${MARK_END})`,
      bodySnippet: sql<string>`snippet(${articlesFts}, 2, ${MARK_START}, ${MARK_END}, '…', 32)`,
    })
    .from(articlesFts)
    .innerJoin(articles, eq(articles.id, articlesFts.rowid))
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(sql`${articlesFts} match ${match}`, isPublic))
    .orderBy(rankExpression(now), desc(articles.publishedAt), desc(articles.id))
    .limit(SEARCH_PAGE_SIZE)
    .offset((Math.max(1, Math.trunc(page)) - 1) * SEARCH_PAGE_SIZE)
}

function totalQuery(db: Db, match: string) {
  return db
    .select({ total: count() })
    .from(articlesFts)
    .innerJoin(articles, eq(articles.id, articlesFts.rowid))
    .where(and(sql`${articlesFts} match ${match}`, isPublic))
}

type HitRow = ArticleSummary & { titleMarked: string; summaryMarked: string; bodySnippet: string }

function toHit({ titleMarked, summaryMarked, bodySnippet, ...summary }: HitRow): SearchHit {
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
