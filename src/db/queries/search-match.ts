// The FTS5 table, the query terms and how they become one MATCH expression, shared by the statements.
import { sql } from 'drizzle-orm'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The FTS5 table from migrations/0001_search_fts.sql (rebuilt by 0013), declared here rather than in schema.ts so
 * drizzle-kit never tries to create it as an ordinary table.
 */
export const articlesFts = sqliteTable('articles_fts', {
  rowid: integer().notNull(),
  title: text(),
  summary: text(),
  bodyMd: text(),
})

// Private-use characters cannot be typed by accident and are not HTML, so nothing in an article
// can be mistaken for a marker and no markup ever has to be trusted.
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

/** A query as services/search-query.ts builds it. */
export interface SearchTerms {
  /**
   * FTS5 phrases, each one quoted word or an OR group of an Arabic word's forms; with `prefix`,
   * the last is a quoted word ending in `*`.
   */
  phrases: string[]
  /** The last word is still being typed and matches as a prefix. */
  prefix: boolean
  /** The slug an article titled exactly like the query would have; that article comes first. */
  titleSlug: string | null
}

export const ftsMatch = (expression: string) => sql`${articlesFts} match ${expression}`

/**
 * The phrases ANDed into one FTS5 expression. FTS5 ANDs phrases written side by side, but not a
 * bracketed group, which needs the explicit operator: so a plain query keeps its plain form.
 */
export function joinPhrases(phrases: readonly string[]): string {
  return phrases
    .map((phrase, i) => {
      if (i === 0) return phrase
      const grouped = phrase.startsWith('(') || phrases[i - 1]?.startsWith('(')
      return `${grouped ? ' AND ' : ' '}${phrase}`
    })
    .join('')
}
