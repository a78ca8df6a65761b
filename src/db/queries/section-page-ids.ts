// The ids on one page of a section, read from the nearer end of an index and never sorted.
import { type Column, type Placeholder, type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'

export interface PageIdsInput {
  /**
   * A table with an index on (owner, status, published_at, id): articles by category, or
   * article_tags by tag. OFFSET then steps over index entries only, never rows.
   */
  from: SQLiteTable
  id: Column
  publishedAt: Column
  status: Column
  owner: Column
  /** A select of one row and column, the section's id; a select builder brings its parentheses. */
  ownerId: SQLWrapper
  /** Likewise: how many published stories the section has, kept by triggers. */
  total: SQLWrapper
  /** Stories on the pages before this one ((page - 1) × size), or a placeholder for them. */
  page: { skipped: number | Placeholder<string, number>; size: number }
  /**
   * One edition's stories only: the language column, next after owner in the index, so the range
   * stays one (owner, language, status, published_at) seek; `total` must then be that edition's.
   */
  language?: { column: Column; code: string | Placeholder<string, string> }
}

/** How many stories the pages before page `number` (1-based) hold. */
export function skippedBefore(number: number, size: number): number {
  return (Math.max(1, Math.trunc(number)) - 1) * size
}

/**
 * A subquery of the article ids on the page after `page.skipped` stories, newest first by (published_at,
 * id). A page in the first half is read from the newest end with OFFSET; one in the second half
 * from the oldest end, so the last page costs one page of index entries, and the worst, the middle
 * page, half of the section's. Which half is decided by the stored count, inside SQL, so the page
 * is still one statement of one batch. The result is unordered; the caller sorts its few rows.
 */
export function pageIdsQuery(input: PageIdsInput): SQL {
  const { from, id, publishedAt, status, owner } = input
  const { skipped, size } = input.page
  // No such section: no rows, where a NULL limit would be an error.
  const total = sql`coalesce(${input.total}, 0)`
  const edition = input.language
    ? sql` and ${input.language.column} = ${input.language.code}`
    : sql``
  const rows = sql`from ${from} where ${owner} = ${input.ownerId}${edition} and ${status} = 'published'`
  // The half not chosen gets LIMIT 0, which SQLite checks before it opens the index. (A constant
  // WHERE term with a subquery in it is tested on every row, so it would not spare the scan.)
  const nearNewest = sql`2 * ${skipped} + ${size} <= ${total}`
  return sql`(
    select id from (select ${id} as id ${rows}
      order by ${publishedAt} desc, ${id} desc
      limit case when ${nearNewest} then ${size} else 0 end offset ${skipped})
    union all
    select id from (select ${id} as id ${rows}
      order by ${publishedAt} asc, ${id} asc
      limit case when ${nearNewest} then 0 else max(min(${size}, ${total} - ${skipped}), 0) end
      offset max(${total} - (${skipped} + ${size}), 0))
  )`
}
