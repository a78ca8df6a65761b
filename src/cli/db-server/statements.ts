// What db-server works out around libsql's API: parameter layouts, safe binding, lock waits, errors
import { setTimeout as sleep } from 'node:timers/promises'
import type Database from 'libsql'
import { type ErrorJson, type SqlValue, type Stmt, StmtError } from './protocol'

/** Whitespace and comments before a statement's first keyword, which SQLite skips too. */
const LEAD = String.raw`^(?:\s|--[^\n]*(?:\n|$)|/\*[\s\S]*?(?:\*/|$))*`

export const EXPLAIN = new RegExp(`${LEAD}explain\\b`, 'i')
const EXPLAIN_PREFIX = new RegExp(`${LEAD}explain(?:\\s+query\\s+plan)?\\b`, 'i')

/** How long a statement waits for another stream's write lock before it fails with SQLITE_BUSY. */
const BUSY_WAIT_MS = 5000

/** What libsql cannot tell about a statement: its parameter names and whether it writes. */
export interface Layout {
  names: (string | null)[]
  readonly: boolean
}

interface ExplainOp {
  opcode: string
  p1: bigint
  p2: bigint
  p4: unknown
}

/**
 * Reads the parameters from the statement's bytecode. libsql exposes no parameter count, and
 * binding more positional values than a statement has parameters aborts the whole process.
 */
export function analyze(db: Database.Database, sql: string): Layout {
  const explain = db.prepare(`EXPLAIN ${sql.replace(EXPLAIN_PREFIX, '')}`)
  const layout: Layout = { names: [], readonly: true }
  for (const op of readAll(explain, [], true) as ExplainOp[]) {
    if (op.opcode === 'Variable') {
      const index = Number(op.p1)
      while (layout.names.length < index) layout.names.push(null)
      if (typeof op.p4 === 'string') layout.names[index - 1] = op.p4
    } else if (op.opcode === 'OpenWrite' || (op.opcode === 'Transaction' && op.p2 !== 0n)) {
      layout.readonly = false
    }
  }
  return layout
}

/**
 * All rows of a statement. An EXPLAIN read to its end is still not halted, and while an unhalted
 * program that would write is around, SQLite holds back every autocommit COMMIT on the connection:
 * later writes would silently stay uncommitted. get() resets the statement once it has read a row.
 */
export function readAll(stmt: Database.Statement, args: SqlValue[], isExplain: boolean): unknown[] {
  const rows = stmt.all(args)
  if (isExplain) stmt.get(args)
  return rows
}

/** Positional values for every parameter, the way sqld binds: missing ones are NULL. */
export function bindArgs(stmt: Stmt, layout: Layout): SqlValue[] {
  if (stmt.args.length && stmt.namedArgs.length) {
    throw new StmtError(
      'Specifying both positional and named arguments is not supported',
      'ARGS_BOTH_POSITIONAL_AND_NAMED',
    )
  }
  const count = layout.names.length
  if (stmt.args.length > count) {
    throw new StmtError(
      `Arguments do not match SQL parameters: ${stmt.args.length} given, ${count} expected`,
      'ARGS_INVALID',
    )
  }
  // Every parameter gets a value: a kept statement still holds the values of its last run.
  if (stmt.args.length) return [...stmt.args, ...Array(count - stmt.args.length).fill(null)]
  const named = new Map(stmt.namedArgs)
  return layout.names.map((name) => {
    if (name === null || name.startsWith('?')) return null
    // Clients may send the name with its sigil (':id') or without it ('id').
    return named.get(name) ?? named.get(name.slice(1)) ?? null
  })
}

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}

/** Any SQLITE_BUSY. The plain and recovery kinds can end by waiting; a stale snapshot cannot. */
export function busyKind(error: unknown): 'wait' | 'final' | undefined {
  const code = sqliteCode(error)
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_RECOVERY') return 'wait'
  return code?.startsWith('SQLITE_BUSY') ? 'final' : undefined
}

/** Retries `attempt` while another stream holds the write lock, asynchronously, for BUSY_WAIT_MS */
export async function waitForLock<T>(attempt: () => T, signal: AbortSignal): Promise<T> {
  const deadline = Date.now() + BUSY_WAIT_MS
  for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
    try {
      return attempt()
    } catch (error) {
      if (busyKind(error) !== 'wait' || Date.now() + pause > deadline || signal.aborted) throw error
    }
    await sleep(pause, undefined, { signal })
  }
}

/** The error a Hrana client sees, worded and coded the way sqld does it (primary codes only). */
export function toErrorJson(error: unknown): ErrorJson {
  if (error instanceof StmtError) return { message: error.message, code: error.code }
  const message = error instanceof Error ? error.message : String(error)
  const code = sqliteCode(error)
  if (code === undefined) return { message, code: 'INTERNAL' }
  if (code === 'SQLITE_OK') {
    return { message: 'SQL string does not contain any statement', code: 'SQL_NO_STATEMENT' }
  }
  const primary = code.split('_').slice(0, 2).join('_')
  const generic = [
    'SQLITE_ERROR',
    'SQLITE_EMPTY',
    'SQLITE_FORMAT',
    'SQLITE_NOTICE',
    'SQLITE_WARNING',
  ]
  return {
    message: `SQLite error: ${message}`,
    code: generic.includes(primary) ? 'SQLITE_UNKNOWN' : primary,
  }
}
