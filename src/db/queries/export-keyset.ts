// Reads any table in the order of its key, one bounded page after the last row seen (a keyset page).
import { and, asc, eq, getTableColumns, gt, or, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client'

/** A table read in the order of `keys` (its primary key), carrying only `columns` when given. */
export interface KeysetTable<Row> {
  table: SQLiteTable
  keys: readonly (keyof Row & string)[]
  columns?: readonly (keyof Row & string)[]
}

type Fields<T extends SQLiteTable> = keyof T['$inferSelect'] & string

/** Every column of `table`, in key order. */
export function keysetTable<T extends SQLiteTable>(
  table: T,
  keys: readonly Fields<T>[],
): KeysetTable<T['$inferSelect']>
/** Only `columns` of `table` (an allowlist, in the order they are written), in key order. */
export function keysetTable<T extends SQLiteTable, C extends Fields<T>>(
  table: T,
  keys: readonly C[],
  columns: readonly C[],
): KeysetTable<Pick<T['$inferSelect'], C>>
export function keysetTable(
  table: SQLiteTable,
  keys: readonly string[],
  columns?: readonly string[],
): KeysetTable<Record<string, unknown>> {
  return { table, keys, columns }
}

/** `(k1, k2, …) > (v1, v2, …)`, spelled as ORs of equal prefixes so the key's index serves it. */
function keysAfter(keys: SQLiteColumn[], values: unknown[]): SQL | undefined {
  return or(
    ...keys.map((key, i) =>
      and(...keys.slice(0, i).map((prefix, j) => eq(prefix, values[j])), gt(key, values[i])),
    ),
  )
}

/** Up to `limit` rows after the row `after` (from the start when undefined), in key order. */
export async function listRowsAfter<Row>(
  db: Db,
  { table, keys, columns }: KeysetTable<Row>,
  after: Row | undefined,
  limit: number,
): Promise<Row[]> {
  const all = getTableColumns(table) as Record<string, SQLiteColumn>
  const order = keys.map((key) => all[key] as SQLiteColumn)
  const fields = columns ? Object.fromEntries(columns.map((name) => [name, all[name]])) : all
  const cursor = after as Record<string, unknown> | undefined
  const rows = await db
    .select(fields as Record<string, SQLiteColumn>)
    .from(table)
    .where(
      cursor &&
        keysAfter(
          order,
          keys.map((key) => cursor[key]),
        ),
    )
    .orderBy(...order.map((column) => asc(column)))
    .limit(limit)
  return rows as Row[]
}
