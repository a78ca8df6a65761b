// Cron cost on generated data: the full related refresh and one 5-minute cycle, timed and counted.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@libsql/client/web'
import { startDbServer } from '../../src/cli/db-server'
import { migrateDatabase, openClient } from '../../src/cli/migrate'
import { createDb } from '../../src/db/client'
import { type Env, parseConfig } from '../../src/env'
import { CRON_EVERY_FIVE_MINUTES, jobsFor } from '../../src/jobs'
import { continueRelatedRefresh, startRelatedRefresh } from '../../src/jobs/related-full'
import { runJob } from '../../src/jobs/run-job'
import { purgeFunction } from '../../src/services/purge-wiring'
import { generateDataset } from './dataset'

export interface CronCost {
  articles: number
  fullRefresh: { ms: number; runs: number; roundTrips: number; rowsWritten: number }
  fiveMinuteCycle: { ms: number; roundTrips: number; changedArticles: number }
}

export interface CronScaling {
  sizes: CronCost[]
  /** Fitted exponent of full-refresh time against article count (1 = linear). */
  timeExponent: number | null
}

function fitExponent(points: [number, number][]): number | null {
  if (points.length < 2) return null
  const logs = points.map(([x, y]) => [Math.log(x), Math.log(Math.max(y, 1e-6))] as const)
  const meanX = logs.reduce((s, [x]) => s + x, 0) / logs.length
  const meanY = logs.reduce((s, [, y]) => s + y, 0) / logs.length
  const num = logs.reduce((s, [x, y]) => s + (x - meanX) * (y - meanY), 0)
  const den = logs.reduce((s, [x]) => s + (x - meanX) ** 2, 0)
  return Math.round((num / den) * 100) / 100
}

async function measureSize(dir: string, articles: number): Promise<CronCost> {
  const dbPath = join(dir, `cron-${articles}.db`)
  const file = openClient(`file:${dbPath}`)
  await migrateDatabase(file)
  generateDataset(dbPath, articles)
  const relatedRows = async () =>
    Number((await file.execute('select count(*) as n from related_articles')).rows[0]?.n)
  const server = await startDbServer({ dbPath, port: 0, quiet: true })
  const client = createClient({ url: server.url })
  try {
    const db = createDb(client)
    const config = parseConfig({
      TURSO_DATABASE_URL: server.url,
      IP_HASH_SALT: 'bench-salt-bench',
      SITE_URL: 'http://localhost',
    } as Env)
    const context = {
      db,
      config,
      purge: purgeFunction(config, db, async () => undefined, 'http://localhost'),
    }

    // The nightly pass, continued chunk by chunk as the 5-minute cron does, until it is done.
    let started = performance.now()
    let before = server.stats().pipelines
    let runs = 0
    let outcome = await runJob(startRelatedRefresh, { ...context, now: new Date() })
    runs++
    while (outcome.status === 'ok' && !outcome.counts?.passDone) {
      outcome = await runJob(continueRelatedRefresh, { ...context, now: new Date() })
      runs++
      if (runs > 10_000) throw new Error('the related refresh did not finish')
    }
    if (outcome.status !== 'ok') throw new Error(`related refresh failed: ${outcome.error}`)
    const fullRefresh = {
      ms: Math.round(performance.now() - started),
      runs,
      roundTrips: server.stats().pipelines - before,
      rowsWritten: await relatedRows(),
    }

    // One 5-minute cycle after 1% of the articles changed.
    const changed = Math.max(1, Math.floor(articles / 100))
    await file.execute({
      sql: 'update articles set updated_at = ? where id <= ?',
      args: [Date.now(), changed],
    })
    started = performance.now()
    before = server.stats().pipelines
    for (const job of jobsFor(CRON_EVERY_FIVE_MINUTES)) {
      const result = await runJob(job, { ...context, now: new Date() })
      if (result.status === 'failed') throw new Error(`${job.name} failed: ${result.error}`)
    }
    return {
      articles,
      fullRefresh,
      fiveMinuteCycle: {
        ms: Math.round(performance.now() - started),
        roundTrips: server.stats().pipelines - before,
        changedArticles: changed,
      },
    }
  } finally {
    client.close()
    file.close()
    await server.close()
  }
}

export async function measureCronCost(dir: string, sizes: number[]): Promise<CronScaling> {
  mkdirSync(dir, { recursive: true })
  const results: CronCost[] = []
  for (const size of sizes) results.push(await measureSize(dir, size))
  return {
    sizes: results,
    timeExponent: fitExponent(results.map((r) => [r.articles, r.fullRefresh.ms])),
  }
}
