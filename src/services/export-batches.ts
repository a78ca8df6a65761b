// Keyset pagination for the export: a table is read page after page, never all at once.
import type { Db } from '../db/client'
import { listArticlesAfter } from '../db/queries/export-articles'
import { type KeysetTable, listRowsAfter } from '../db/queries/export-keyset'
import { listPagesAfter } from '../db/queries/export-tables'

/** Rows per round trip: big enough that a large archive needs few, small enough to stay bounded. */
const EXPORT_BATCH = 200
/** Articles carry their revisions and comments, so they come in smaller pages. */
const EXPORT_ARTICLE_BATCH = 50

/** Reads a table page after page: `read` takes the last row's cursor and returns the next rows. */
async function* readInBatches<Row, Cursor>(
  read: (after: Cursor, limit: number) => Promise<Row[]>,
  start: Cursor,
  cursorOf: (row: Row) => Cursor,
  limit = EXPORT_BATCH,
): AsyncGenerator<Row[]> {
  let after = start
  for (;;) {
    const rows = await read(after, limit)
    if (rows.length > 0) yield rows
    const last = rows[rows.length - 1]
    if (rows.length < limit || last === undefined) return
    after = cursorOf(last)
  }
}

/** Every row of `table` in key order, a page at a time: each page starts after the last row. */
export function readTable<Row>(db: Db, table: KeysetTable<Row>): AsyncGenerator<Row[]> {
  return readInBatches(
    (after: Row | undefined, limit) => listRowsAfter(db, table, after, limit),
    undefined,
    (row) => row,
  )
}

/** Every article with what hangs off it, in id order, a small page at a time. */
export function readArticles(db: Db) {
  return readInBatches(
    (after: number, limit) => listArticlesAfter(db, after, limit),
    0,
    (row) => row.article.id,
    EXPORT_ARTICLE_BATCH,
  )
}

/** Every static page with its revisions, in id order, a small page at a time. */
export function readPages(db: Db) {
  return readInBatches(
    (after: number, limit) => listPagesAfter(db, after, limit),
    0,
    (row) => row.id,
    EXPORT_ARTICLE_BATCH,
  )
}

export async function* mapBatches<Row, Out>(
  batches: AsyncGenerator<Row[]>,
  map: (row: Row) => Out,
): AsyncGenerator<Out[]> {
  for await (const rows of batches) yield rows.map(map)
}
