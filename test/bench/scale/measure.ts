// What each archive size costs: uncached renders of every page kind, and one run of each cron.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client/web'
import Database from 'libsql'
import { type Stack, startStack } from '../../../src/cli/stack'
import { createDb } from '../../../src/db/client'
import { type Env, parseConfig } from '../../../src/env'
import { CRON_EVERY_FIVE_MINUTES, CRON_NIGHTLY, jobsFor } from '../../../src/jobs'
import { runJob } from '../../../src/jobs/run-job'
import { purgeFunction } from '../../../src/services/purge-wiring'
import { freePort } from '../../support/stack'
import { BYPASS, percentile } from '../render'
import { type Archive, commonWord, measureFootprint, tagCount } from './archive'
import { type IngestResult, measureIngest } from './ingest'
import { rareName } from './vocabulary'

/** Long enough that a slow statement is measured, not cut off by the Worker's own bound. */
const BENCH_DB_TIMEOUT_MS = 60_000

export interface ScalePage {
  name: string
  path: string
  p50Ms: number
  p99Ms: number
  /** The most round trips any one render made: the budget is 1. */
  roundTrips: number
  /** The slowest single round trip while rendering it, in ms. */
  slowestMs: number
  /** Non-200 answers, e.g. a 503 when the database timed out. */
  failures: number
}

export interface CronRun {
  name: string
  ms: number
  /** Related lists recomputed, for the time per list; 0 for other jobs. */
  lists: number
  roundTrips: number
  /** Rows the db-server sent back: what the run decoded (no engine here counts rows read). */
  rows: number
  slowestMs: number
  status: string
}

export interface ScaleResult {
  articles: number
  buildSeconds: number
  footprint: ReturnType<typeof measureFootprint>
  pages: ScalePage[]
  ingest: IngestResult
  cron: CronRun[]
}

/** The pages the issue names, picked so that the same ones exist at every size. */
function pagesOf(archive: Archive): { name: string; path: string }[] {
  const db = new Database(archive.path, { readonly: true })
  try {
    const one = <T>(sql: string) => db.prepare(sql).get() as T
    // The newest story with a full comment thread, so every size renders a page of the same shape.
    const article = one<{ slug: string }>(
      `select slug from articles a where status = 'published'
         and (select count(*) from comments c where c.article_id = a.id) >= 8
       order by published_at desc limit 1`,
    )
    const { total } = one<{ total: number }>(
      `select count(*) as total from articles where category_id = 1 and status = 'published'`,
    )
    return [
      { name: 'article', path: `/news/${article.slug}` },
      { name: 'home', path: '/' },
      { name: 'section p1', path: '/category/section-1' },
      { name: 'section last', path: `/category/section-1?page=${Math.ceil(total / 20)}` },
      // Tag 1 is the Zipf head: the biggest tag at every size.
      { name: 'biggest tag p1', path: '/tag/tag-1' },
      { name: 'search rare', path: `/search?q=${rareName(4242)}` },
      { name: 'search common', path: `/search?q=${commonWord()}` },
      { name: 'site feed', path: '/feed.xml' },
      { name: 'biggest tag feed', path: '/tag/tag-1/feed.xml' },
      { name: 'sitemap index', path: '/sitemap.xml' },
      { name: 'article sitemap 1', path: '/sitemaps/articles-1.xml' },
    ]
  } finally {
    db.close()
  }
}

async function dbStats(dbUrl: string) {
  return (await (await fetch(`${dbUrl}/stats`)).json()) as {
    pipelines: number
    rows: number
    slowestMs: number
  }
}

async function resetSlowest(dbUrl: string) {
  await (await fetch(`${dbUrl}/stats/reset-slowest`, { method: 'POST' })).arrayBuffer()
}

/** One uncached render: its time, the round trips it made, and whether it answered 200. */
async function samplePage(origin: string, dbUrl: string, path: string) {
  const before = (await dbStats(dbUrl)).pipelines
  const started = performance.now()
  const response = await fetch(`${origin}${path}`, { headers: BYPASS })
  await response.arrayBuffer()
  const ms = performance.now() - started
  return { ms, roundTrips: (await dbStats(dbUrl)).pipelines - before, ok: response.status === 200 }
}

type Running = { archive: Archive; stack: Stack; pages: { name: string; path: string }[] }

/**
 * Each page at every size, one sample of each size in turn: a shared machine's load then falls on
 * all sizes alike, so the ratios between them hold even when the absolute times do not.
 */
async function measurePages(
  running: Running[],
  samples: number,
  log: (line: string) => void,
): Promise<ScalePage[][]> {
  const measured: ScalePage[][] = running.map(() => [])
  const [first] = running
  for (const [index] of (first?.pages ?? []).entries()) {
    const times: number[][] = running.map(() => [])
    const roundTrips = running.map(() => 0)
    const failures = running.map(() => 0)
    for (const { stack, pages } of running) {
      // One warm-up render, so that the first sample does not pay for cold file pages.
      await (await fetch(`${stack.origin}${pages[index]?.path}`, { headers: BYPASS })).arrayBuffer()
      await resetSlowest(stack.dbUrl)
    }
    for (let i = 0; i < samples; i++) {
      for (const [n, { stack, pages }] of running.entries()) {
        const sample = await samplePage(stack.origin, stack.dbUrl, pages[index]?.path ?? '/')
        times[n]?.push(sample.ms)
        roundTrips[n] = Math.max(roundTrips[n] ?? 0, sample.roundTrips)
        if (!sample.ok) failures[n] = (failures[n] ?? 0) + 1
      }
    }
    log(`scale: ${first?.pages[index]?.name} measured`)
    for (const [n, { stack, pages }] of running.entries()) {
      const sorted = (times[n] ?? []).sort((x, y) => x - y)
      measured[n]?.push({
        ...(pages[index] as { name: string; path: string }),
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        roundTrips: roundTrips[n] ?? 0,
        slowestMs: (await dbStats(stack.dbUrl)).slowestMs,
        failures: failures[n] ?? 0,
      })
    }
  }
  return measured
}

/** One 5-minute cycle after 100 articles changed, then one nightly run, as the Worker runs them. */
async function measureCron(dbUrl: string, dbPath: string): Promise<CronRun[]> {
  const client = createClient({ url: dbUrl })
  const db = createDb(client)
  const config = parseConfig({
    TURSO_DATABASE_URL: dbUrl,
    IP_HASH_SALT: 'bench-salt-bench',
    SITE_URL: 'http://localhost',
    DB_TIMEOUT_MS: String(BENCH_DB_TIMEOUT_MS),
  } as Env)
  const context = { db, config, purge: purgeFunction(config, db, async () => undefined, 'x') }
  const file = new Database(dbPath)
  file
    .prepare(
      'update articles set updated_at = ? where id in (select id from articles order by id desc limit 100)',
    )
    .run(Date.now())
  file.close()
  const runs: CronRun[] = []
  try {
    for (const cron of [CRON_EVERY_FIVE_MINUTES, CRON_NIGHTLY]) {
      for (const job of jobsFor(cron)) {
        await resetSlowest(dbUrl)
        const before = await dbStats(dbUrl)
        const started = performance.now()
        const outcome = await runJob(job, { ...context, now: new Date() })
        const after = await dbStats(dbUrl)
        runs.push({
          name: `${cron === CRON_NIGHTLY ? 'nightly' : '5-min'} ${job.name}`,
          ms: Math.round(performance.now() - started),
          lists: outcome.counts?.recomputed ?? 0,
          roundTrips: after.pipelines - before.pipelines,
          rows: after.rows - before.rows,
          slowestMs: after.slowestMs,
          status: outcome.status === 'failed' ? `failed: ${outcome.error}` : outcome.status,
        })
      }
    }
  } finally {
    client.close()
  }
  return runs
}

/** Serves each archive through the real stack (db-server and wrangler dev) and measures it. */
export async function measureScale(
  archives: Archive[],
  samples: number,
  ingestCount: number,
  log: (line: string) => void,
): Promise<ScaleResult[]> {
  const running: Running[] = []
  const states: string[] = []
  try {
    for (const archive of archives) {
      const state = mkdtempSync(join(tmpdir(), 'bulletin-scale-'))
      states.push(state)
      // The cron and the ingest write: they run on a copy, so the cached archive stays as built.
      const workingCopy = join(state, 'archive.db')
      copyFileSync(archive.path, workingCopy)
      const stack = await startStack({
        port: await freePort(),
        dbPort: await freePort(),
        dbPath: workingCopy,
        persistTo: state,
        stdio: 'ignore',
        vars: { DB_TIMEOUT_MS: String(BENCH_DB_TIMEOUT_MS) },
      })
      running.push({ archive: { ...archive, path: workingCopy }, stack, pages: pagesOf(archive) })
      await stack.waitUntilReady()
    }
    log(`scale: ${running.length} stacks up, measuring pages side by side`)
    const pages = await measurePages(running, samples, log)
    const results: ScaleResult[] = []
    for (const [n, { archive, stack }] of running.entries()) {
      log(`scale ${archive.articles}: ingest, ${ingestCount} saves`)
      const ingest = await measureIngest(
        stack.origin,
        stack.dbUrl,
        tagCount(archive.articles),
        ingestCount,
      )
      log(`scale ${archive.articles}: cron`)
      const cron = await measureCron(stack.dbUrl, archive.path)
      results.push({
        articles: archive.articles,
        buildSeconds: archive.buildSeconds,
        footprint: measureFootprint(archives[n]?.path ?? archive.path, archive.articles),
        pages: pages[n] ?? [],
        ingest,
        cron,
      })
    }
    return results
  } finally {
    for (const { stack } of running) await stack.stop()
    for (const state of states) rmSync(state, { recursive: true, force: true })
  }
}
