// Decodes and validates Hrana JSON request bodies; anything malformed is a ProtocolError (400).
import {
  type BatchCond,
  type BatchStep,
  ProtocolError,
  type SqlRef,
  type SqlValue,
  type Stmt,
  type StreamRequest,
} from './protocol'

type Fields = Record<string, unknown>

export function decodePipeline(raw: unknown): { baton: string | null; requests: StreamRequest[] } {
  const body = object(raw, 'The pipeline body')
  return {
    baton: optionalString(body.baton, 'baton') ?? null,
    requests: list(body.requests, 'requests').map((request, i) =>
      decodeRequest(request, `requests[${i}]`),
    ),
  }
}

export function decodeCursor(raw: unknown): { baton: string | null; steps: BatchStep[] } {
  const body = object(raw, 'The cursor body')
  return {
    baton: optionalString(body.baton, 'baton') ?? null,
    steps: decodeBatch(body.batch, 'batch'),
  }
}

function decodeRequest(raw: unknown, where: string): StreamRequest {
  const request = object(raw, where)
  switch (request.type) {
    case 'close':
      return { type: 'close' }
    case 'get_autocommit':
      return { type: 'get_autocommit' }
    case 'execute':
      return { type: 'execute', stmt: decodeStmt(request.stmt, `${where}.stmt`) }
    case 'batch':
      return { type: 'batch', steps: decodeBatch(request.batch, `${where}.batch`) }
    case 'sequence':
      return { type: 'sequence', ...decodeSqlRef(request, where) }
    case 'describe':
      return { type: 'describe', ...decodeSqlRef(request, where) }
    case 'store_sql':
      return {
        type: 'store_sql',
        sqlId: integer(request.sql_id, `${where}.sql_id`),
        sql: string(request.sql, `${where}.sql`),
      }
    case 'close_sql':
      return { type: 'close_sql', sqlId: integer(request.sql_id, `${where}.sql_id`) }
    default:
      throw new ProtocolError(`Unknown request type ${JSON.stringify(request.type)} in ${where}`)
  }
}

function decodeSqlRef(fields: Fields, where: string): SqlRef {
  return {
    sql: optionalString(fields.sql, `${where}.sql`),
    sqlId: optionalInteger(fields.sql_id, `${where}.sql_id`),
  }
}

function decodeStmt(raw: unknown, where: string): Stmt {
  const stmt = object(raw, where)
  const wantRows = stmt.want_rows ?? true
  if (typeof wantRows !== 'boolean') throw new ProtocolError(`${where}.want_rows must be a boolean`)
  return {
    ...decodeSqlRef(stmt, where),
    args: list(stmt.args ?? [], `${where}.args`).map((arg, i) =>
      decodeValue(arg, `${where}.args[${i}]`),
    ),
    namedArgs: list(stmt.named_args ?? [], `${where}.named_args`).map((raw, i) => {
      const arg = object(raw, `${where}.named_args[${i}]`)
      return [
        string(arg.name, `${where}.named_args[${i}].name`),
        decodeValue(arg.value, `${where}.named_args[${i}].value`),
      ]
    }),
    wantRows,
  }
}

function decodeBatch(raw: unknown, where: string): BatchStep[] {
  return list(object(raw, where).steps, `${where}.steps`).map((raw, i) => {
    const step = object(raw, `${where}.steps[${i}]`)
    const stmt = decodeStmt(step.stmt, `${where}.steps[${i}].stmt`)
    if (step.condition === undefined || step.condition === null) return { stmt }
    return { stmt, condition: decodeCond(step.condition, `${where}.steps[${i}].condition`) }
  })
}

function decodeCond(raw: unknown, where: string): BatchCond {
  const cond = object(raw, where)
  switch (cond.type) {
    case 'ok':
    case 'error':
      return { type: cond.type, step: integer(cond.step, `${where}.step`) }
    case 'not':
      return { type: 'not', cond: decodeCond(cond.cond, `${where}.cond`) }
    case 'and':
    case 'or':
      return {
        type: cond.type,
        conds: list(cond.conds, `${where}.conds`).map((c, i) => decodeCond(c, `${where}[${i}]`)),
      }
    case 'is_autocommit':
      return { type: 'is_autocommit' }
    default:
      throw new ProtocolError(`Unknown condition type ${JSON.stringify(cond.type)} in ${where}`)
  }
}

const MIN_INT64 = -(2n ** 63n)
const MAX_INT64 = 2n ** 63n - 1n

function decodeValue(raw: unknown, where: string): SqlValue {
  const value = object(raw, where)
  switch (value.type) {
    case 'null':
      return null
    case 'integer': {
      const text = typeof value.value === 'number' ? String(value.value) : value.value
      if (typeof text !== 'string' || !/^-?\d+$/.test(text)) {
        throw new ProtocolError(`${where}.value must be an integer in a string`)
      }
      const int = BigInt(text)
      if (int < MIN_INT64 || int > MAX_INT64) throw new ProtocolError(`${where} is not 64-bit`)
      return int
    }
    case 'float':
      if (typeof value.value !== 'number')
        throw new ProtocolError(`${where}.value must be a number`)
      return value.value
    case 'text':
      return string(value.value, `${where}.value`)
    case 'blob':
      return Buffer.from(string(value.base64, `${where}.base64`), 'base64')
    default:
      throw new ProtocolError(`Unknown value type ${JSON.stringify(value.type)} in ${where}`)
  }
}

export function object(value: unknown, what: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(`${what} must be a JSON object`)
  }
  return value as Fields
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new ProtocolError(`${what} must be an array`)
  return value
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new ProtocolError(`${what} must be a string`)
  return value
}

function optionalString(value: unknown, what: string): string | undefined {
  return value === undefined || value === null ? undefined : string(value, what)
}

function integer(value: unknown, what: string): number {
  if (!Number.isSafeInteger(value)) throw new ProtocolError(`${what} must be an integer`)
  return value as number
}

function optionalInteger(value: unknown, what: string): number | undefined {
  return value === undefined || value === null ? undefined : integer(value, what)
}
