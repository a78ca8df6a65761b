// Opens the Worker's database: @libsql/client/http (no WebSocket client in the bundle), with a time bound on every round trip.
import { createClient } from '@libsql/client/http'
import { AppError } from '../lib/errors'
import { createDb, type Db } from './client'

export interface DbConnection {
  url: string
  authToken: string | undefined
  timeoutMs: number
}

/**
 * A client per request is cheap: the web client holds no socket, and protocol v2 needs no version
 * probe, so the first query is the first round trip.
 */
export function connectDb({ url, authToken, timeoutMs }: DbConnection): Db {
  return createDb(createClient({ url, authToken, fetch: boundedFetch(timeoutMs) }))
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
