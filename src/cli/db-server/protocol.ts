// Hrana's JSON wire format for db-server: the shapes it reads and writes, and value encoding.
import type { ValueJson } from '../../db/hrana-read'

/** A value as libsql binds it; integers are bigints so 64-bit ids survive exactly. */
export type SqlValue = null | bigint | number | string | Uint8Array

export type { ValueJson }

export interface ErrorJson {
  message: string
  code: string
}

export interface StmtResultJson {
  cols: { name: string | null; decltype: string | null }[]
  rows: ValueJson[][]
  affected_row_count: number
  last_insert_rowid: string
}

export interface SqlRef {
  sql?: string
  sqlId?: number
}

export interface Stmt extends SqlRef {
  args: SqlValue[]
  namedArgs: [string, SqlValue][]
  wantRows: boolean
}

export type BatchCond =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: BatchCond }
  | { type: 'and' | 'or'; conds: BatchCond[] }
  | { type: 'is_autocommit' }

export interface BatchStep {
  condition?: BatchCond
  stmt: Stmt
}

export type StreamRequest =
  | { type: 'close' | 'get_autocommit' }
  | { type: 'execute'; stmt: Stmt }
  | { type: 'batch'; steps: BatchStep[] }
  | ({ type: 'sequence' | 'describe' } & SqlRef)
  | { type: 'store_sql'; sqlId: number; sql: string }
  | { type: 'close_sql'; sqlId: number }

/** A body the server cannot understand; answered with HTTP 400 before any SQL runs. */
export class ProtocolError extends Error {}

/** The failure of one request in a pipeline, reported in that request's result slot. */
export class StmtError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

/** Encodes what libsql returns; with safe integers on, every SQLite INTEGER arrives as a bigint. */
export function encodeValue(value: unknown): ValueJson {
  if (value === null || value === undefined) return { type: 'null' }
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() }
  if (typeof value === 'number') return { type: 'float', value }
  if (typeof value === 'string') return { type: 'text', value }
  if (value instanceof ArrayBuffer) return { type: 'blob', base64: base64(new Uint8Array(value)) }
  if (ArrayBuffer.isView(value)) {
    return {
      type: 'blob',
      base64: base64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)),
    }
  }
  throw new TypeError(`libsql returned a value db-server cannot encode: ${typeof value}`)
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}
