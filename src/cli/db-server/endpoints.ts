// db-server's Hrana endpoints: a pipeline or a cursor run on a stream, which a baton keeps open.
import { decodeCursor, decodePipeline } from './decode'
import type { StmtResultJson } from './protocol'
import {
  cursorEntries,
  rowsSent,
  runBatch,
  runRequest,
  type Stream,
  type StreamResult,
} from './requests'
import type { Streams } from './streams'

/** `/v2/pipeline` and `/v3/pipeline`: each request in order on one stream; the baton keeps it open. */
export async function runPipeline(
  streams: Streams,
  signal: AbortSignal,
  raw: unknown,
  countRows: (rows: number) => void,
) {
  const { baton, requests } = decodePipeline(raw)
  const stream = baton === null ? streams.open() : streams.take(baton)
  const results: StreamResult[] = []
  let closed = false
  let next: string | null = null
  try {
    for (const request of requests) {
      if (closed) {
        const error = { message: 'The stream has been closed', code: 'STREAM_CLOSED' }
        results.push({ type: 'error', error })
      } else if (request.type === 'close') {
        closed = true
        results.push({ type: 'ok', response: { type: 'close' } })
      } else {
        results.push(await runRequest(stream, request, signal))
      }
    }
  } finally {
    next = settle(streams, signal, stream, closed)
  }
  countRows(rowsSent(results.flatMap(statementResults)))
  return { baton: next, base_url: null, results }
}

/** `/v3/cursor`: one line with the baton, then one JSON line per cursor entry. */
export async function runCursor(
  streams: Streams,
  signal: AbortSignal,
  raw: unknown,
  countRows: (rows: number) => void,
): Promise<string> {
  const { baton, steps } = decodeCursor(raw)
  const stream = baton === null ? streams.open() : streams.take(baton)
  let next: string | null = null
  let outcomes: Awaited<ReturnType<typeof runBatch>> = []
  try {
    outcomes = await runBatch(stream, steps, signal)
  } finally {
    next = settle(streams, signal, stream, false)
  }
  countRows(rowsSent(outcomes.map((outcome) => (outcome?.ok ? outcome.result : null))))
  const lines = [{ baton: next, base_url: null }, ...cursorEntries(outcomes)]
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('')
}

/** The statement results inside one pipeline result: an execute's, or each step of a batch's. */
function statementResults(result: StreamResult): (StmtResultJson | null)[] {
  if (result.type !== 'ok') return []
  const response = result.response as {
    type: string
    result?: StmtResultJson & { step_results?: (StmtResultJson | null)[] }
  }
  if (response.type === 'execute') return [response.result ?? null]
  if (response.type === 'batch') return response.result?.step_results ?? []
  return []
}

/** Parks a stream that stays open (its new baton), or closes it and answers no baton. */
function settle(streams: Streams, signal: AbortSignal, stream: Stream, closed: boolean) {
  if (!closed && !signal.aborted) return streams.park(stream)
  streams.close(stream)
  return null
}
