// The built Worker on workerd without wrangler: floors, hits, misses and nginx, with CPU per request.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { V4WorkerOptions } from 'miniflare'
import { startDbServer } from '../../../src/cli/db-server'
import { migrateDatabase, openClient } from '../../../src/cli/migrate'
import { seedDatabase } from '../../../src/cli/seed'
import { createDb } from '../../../src/db/client'
import { freePort } from '../../support/stack'
import { buildBundle } from '../bundle'
import { isNginxInstalled, startNginx } from '../nginx'
import { CACHE_FLOOR_WORKER, CONSTANT_WORKER } from './floors'
import { readLiveHeapBytes } from './heap'
import { type EdgeLoad, type LoadTarget, measureEdgeLoad, mergeLoads } from './measure'
import { mixedRequests } from './mixed'
import { bundleWorker, type EdgeRuntime, floorWorker, startRuntime } from './runtime'

export interface EdgePage {
  name: string
  path: string
}

export interface EdgeReport {
  /** Every run: floors, hits, misses and nginx, at each concurrency. */
  loads: EdgeLoad[]
  /** The isolate's live heap after `heapRequests` mixed requests, in MB. */
  heapMb?: number
  heapRequests: number
  heapError?: string
}

export interface EdgeOptions {
  root: string
  /** Cached pages (hit) and rendered pages (miss). */
  hits: EdgePage[]
  misses: EdgePage[]
  quick: boolean
  log(line: string): void
}

const CONNECTIONS = [1, 50]
/** Response headers that describe one exchange rather than the page; the floors leave them out. */
const PER_EXCHANGE = [
  'date',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'x-cache',
]
const HEAP_REQUESTS = 10_000
/** Chunks per run; see the measuring loop. */
const ROUNDS = 4

/** A migrated database with the seeded demo content. */
export async function prepareDatabase(dbPath: string) {
  const client = openClient(`file:${dbPath}`)
  try {
    await migrateDatabase(client)
    await seedDatabase(createDb(client), { now: Date.now(), adminPassword: 'bench-password' })
  } finally {
    client.close()
  }
}

/** A page's bytes and headers as Bulletin serves them from its cache. */
async function readHit(origin: string, path: string) {
  await (await fetch(`${origin}${path}`)).arrayBuffer()
  const hit = await fetch(`${origin}${path}`)
  if (hit.headers.get('x-cache') !== 'HIT') throw new Error(`${path} is not served from cache`)
  const headers = Object.fromEntries(
    [...hit.headers].filter(([name]) => !PER_EXCHANGE.includes(name)),
  )
  return { html: await hit.text(), headers }
}

export async function measureEdge(options: EdgeOptions): Promise<EdgeReport> {
  const { root, log, quick } = options
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-edge-'))
  const runtimes: EdgeRuntime[] = []
  const report: EdgeReport = { loads: [], heapRequests: HEAP_REQUESTS }
  const amounts = quick
    ? { hit: [300, 1000], miss: [40, 100] }
    : { hit: [1000, 5000], miss: [200, 500] }
  try {
    log('edge: building the dry-run bundle and a fresh database')
    const script = buildBundle(root, join(dir, 'bundle'))
    await prepareDatabase(join(dir, 'edge.db'))
    const db = await startDbServer({ dbPath: join(dir, 'edge.db'), port: 0, quiet: true })
    runtimes.push({ name: 'db-server', origin: db.url, pid: 0, dispose: () => db.close() })
    const vars = {
      TURSO_DATABASE_URL: db.url,
      IP_HASH_SALT: 'bench-salt',
      SITE_URL: 'http://localhost',
    }
    const start = async (name: string, worker: V4WorkerOptions, inspect = false) => {
      const runtime = await startRuntime(name, worker, root, { inspect })
      runtimes.push(runtime)
      return runtime
    }
    const bulletin = await start('bulletin', bundleWorker(root, script, vars, true), true)
    const rendering = await start('bulletin-uncached', bundleWorker(root, script, vars, false))
    const pages = await Promise.all(options.hits.map((page) => readHit(bulletin.origin, page.path)))
    const headers = pages[0]?.headers ?? {}
    const bindings = {
      PAGES: Object.fromEntries(options.hits.map((page, i) => [page.path, pages[i]?.html ?? ''])),
      HEADERS: headers,
    }
    const constant = await start('constant', floorWorker(root, CONSTANT_WORKER, bindings))
    const cacheFloor = await start('cache-floor', floorWorker(root, CACHE_FLOOR_WORKER, bindings))
    for (const [i, page] of options.hits.entries()) {
      const put = await fetch(`${cacheFloor.origin}${page.path}`, {
        method: 'PUT',
        body: pages[i]?.html,
      })
      if (put.status !== 204) throw new Error(`the cache floor refused ${page.path}: ${put.status}`)
    }
    const nginx = isNginxInstalled()
      ? await startNginx(
          join(dir, 'nginx'),
          await freePort(),
          Object.fromEntries(
            options.hits.map((page, i) => [page.path, Buffer.from(pages[i]?.html ?? '')]),
          ),
        )
      : undefined
    if (nginx) runtimes.push({ name: 'nginx', origin: '', pid: nginx.pid, dispose: nginx.stop })
    else log('edge: nginx is not installed; its reference row is skipped')

    const first = options.hits[0] as EdgePage
    const runs: [LoadTarget, EdgePage, 'hit' | 'miss'][] = [
      [constant, first, 'hit'],
      [cacheFloor, first, 'hit'],
      ...options.hits.map((page) => [bulletin, page, 'hit'] as [LoadTarget, EdgePage, 'hit']),
      ...options.misses.map((page) => [rendering, page, 'miss'] as [LoadTarget, EdgePage, 'miss']),
    ]
    if (nginx) {
      const reference = { name: 'nginx', origin: nginx.url(''), pid: nginx.pid }
      for (const page of options.hits) runs.push([reference, page, 'hit'])
    }
    // Each run is measured in ROUNDS chunks, the runs taking turns (in reverse every other round),
    // so the floors and the hits they are judged against share the machine's load as it drifts.
    for (const [i, connections] of CONNECTIONS.entries()) {
      log(`edge: ${runs.length} runs at ${connections} connections, in ${ROUNDS} rounds`)
      const chunks = runs.map((): EdgeLoad[] => [])
      for (let round = 0; round < ROUNDS; round++) {
        const order = [...runs.keys()]
        if (round % 2 === 1) order.reverse()
        for (const r of order) {
          const [target, page, kind] = runs[r] as (typeof runs)[number]
          // Never fewer requests than connections, or the chunk would not load them all.
          const amount = Math.max(connections, Math.ceil((amounts[kind][i] ?? 100) / ROUNDS))
          const load = await measureEdgeLoad(target, page.path, connections, amount, {
            warmUp: round === 0,
          })
          chunks[r]?.push(load)
        }
      }
      for (const runChunks of chunks) report.loads.push(mergeLoads(runChunks))
    }

    log(`edge: the isolate's heap after ${HEAP_REQUESTS} mixed requests`)
    await measureEdgeLoad(bulletin, '/', 10, HEAP_REQUESTS, { requests: mixedRequests(options) })
    try {
      const bytes = await readLiveHeapBytes(bulletin.inspectorUrl ?? '', 'bulletin')
      report.heapMb = Math.round((bytes / 1024 / 1024) * 10) / 10
    } catch (error) {
      report.heapError = error instanceof Error ? error.message : String(error)
    }
    return report
  } finally {
    for (const runtime of runtimes.reverse()) await runtime.dispose().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }
}
