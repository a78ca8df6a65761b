// Builds the drizzle database over any libSQL client: web (HTTP) in the Worker, file or HTTP in Node.
import type { Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql/web'
import * as schema from './schema'

export type Db = ReturnType<typeof createDb>

/** Wraps a libSQL client; the caller owns the client and its lifetime. */
export function createDb(client: Client) {
  return drizzle(client, { schema, casing: 'snake_case' })
}
