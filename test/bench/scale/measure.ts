// What each archive size costs: uncached renders of every page kind, and one run of each cron.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client/web'
import Database from 'libsql'
import { startStack } from '../../../src/cli/stack'
import { createDb } from '../../../src/db/client'
import { type Env, parseConfig } from '../../../src/env'
import { CRON_EVERY_FIVE_MINUTES, CRON_NIGHTLY, jobsFor } from '../../../src/jobs'
import { runJob } from '../../../src/jobs/run-job'
import { purgeFunction } from '../../../src/services/purge-wiring'
import { freePort } from '../../support/stack'
import { BYPASS, percentile } from '../render'
import { type Archive, commonWord, measureFootprint } from './archive'
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
  roundTrips: number
  slowestMs: number
  status: string
}

export interface ScaleResult {
  articles: number
  buildSeconds: number
  footprint: ReturnType<typeof measureFootprint>
  pages: ScalePage[]
  cron: CronRun[]
}

/** The pages the issue names, picked so that the same ones exist at every size. */
function pagesOf(archive: Archive): { name: string; path: string }[] {
  const db = new Database(archive.path, { readonly: true })
  try {
    const one = <T>(sql: string) => db.prepare(sql).get() as T
    const article = one<{ slug: string }>(
      `select slug from articles where id <= 10000 order by published_at desc limit 1`,
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
      { name: 'sitemap index', path: '/sitemap.xml' },
      { name: 'article sitemap 1', path: '/sitemaps/articles-1.xml' },
    ]
  } finally {
    db.close()
  }
}

async function dbStats(dbUrl: string) {
  return (await (await fetch(`${dbUrl}/stats`)).json()) as { pipelines: number; slowestMs: number }
}

async function resetSlowest(dbUrl: string) {
  await (await fetch(`${dbUrl}/stats/reset-slowest`, { method: 'POST' })).arrayBuffer()
}

async function measurePage(
  origin: string,
  dbUrl: string,
  page: { name: string; path: string },
  samples: number,
): Promise<ScalePage> {
  const times: number[] = []
  let [roundTrips, failures] = [0, 0]
  await resetSlowest(dbUrl)
  for (let i = 0; i < samples; i++) {
    const before = (await dbStats(dbUrl)).pipelines
    const started = performance.now()
    const response = await fetch(`${origin}${page.path}`, { headers: BYPASS })
    await response.arrayBuffer()
    times.push(performance.now() - started)
    if (response.status !== 200) failures++
    roundTrips = Math.max(roundTrips, (await dbStats(dbUrl)).pipelines - before)
  }
  times.sort((a, b) => a - b)
  const { slowestMs } = await dbStats(dbUrl)
  return {
    ...page,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    roundTrips,
    slowestMs,
    failures,
  }
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
        const before = (await dbStats(dbUrl)).pipelines
        const started = performance.now()
        const outcome = await runJob(job, { ...context, now: new Date() })
        const after = await dbStats(dbUrl)
        runs.push({
          name: `${cron === CRON_NIGHTLY ? 'nightly' : '5-min'} ${job.name}`,
          ms: Math.round(performance.now() - started),
          roundTrips: after.pipelines - before,
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
  log: (line: string) => void,
): Promise<ScaleResult[]> {
  const results: ScaleResult[] = []
  for (const archive of archives) {
    const footprint = measureFootprint(archive.path, archive.articles)
    const pages = pagesOf(archive)
    const state = mkdtempSync(join(tmpdir(), 'bulletin-scale-'))
    const stack = await startStack({
      port: await freePort(),
      dbPort: await freePort(),
      dbPath: archive.path,
      persistTo: state,
      stdio: 'ignore',
      vars: { DB_TIMEOUT_MS: String(BENCH_DB_TIMEOUT_MS) },
    })
    try {
      await stack.waitUntilReady()
      log(`scale ${archive.articles}: stack up, measuring ${pages.length} pages`)
      const measured: ScalePage[] = []
      for (const page of pages) {
        // One warm-up render, so that the first sample does not pay for cold file pages.
        await (await fetch(`${stack.origin}${page.path}`, { headers: BYPASS })).arrayBuffer()
        measured.push(await measurePage(stack.origin, stack.dbUrl, page, samples))
      }
      log(`scale ${archive.articles}: cron`)
      const cron = await measureCron(stack.dbUrl, archive.path)
      results.push({
        articles: archive.articles,
        buildSeconds: archive.buildSeconds,
        footprint,
        pages: measured,
        cron,
      })
    } finally {
      await stack.stop()
      rmSync(state, { recursive: true, force: true })
    }
  }
  return results
}
