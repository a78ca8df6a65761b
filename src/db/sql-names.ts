// Table and column names as drizzle writes them, for the few statements built as plain SQL.
import { type Column, getTableName, type Table } from 'drizzle-orm'
import { CasingCache } from 'drizzle-orm/casing'
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core'
import { DB_CASING } from './client'

// The casing createDb gives drizzle (client.ts, and drizzle.config.ts for migrations): a column
// declared without a name is its key in snake_case, so `.name` alone would say `bodyMd`.
const casing = new CasingCache(DB_CASING)
// Only for its quoting, so these names are quoted exactly as drizzle's own queries quote them.
const dialect = new SQLiteAsyncDialect()

/** A column's name in the database, unquoted: `articles.bodyMd` is `body_md`. */
export function getColumnName(column: Column): string {
  return casing.getColumnCasing(column)
}

/** A name quoted for SQLite as drizzle quotes it: `"body_md"`. */
export function quoteName(name: string): string {
  return dialect.escapeName(name)
}

/** A table's quoted name: `"articles"`. */
export function quoteTable(table: Table): string {
  return quoteName(getTableName(table))
}

/** A column's quoted name, `"body_md"`, or with its table, `"articles"."body_md"`. */
export function quoteColumn(column: Column, withTable = false): string {
  const name = quoteName(getColumnName(column))
  return withTable ? `${quoteTable(column.table)}.${name}` : name
}

/** `insert into "table" ("a", "b", …)`: the columns in the order each row's tuple gives them. */
export function buildInsertHead(table: Table, columns: Column[]): string {
  return `insert into ${quoteTable(table)} (${columns.map((column) => quoteColumn(column)).join(', ')})`
}

/** `(select "t"."id" from "t" where "t"."key" = ?)`: a row's id by a unique key, bound as `?`. */
export function buildSelectIdBy(id: Column, key: Column): string {
  const table = quoteTable(id.table)
  return `(select ${quoteColumn(id, true)} from ${table} where ${quoteColumn(key, true)} = ?)`
}

/** ` on conflict ("t"."a", …) do update set "b" = excluded.b, …`: an upsert's tail. */
export function buildUpsertTail(target: Column[], set: Column[]): string {
  const targets = target.map((column) => quoteColumn(column, true)).join(', ')
  const sets = set.map((column) => `${quoteColumn(column)} = excluded.${getColumnName(column)}`)
  return ` on conflict (${targets}) do update set ${sets.join(', ')}`
}
