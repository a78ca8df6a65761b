// A read batch whose SQL drizzle builds once per isolate: later requests only fill in their values.
import type { InValue } from '@libsql/client'
import { fillPlaceholders, type Placeholder, sql } from 'drizzle-orm'
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch'
import type { SQLitePreparedQuery } from 'drizzle-orm/sqlite-core'
import type { Db } from './client'
import { readBatchOf } from './connect'

/** A query drizzle can prepare: any select, with `sql.placeholder` where request values go. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's own batch item type is RunnableQuery<any>
type Preparable = BatchItem<'sqlite'> & { prepare(): SQLitePreparedQuery<any> }
// biome-ignore lint/suspicious/noExplicitAny: as above
type PreparedQuery = SQLitePreparedQuery<any>

/** A named value each request fills in (`sql.placeholder`, typed for the caller). */
export function slot<T>(name: string): Placeholder<string, T> {
  return sql.placeholder(name) as Placeholder<string, T>
}

/**
 * Builds `queries` on the first call and keeps drizzle's prepared form: its SQL text and its row
 * mapping. Building a page's batch (column lists, joins, escaping) was a third of an uncached
 * render's CPU in the profile, and it is the same text for every request. Each call then sends the
 * one batch, one round trip as `db.batch` does, with `values` bound to the placeholders.
 *
 * The queries are built over the first request's `db`, but only their text and mapping are kept:
 * every call runs on its own `db`'s client.
 */
export function prepareBatch<T extends readonly [Preparable, ...Preparable[]]>(
  queries: (db: Db) => T,
) {
  let prepared: PreparedQuery[] | undefined
  return async (db: Db, values: Record<string, unknown>): Promise<BatchResponse<T>> => {
    prepared ??= queries(db).map((query) => query.prepare())
    const ready = prepared
    const statements = ready.map((query) => {
      const { sql: text, params } = query.getQuery()
      return { sql: text, args: fillPlaceholders(params, values) as InValue[] }
    })
    const read = readBatchOf(db)
    // The client's rows are array-like objects, which is all drizzle's batch mapping reads.
    const results = read ? await read(statements) : await db.$client.batch(statements)
    return results.map((result, i) => ready[i]?.mapResult(result, true)) as BatchResponse<T>
  }
}
