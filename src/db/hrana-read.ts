// A page's read batch as one Hrana pipeline request, without the libSQL client's stream machinery.
import type { InValue } from '@libsql/client'
import { LibsqlError } from '@libsql/core/api'
import { expandConfig } from '@libsql/core/config'
import { encodeBaseUrl } from '@libsql/core/uri'
import { fromBase64, toBase64 } from '../lib/encoding'

/** A statement with positional arguments, as prepareBatch builds them. */
export interface ReadStatement {
  sql: string
  args: InValue[]
}

/** What drizzle's batch mapping reads of a statement's result: rows as arrays, in column order. */
export interface ReadResult {
  rows: unknown[][]
}

export type ReadBatch = (statements: readonly ReadStatement[]) => Promise<ReadResult[]>

/** A value on Hrana's JSON wire, both ways (db-server's protocol uses this type too). */
export type ValueJson =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string }

interface ProtoError {
  message: string
  code?: string | null
}

/**
 * Arguments as @libsql/client sends them (hrana-client's valueToProto): a JS number goes as a float,
 * a boolean as 0 or 1, a Date as its milliseconds, so a query binds the same values either way.
 */
function valueToProto(value: InValue): ValueJson {
  if (value === null) return { type: 'null' }
  if (typeof value === 'string') return { type: 'text', value }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new RangeError('Only finite numbers can be passed as arguments')
    }
    return { type: 'float', value }
  }
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() }
  if (typeof value === 'boolean') return { type: 'integer', value: value ? '1' : '0' }
  if (value instanceof Date) return { type: 'float', value: value.valueOf() }
  if (value instanceof ArrayBuffer) return { type: 'blob', base64: toBase64(new Uint8Array(value)) }
  if (value instanceof Uint8Array) return { type: 'blob', base64: toBase64(value) }
  // As the client: a missing value (a placeholder left unfilled) is an error, not a NULL.
  throw new TypeError('Unsupported type of value')
}

/** Values as the client's default intMode ("number") gives them: an unsafe integer is an error. */
function valueFromProto(value: ValueJson): unknown {
  switch (value.type) {
    case 'null':
      return null
    case 'integer': {
      const number = Number(value.value)
      if (!Number.isSafeInteger(number)) {
        throw new RangeError(
          'Received an integer too large to be represented as a JavaScript number',
        )
      }
      return number
    }
    case 'blob':
      return fromBase64(value.base64).buffer
    default:
      return value.value
  }
}

function failure(error: ProtoError | null | undefined, fallback: string): LibsqlError {
  return new LibsqlError(error?.message ?? fallback, error?.code ?? 'UNKNOWN')
}

/**
 * A reader for the database at `config`'s URL, with its token, fetching through `fetchRequest`.
 * For one read batch the libSQL client builds a stream, an SQL cache (a `store_sql` per statement,
 * for a stream used once), its own JSON writer and a row object per row with a property defined
 * per column: 11% of an uncached render's samples in workerd (`npm run bench:profile -- --edge`).
 * Errors are the client's kind: LibsqlError with the server's code, SERVER_ERROR for an HTTP failure.
 */
export function createReadBatch(
  config: { url: string; authToken?: string },
  fetchRequest: (request: Request) => Promise<Response>,
): ReadBatch {
  const expanded = expandConfig(config, true)
  if (expanded.scheme !== 'http' && expanded.scheme !== 'https') {
    throw new LibsqlError(
      `The direct reader supports only libsql:, https: and http: URLs, not ${expanded.scheme}:`,
      'URL_SCHEME_NOT_SUPPORTED',
    )
  }
  // Resolved as the client resolves it, so a URL with a path reaches the same endpoint.
  const endpoint = new URL(
    'v2/pipeline',
    encodeBaseUrl(expanded.scheme, expanded.authority, expanded.path),
  )
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (expanded.authToken) headers.authorization = `Bearer ${expanded.authToken}`
  return async (statements) => {
    const steps = statements.map(({ sql, args }) => ({
      stmt: { sql, args: args.map(valueToProto), want_rows: true },
    }))
    const body = JSON.stringify({
      baton: null,
      requests: [{ type: 'batch', batch: { steps } }, { type: 'close' }],
    })
    const response = await fetchRequest(new Request(endpoint, { method: 'POST', headers, body }))
    if (!response.ok) {
      const text = await response.text()
      throw new LibsqlError(
        `Server returned HTTP status ${response.status}: ${text}`,
        'SERVER_ERROR',
      )
    }
    const [result] = ((await response.json()) as { results: PipelineResult[] }).results
    if (result?.type !== 'ok') throw failure(result?.error, 'The batch failed')
    const { step_results: results, step_errors: errors } = result.response.result
    return statements.map((_, i) => {
      const stepResult = results[i]
      if (!stepResult) throw failure(errors[i], `Statement ${i + 1} of the batch failed`)
      return { rows: stepResult.rows.map((row) => row.map(valueFromProto)) }
    })
  }
}

type PipelineResult =
  | {
      type: 'ok'
      response: {
        result: {
          step_results: ({ rows: ValueJson[][] } | null)[]
          step_errors: (ProtoError | null)[]
        }
      }
      error?: undefined
    }
  | { type: 'error'; error: ProtoError }
