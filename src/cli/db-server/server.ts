// db-server over HTTP: Hrana pipelines and cursors, /health, /stats and the optional /control.
import { mkdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'libsql'
import { object } from './decode'
import { runCursor, runPipeline } from './endpoints'
import { readJson, send, sendJson } from './http'
import { ProtocolError } from './protocol'
import { RoundTripCounter } from './round-trips'
import { StreamExpiredError, Streams } from './streams'

export interface DbServerOptions {
  dbPath: string
  /** 0 picks a free port. Defaults to 8080. */
  port?: number
  /** Defaults to 127.0.0.1, so the database is never reachable from other machines by accident. */
  host?: string
  /** How long an idle stream (an open transaction) keeps its baton. Defaults to 10 s. */
  batonTtlMs?: number
  /** Delay before each pipeline is answered, to simulate a distant database. */
  delayMs?: number
  /** Enables `POST /control` for fault injection: `{ "delayMs": n }` or `{ "failing": bool }`. */
  control?: boolean
  /** Every statement that would write fails, as on a read replica. */
  readonly?: boolean
  quiet?: boolean
}

export interface DbServer {
  url: string
  port: number
  /**
   * `pipelines` counts every POST to a pipeline or cursor endpoint: every database round trip.
   * With a token, only those of clients that sent it as their bearer token.
   */
  stats(token?: string): { pipelines: number; rows: number; slowestMs: number }
  close(): Promise<void>
}

interface Context {
  streams: Streams
  signal: AbortSignal
  control: boolean
  state: { delayMs: number; failing: boolean }
  roundTrips: RoundTripCounter
}

const ENDPOINTS: Record<string, 'pipeline' | 'cursor'> = {
  'POST /v2/pipeline': 'pipeline',
  'POST /v3/pipeline': 'pipeline',
  'POST /v3/cursor': 'cursor',
}

/** Serves a libSQL file over Hrana-over-HTTP (JSON, versions 2 and 3) until `close()`. */
export async function startDbServer(options: DbServerOptions): Promise<DbServer> {
  const dbPath = resolve(options.dbPath)
  prepareFile(dbPath)
  const shutdown = new AbortController()
  const ctx: Context = {
    streams: new Streams(dbPath, options.batonTtlMs ?? 10_000, options.readonly),
    signal: shutdown.signal,
    control: options.control ?? false,
    state: { delayMs: options.delayMs ?? 0, failing: false },
    roundTrips: new RoundTripCounter(),
  }
  const inFlight = new Set<Promise<void>>()
  const server = createServer((req, res) => {
    const task = handle(ctx, req, res)
      .catch((error) => {
        if (!options.quiet && !shutdown.signal.aborted) console.error('db-server:', error)
        send(res, 500, 'text/plain', 'Internal db-server error')
      })
      .finally(() => inFlight.delete(task))
    inFlight.add(task)
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((ready, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', fail)
      ready()
    })
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  if (!options.quiet) console.log(`db-server: serving ${dbPath} at ${url}`)

  let closing: Promise<void> | undefined
  return {
    url,
    port,
    stats: (token) => ctx.roundTrips.read(token),
    close: () => {
      closing ??= (async () => {
        shutdown.abort()
        ctx.streams.closeParked()
        const closed = new Promise((done) => server.close(done))
        server.closeAllConnections()
        await Promise.allSettled(inFlight)
        ctx.streams.closeAll()
        await closed
      })()
      return closing
    },
  }
}

function prepareFile(dbPath: string): void {
  mkdirSync(dirname(dbPath), { recursive: true })
  // WAL lets other streams read while one holds the write lock; it is a property of the file.
  const db = new Database(dbPath)
  try {
    db.exec('PRAGMA journal_mode = WAL')
  } finally {
    db.close()
  }
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://db-server')
  const route = `${req.method} ${url.pathname}`
  try {
    if (route === 'GET /health') return send(res, 200, 'text/plain', 'ok')
    if (route === 'GET /stats') {
      return sendJson(res, 200, ctx.roundTrips.read(url.searchParams.get('token') ?? undefined))
    }
    if (route === 'POST /stats/reset-slowest') {
      ctx.roundTrips.resetSlowest()
      return sendJson(res, 200, ctx.roundTrips.read())
    }
    // Version probes: a 2xx says "this Hrana version, JSON encoding"; v3-protobuf stays a 404.
    if (route === 'GET /v2' || route === 'GET /v3') return send(res, 200, 'text/plain', 'ok')
    if (route === 'POST /control' && ctx.control) {
      return sendJson(res, 200, applyControl(ctx.state, await readJson(req)))
    }
    const endpoint = ENDPOINTS[route]
    if (!endpoint) return send(res, 404, 'text/plain', 'Not found')
    ctx.roundTrips.count(req.headers.authorization)
    const body = await readJson(req)
    if (ctx.state.delayMs > 0) await sleep(ctx.state.delayMs, undefined, { signal: ctx.signal })
    // Plain text, like a proxy in front of Turso would answer: the client reports SERVER_ERROR.
    if (ctx.state.failing) return send(res, 503, 'text/plain', 'db-server is failing on purpose')
    const started = performance.now()
    try {
      const countRows = (rows: number) => ctx.roundTrips.addRows(rows)
      if (endpoint === 'pipeline')
        return sendJson(res, 200, await runPipeline(ctx.streams, ctx.signal, body, countRows))
      const cursor = await runCursor(ctx.streams, ctx.signal, body, countRows)
      return send(res, 200, 'application/json', cursor)
    } finally {
      ctx.roundTrips.observe(performance.now() - started)
    }
  } catch (error) {
    if (!(error instanceof ProtocolError || error instanceof StreamExpiredError)) throw error
    const code = error instanceof ProtocolError ? 'PROTOCOL_ERROR' : 'STREAM_EXPIRED'
    return sendJson(res, 400, { message: error.message, code })
  }
}

function applyControl(state: Context['state'], raw: unknown) {
  const body = object(raw, 'The control body')
  if (body.delayMs !== undefined) {
    if (typeof body.delayMs !== 'number' || !(body.delayMs >= 0)) {
      throw new ProtocolError('delayMs must be a number of milliseconds, 0 or more')
    }
    state.delayMs = body.delayMs
  }
  if (body.failing !== undefined) {
    if (typeof body.failing !== 'boolean') throw new ProtocolError('failing must be true or false')
    state.failing = body.failing
  }
  return { delayMs: state.delayMs, failing: state.failing }
}
