// Builds the drizzle database over any libSQL client: web (HTTP) in the Worker, file or HTTP in Node.
import type { Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql/http'

export type Db = ReturnType<typeof createDb>

/** How column keys become database names; the import's plain SQL names columns the same way. */
export const DB_CASING = 'snake_case'

/**
 * Wraps a libSQL client; the caller owns the client and its lifetime. No `schema`: it only serves
 * drizzle's relational `db.query` API, which nothing here uses, and drizzle rebuilds its relations
 * from every table on each call, which cost every request (cache hits too) about 0.2 ms of CPU.
 */
export function createDb(client: Client) {
  return drizzle(client, { casing: DB_CASING })
}
