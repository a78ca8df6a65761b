// Writes for restoring a Bulletin export: is the database empty, and rows put back table by table.
import { getTableColumns } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client'
import { articles, authors, categories, media, pages, tags, users } from '../schema'

/** The content tables that already hold rows (any one means the database is not empty). */
export async function findExistingContent(db: Db): Promise<string[]> {
  const one = (table: typeof articles | typeof categories | typeof tags | typeof users) =>
    db.select({ id: table.id }).from(table).limit(1)
  const results = await db.batch([
    one(articles),
    one(categories),
    one(tags),
    one(users),
    db.select({ id: authors.id }).from(authors).limit(1),
    db.select({ id: pages.id }).from(pages).limit(1),
    db.select({ id: media.id }).from(media).limit(1),
  ])
  const names = ['articles', 'sections', 'tags', 'users', 'authors', 'pages', 'media']
  return names.filter((_, i) => (results[i]?.length ?? 0) > 0)
}

export interface RestoreRows {
  table: SQLiteTable
  rows: Record<string, unknown>[]
}

/** Keeps each INSERT well under SQLite's bound-parameter limit, even for wide article rows. */
const ROWS_PER_STATEMENT = 100

/**
 * Inserts every group in one batch (one round trip, all or nothing), in the order given, so that
 * parents are written before the rows that name them.
 */
export async function insertRestoredRows(db: Db, groups: RestoreRows[]): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = []
  for (const { table, rows } of groups) {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      statements.push(db.insert(table).values(rows.slice(i, i + ROWS_PER_STATEMENT) as never))
    }
  }
  const [first, ...rest] = statements
  if (first) await db.batch([first, ...rest])
}

/**
 * An exported record as a row of `table`: only the table's own columns, ISO dates back to Date
 * for timestamp columns, and `omit` (counts that triggers keep) left for the database to fill.
 */
export function toTableRow(
  table: SQLiteTable,
  record: Record<string, unknown>,
  omit: readonly string[] = [],
): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!(key in record) || omit.includes(key)) continue
    const value = record[key]
    row[key] =
      column.columnType === 'SQLiteTimestamp' && typeof value === 'string' ? new Date(value) : value
  }
  return row
}
