// Opens the Worker's database: @libsql/client/http (no WebSocket client in the bundle), with a time bound on every round trip.
import { createClient } from '@libsql/client/http'
import { BoundedMap } from '../lib/bounded-map'
import { AppError } from '../lib/errors'
import { createDb, type Db } from './client'
import { createReadBatch, type ReadBatch } from './hrana-read'

export interface DbConnection {
  url: string
  authToken: string | undefined
  timeoutMs: number
}

/** Where a connected Db keeps its direct reader (hrana-read.ts), beside drizzle's own fields. */
const READ_BATCH = Symbol('read batch')

/**
 * A client per request holds no socket, and protocol v2 needs no version probe, so the first query
 * is the first round trip.
 */
export function connectDb(connection: DbConnection): Db {
  const { url, authToken, timeoutMs } = connection
  const db = createDb(createClient({ url, authToken, fetch: boundedFetch(timeoutMs) }))
  return Object.assign(db, { [READ_BATCH]: readBatchFor(connection) })
}

/**
 * The direct reader for the pages' prepared read batches, which skips the libSQL client's stream
 * machinery; undefined for a Db not made here (a file database in Node), which reads through drizzle.
 */
export function readBatchOf(db: Db): ReadBatch | undefined {
  return (db as Db & { [READ_BATCH]?: ReadBatch })[READ_BATCH]
}

/**
 * Readers by connection, for the isolate's life: one holds no I/O of its own (each call fetches in
 * its caller's request), and building one parses the URL. A site has one database, so few are kept.
 */
const readBatches = new BoundedMap<string, ReadBatch>(10)

function readBatchFor({ url, authToken, timeoutMs }: DbConnection): ReadBatch {
  return readBatches.remember(`${timeoutMs} ${url} ${authToken ?? ''}`, () =>
    createReadBatch({ url, authToken }, boundedFetch(timeoutMs)),
  )
}

/**
 * The request's database, connected on first use. Cache hits never query, and building the client
 * and drizzle's wrapper was about a tenth of a hit's CPU in a profile of workerd; a client shared
 * by the isolate's requests would avoid it too, but libSQL's concurrency queue would then start one
 * request's query from another's continuation, tying it to a request that may already be over.
 */
export function connectDbOnUse(connection: DbConnection): Db {
  let db: Db | undefined
  const open = () => {
    db ??= connectDb(connection)
    return db
  }
  // Methods are bound to the real database: drizzle's objects keep private state of their own. The
  // reader needs no client, so a page whose only query is its prepared batch never builds one.
  return new Proxy({} as Db, {
    get(_, property) {
      if (property === READ_BATCH) return readBatchFor(connection)
      const real = open()
      const value = Reflect.get(real, property, real)
      return typeof value === 'function' ? value.bind(real) : value
    },
    has: (_, property) => property in open(),
  })
}

/** Turns a hung or unreachable database into UNAVAILABLE instead of a request that never ends. */
function boundedFetch(timeoutMs: number) {
  return async (request: Request): Promise<Response> => {
    try {
      return await fetch(request, { signal: AbortSignal.timeout(timeoutMs) })
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
      throw new AppError(
        'UNAVAILABLE',
        timedOut ? 'The database took too long to answer' : 'The database cannot be reached',
        30,
      )
    }
  }
}

const UNAVAILABLE_CODES = new Set(['SERVER_ERROR', 'HRANA_CLOSED_ERROR', 'STREAM_EXPIRED'])

/**
 * True for failures of the database service itself, as opposed to a bad query. drizzle wraps
 * driver errors (DrizzleQueryError), so the whole `cause` chain is inspected.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof AppError) return current.code === 'UNAVAILABLE'
    const { code, cause } = current as { code?: unknown; cause?: unknown }
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true
    current = cause
  }
  return false
}
