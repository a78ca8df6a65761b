// The search statements: every cursor bounded by the newest matches, so cost never follows the archive.
import { and, desc, eq, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, categories } from '../schema'
import { articleSummaryColumns, isPublic } from './articles'
import {
  articlesFts,
  ftsMatch,
  joinPhrases,
  MARK_END,
  MARK_START,
  type SearchTerms,
} from './search-match'

export const SEARCH_PAGE_SIZE = 10

/**
 * A search ranks only the newest this-many matches (FTS5 walks its index newest first and stops),
 * so a word found in most of the archive costs what a rarer one does. The reader is told so.
 */
export const SEARCH_CANDIDATES = 500

/** Results as you type rank fewer: each keystroke is a query, and a prefix is costly to expand. */
export const TYPING_CANDIDATES = 100

/**
 * bm25() learns each word's rarity by reading the word's whole posting list, once per query: fine
 * for a word in a few thousand stories, 100 ms and more for one in most of a million. Past this
 * many stories a query ranks by where its words appear instead (see columnScore).
 */
export const COMMON_WORD_STORIES = 20_000

const titleMarked = sql<string>`highlight(${articlesFts}, 0, ${MARK_START}, ${MARK_END})`
const summaryMarked = sql<string>`highlight(${articlesFts}, 1, ${MARK_START}, ${MARK_END})`

/**
 * A factor from 2 (just published) through 1.5 at 30 days towards 1. Multiplying rather than
 * subtracting a bonus keeps it proportional to relevance, whose scale swings with the words:
 * between equally relevant stories the newer wins, and a fresh story beats an old one up to twice
 * as relevant.
 */
function freshness(published: { publishedAt: unknown; updatedAt: unknown }, now: Date) {
  const at = sql`coalesce(${published.publishedAt}, ${published.updatedAt})`
  // 2592000000 ms = 30 days.
  const ageMonths = sql`max(0.0, (${now.getTime()} - ${at}) / 2592000000.0)`
  return sql`(1.0 + 1.0 / (1.0 + ${ageMonths}))`
}

/**
 * Relevance when every word is selective, lower first (bm25 is negative): per-column BM25
 * weighted title ×10, summary ×4, body ×1. Why not `bm25(articles_fts, 10, 4, 1)`: FTS5
 * multiplies column weights into the term frequency before BM25 saturates it, so those weights
 * make a title match barely twice a body mention; scoring each column on its own and weighting
 * the sum makes ten times mean ten times.
 */
const bm25Score = sql`(10.0 * bm25(${articlesFts}, 1.0, 0.0, 0.0) + 4.0 * bm25(${articlesFts}, 0.0, 1.0, 0.0) + bm25(${articlesFts}, 0.0, 0.0, 1.0))`

/**
 * Relevance when a word is common, on the same weights: all the words in the title count 10, in
 * the summary 4, elsewhere 1. For a word in most stories bm25's rarity factor is nearly zero
 * anyway, so little is lost; each check is one more walk of the same bounded window.
 */
function columnScore(match: string, cutoff: SQL) {
  const inColumn = (column: 'title' | 'summary') =>
    sql`(${articlesFts.rowid} in (select rowid from ${articlesFts} where ${ftsMatch(`{${column}} : (${match})`)} and rowid > ${cutoff}))`
  return sql`-(1.0 + 10.0 * ${inColumn('title')} + 4.0 * ${inColumn('summary')})`
}

/** True when no phrase is in COMMON_WORD_STORIES stories or more; each check stops there. */
function allSelective(phrases: string[]) {
  const checks = phrases.map(
    (phrase) =>
      sql`(select count(*) from (select 1 from ${articlesFts} where ${ftsMatch(phrase)} limit ${COMMON_WORD_STORIES})) < ${COMMON_WORD_STORIES}`,
  )
  return sql.join(checks, sql` and `)
}

/**
 * One page of a submitted search, with `total` (the candidates) and `capped` (older matches
 * exist) on every row. The candidates are the SEARCH_CANDIDATES newest matches by rowid (see
 * windowBounds), plus the article whose slug is the query's however old, which comes first. Only
 * the page's ten rows get highlights and a snippet: SQLite computes a row's columns before
 * sorting, and a snippet re-reads the whole body.
 */
export function rankedHitsQuery(
  db: Db,
  terms: SearchTerms,
  page: number,
  now: Date,
  language?: string,
) {
  const match = joinPhrases(terms.phrases)
  const cutoff = sql`(select cutoff from bounds)`
  // CASE evaluates one branch only, so a common word never reaches bm25 and its full walk.
  const score = sql`(case when ${allSelective(terms.phrases)} then ${bm25Score} else ${columnScore(match, cutoff)} end) * ${freshness(articles, now)}`
  const { titleSlug } = terms
  const exact = titleSlug ? sql`(${articles.slug} = ${titleSlug})` : sql`0`
  const visible = publicInEdition(language)
  const matching = sql`from ${articlesFts} cross join ${articles} where ${ftsMatch(match)} and ${articles.id} = ${articlesFts.rowid} and ${visible}`
  const window = sql`select ${articlesFts.rowid} as id, ${articles.publishedAt} as published_at, ${exact} as exact, ${score} as score ${matching} and ${articlesFts.rowid} > ${cutoff}`
  const older = titleSlug
    ? // Found by its slug first: FTS5 given a rowid that turns out NULL would walk every match.
      sql` union all select ${articles.id}, ${articles.publishedAt}, 1, 0.0 from ${articles} cross join ${articlesFts} where ${articles.slug} = ${titleSlug} and ${visible} and ${articles.id} <= ${cutoff} and ${articlesFts.rowid} = ${articles.id} and ${ftsMatch(match)}`
    : sql``
  const pageRows = sql`(with ${windowBounds(match)} select id, published_at, exact, score, count(*) over () as total, (select capped from bounds) as capped from (${window}${older}) order by exact desc, score, published_at desc, id desc limit ${SEARCH_PAGE_SIZE} offset ${offsetOf(page)}) as page`
  return (
    db
      .select({
        ...articleSummaryColumns,
        titleMarked,
        summaryMarked,
        bodySnippet: sql<string>`snippet(${articlesFts}, 2, ${MARK_START}, ${MARK_END}, '…', 32)`,
        total: sql<number>`page.total`,
        capped: sql<number>`page.capped`,
      })
      .from(pageRows)
      // CROSS JOIN keeps this order: each page row finds its FTS5 row by rowid.
      .crossJoin(articlesFts)
      .crossJoin(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(
        and(ftsMatch(match), sql`${articlesFts.rowid} = page.id`, sql`${articles.id} = page.id`),
      )
      .orderBy(sql`page.exact desc, page.score, page.published_at desc, page.id desc`)
  )
}

/**
 * `bounds(cutoff, capped)`: the candidates are the matches above rowid `cutoff`. FTS5 walks
 * forward cheaply, skipping through a rare word's postings, so counting to SEARCH_CANDIDATES + 1
 * costs little either way. Only past that does it walk backwards for the newest, where it cannot
 * skip: a dense match ends the walk early, but a sparse one with a common word in it reads that
 * word's postings back to the edge. Drafts count towards the window, so that finding its edge
 * reads no article rows.
 */
function windowBounds(match: string) {
  const counted = sql`(select count(*) from (select 1 from ${articlesFts} where ${ftsMatch(match)} limit ${SEARCH_CANDIDATES + 1}))`
  const edge = sql`(select rowid from ${articlesFts} where ${ftsMatch(match)} order by rowid desc limit 1 offset ${SEARCH_CANDIDATES})`
  return sql`bounds(cutoff, capped) as materialized (select case when n > ${SEARCH_CANDIDATES} then ${edge} else 0 end, n > ${SEARCH_CANDIDATES} from (select ${counted} as n))`
}

/**
 * One page of results as you type: the TYPING_CANDIDATES + 1 newest matches in a single FTS5
 * cursor, since a prefix is expanded again by every cursor that reads it, ranked by the column
 * weights read off their highlights. No body snippet: the summary stands in for it.
 */
export function typingHitsQuery(
  db: Db,
  terms: SearchTerms,
  page: number,
  now: Date,
  language?: string,
) {
  const { categorySlug, categoryName, ...columns } = articleSummaryColumns
  const newest = db
    .select({
      ...columns,
      categoryId: articles.categoryId,
      titleMarked: titleMarked.as('title_marked'),
      summaryMarked: summaryMarked.as('summary_marked'),
    })
    .from(articlesFts)
    .crossJoin(articles)
    .where(
      and(
        ftsMatch(joinPhrases(terms.phrases)),
        eq(articles.id, articlesFts.rowid),
        publicInEdition(language),
      ),
    )
    .orderBy(desc(articlesFts.rowid))
    .limit(TYPING_CANDIDATES + 1)
    .as('newest')
  const marked = (column: SQL.Aliased<string>) => sql`(instr(${column}, ${MARK_START}) > 0)`
  const score = sql`-(1.0 + 10.0 * ${marked(newest.titleMarked)} + 4.0 * ${marked(newest.summaryMarked)}) * ${freshness(newest, now)}`
  return db
    .select({
      id: newest.id,
      slug: newest.slug,
      title: newest.title,
      summary: newest.summary,
      publishedAt: newest.publishedAt,
      updatedAt: newest.updatedAt,
      imageUrl: newest.imageUrl,
      imageAlt: newest.imageAlt,
      imageWidth: newest.imageWidth,
      imageHeight: newest.imageHeight,
      categorySlug,
      categoryName,
      titleMarked: newest.titleMarked,
      summaryMarked: newest.summaryMarked,
      bodySnippet: sql<string>`''`,
      total: sql<number>`count(*) over ()`,
      capped: sql<number>`0`,
    })
    .from(newest)
    .innerJoin(categories, eq(categories.id, newest.categoryId))
    .orderBy(score, desc(newest.publishedAt), desc(newest.id))
    .limit(SEARCH_PAGE_SIZE)
    .offset(offsetOf(page))
}

/**
 * Published articles of one edition, or of every language when `language` is undefined. The
 * candidate window (windowBounds) still counts every edition's matches: a word is rarely shared
 * across scripts, and counting without reading article rows is what keeps the window cheap.
 */
function publicInEdition(language: string | undefined): SQL {
  return language === undefined ? isPublic : (and(isPublic, eq(articles.language, language)) as SQL)
}

function offsetOf(page: number): number {
  return (Math.max(1, Math.trunc(page)) - 1) * SEARCH_PAGE_SIZE
}
