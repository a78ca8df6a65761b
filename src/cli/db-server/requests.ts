// Runs decoded Hrana requests on one stream: statements, batches with their conditions, stored SQL.
import type { SqlConnection } from './connection'
import {
  type BatchCond,
  type BatchStep,
  type ErrorJson,
  type SqlRef,
  StmtError,
  type StmtResultJson,
  type StreamRequest,
} from './protocol'
import { toErrorJson } from './statements'

/** One Hrana stream: a connection of its own plus the SQL texts stored on it with `store_sql`. */
export interface Stream {
  conn: SqlConnection
  sqls: Map<number, string>
}

/** A batch step that ran (ok or failed), or `undefined` when its condition was false. */
type StepOutcome =
  | { ok: true; result: StmtResultJson }
  | { ok: false; error: ErrorJson }
  | undefined

export type StreamResult = { type: 'ok'; response: object } | { type: 'error'; error: ErrorJson }

/** Never throws: a failure becomes this request's error result and the pipeline carries on. */
export async function runRequest(
  stream: Stream,
  request: StreamRequest,
  signal: AbortSignal,
): Promise<StreamResult> {
  try {
    return { type: 'ok', response: await respond(stream, request, signal) }
  } catch (error) {
    return { type: 'error', error: toErrorJson(error) }
  }
}

async function respond(stream: Stream, request: StreamRequest, signal: AbortSignal) {
  switch (request.type) {
    case 'execute': {
      const sql = sqlOf(stream, request.stmt)
      return { type: 'execute', result: await stream.conn.execute(sql, request.stmt, signal) }
    }
    case 'batch':
      return { type: 'batch', result: batchResult(await runBatch(stream, request.steps, signal)) }
    case 'sequence':
      await stream.conn.sequence(sqlOf(stream, request), signal)
      return { type: 'sequence' }
    case 'describe':
      return { type: 'describe', result: stream.conn.describe(sqlOf(stream, request)) }
    case 'store_sql':
      if (stream.sqls.has(request.sqlId)) {
        throw new StmtError(`SQL text id ${request.sqlId} is already in use`, 'SQL_ID_IN_USE')
      }
      stream.sqls.set(request.sqlId, request.sql)
      return { type: 'store_sql' }
    case 'close_sql':
      stream.sqls.delete(request.sqlId)
      return { type: 'close_sql' }
    case 'get_autocommit':
      return { type: 'get_autocommit', is_autocommit: stream.conn.isAutocommit }
    case 'close':
      return { type: 'close' }
  }
}

export async function runBatch(
  stream: Stream,
  steps: BatchStep[],
  signal: AbortSignal,
): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = []
  for (const step of steps) {
    if (step.condition && !holds(step.condition, outcomes, stream.conn)) {
      outcomes.push(undefined)
      continue
    }
    try {
      const result = await stream.conn.execute(sqlOf(stream, step.stmt), step.stmt, signal)
      outcomes.push({ ok: true, result })
    } catch (error) {
      outcomes.push({ ok: false, error: toErrorJson(error) })
    }
  }
  return outcomes
}

function holds(cond: BatchCond, outcomes: StepOutcome[], conn: SqlConnection): boolean {
  switch (cond.type) {
    case 'ok':
      return outcomes[cond.step]?.ok === true
    case 'error':
      return outcomes[cond.step]?.ok === false
    case 'not':
      return !holds(cond.cond, outcomes, conn)
    case 'and':
      return cond.conds.every((c) => holds(c, outcomes, conn))
    case 'or':
      return cond.conds.some((c) => holds(c, outcomes, conn))
    case 'is_autocommit':
      return conn.isAutocommit
  }
}

function batchResult(outcomes: StepOutcome[]) {
  return {
    step_results: outcomes.map((outcome) => (outcome?.ok ? outcome.result : null)),
    step_errors: outcomes.map((outcome) => (outcome && !outcome.ok ? outcome.error : null)),
  }
}

/** Rows the statements of a pipeline's results or a batch's outcomes send back. */
export function rowsSent(results: readonly (StmtResultJson | null | undefined)[]): number {
  return results.reduce((sum, result) => sum + (result?.rows.length ?? 0), 0)
}

/** The entries `/v3/cursor` streams for a batch: the same facts as a batch result, row by row. */
export function cursorEntries(outcomes: StepOutcome[]): object[] {
  return outcomes.flatMap((outcome, step): object[] => {
    if (!outcome) return []
    if (!outcome.ok) return [{ type: 'step_error', step, error: outcome.error }]
    const { cols, rows, affected_row_count, last_insert_rowid } = outcome.result
    return [
      { type: 'step_begin', step, cols },
      ...rows.map((row) => ({ type: 'row', row })),
      { type: 'step_end', affected_row_count, last_insert_rowid },
    ]
  })
}

function sqlOf(stream: Stream, ref: SqlRef): string {
  if (ref.sql !== undefined && ref.sqlId !== undefined) {
    throw new StmtError('Only one of sql and sql_id may be given', 'SQL_ID_AND_SQL_GIVEN')
  }
  if (ref.sql !== undefined) return ref.sql
  if (ref.sqlId === undefined)
    throw new StmtError('Either sql or sql_id is required', 'SQL_MISSING')
  const sql = stream.sqls.get(ref.sqlId)
  if (sql === undefined) throw new StmtError(`No SQL text with id ${ref.sqlId}`, 'SQL_NOT_FOUND')
  return sql
}
