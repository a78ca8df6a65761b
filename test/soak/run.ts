// `npm run soak`: readers, beacons, comments at the limit, editor saves and cron at once; then a verdict.
import { parseArgs } from 'node:util'
import { and, desc, eq } from 'drizzle-orm'
import { openClient } from '../../src/cli/migrate'
import { createDb } from '../../src/db/client'
import { articles } from '../../src/db/schema'
import { type Check, createChecks } from '../faults/checks'
import { createDbProcess } from '../faults/db-process'
import { send } from '../faults/http'
import { signIn } from '../faults/newsroom'
import { freePort, startIsolatedStack } from '../support/stack'
import { commentAtTheLimit } from './comments'
import { catchUpWithSeed, runCronEvery } from './cron'
import { saveArticles } from './editor'
import { sampleMemory } from './memory'
import { readPages, sendBeacons } from './reads'
import { judgeSoak } from './verdict'

const USAGE = 'Usage: npm run soak [-- --quick] [--minutes 10] [--reads-per-second 100]'
const ADMIN = { email: 'soak@bulletin.local', password: 'soak-test-password' }
/** COMMENTS_RATE_PER_MINUTE's default: the soak's readers post exactly this many a minute. */
const COMMENTS_PER_MINUTE = 3
/**
 * The full soak paces its traffic like a real site (cron every minute, a save every 20 s, comments
 * spread over each minute). The quick one (CI) packs every kind into one minute, several times.
 */
const MODES = {
  full: { minutes: 10, cronEveryMs: 60_000, saveEveryMs: 20_000, commentSpanMs: 45_000 },
  quick: { minutes: 1, cronEveryMs: 15_000, saveEveryMs: 10_000, commentSpanMs: 12_000 },
}

const log = (line: string) => console.log(`soak: ${line}`)

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      minutes: { type: 'string' },
      'reads-per-second': { type: 'string', default: '100' },
    },
  })
  const mode = MODES[values.quick ? 'quick' : 'full']
  const minutes = Number(values.minutes ?? mode.minutes)
  const readRate = Number(values['reads-per-second'])
  if (!(minutes >= 1) || !(readRate > 0)) throw new Error(USAGE)
  const seconds = Math.round(minutes * 60)
  const runId = `soak${crypto.randomUUID().slice(0, 6)}`

  const inspectorPort = await freePort()
  const dbPort = await freePort()
  const stack = await startIsolatedStack('soak', {
    inspectorPort,
    dbPort,
    externalDb: true,
    seedAdmin: ADMIN,
  })
  // The db-server runs in a process of its own, as Turso would: in this one it would share an
  // event loop with the load generator, and its write-lock waits would time out under it.
  const db = createDbProcess(stack.dbPath, dbPort)
  const client = openClient(`file:${stack.dbPath}`)
  let cleaned: Promise<void> | undefined
  const cleanUp = () => {
    cleaned ??= (async () => {
      await stack.stop()
      await db.kill()
      client.close()
      await stack.cleanUp()
    })()
    return cleaned
  }
  const stop = (reason: string) => {
    console.error(
      `soak: ${reason}; stopping. wrangler's last words:\n${stack.output().slice(-4000)}`,
    )
    void cleanUp().finally(() => process.exit(1))
  }
  process.once('SIGINT', () => stop('interrupted'))
  process.once('SIGTERM', () => stop('terminated'))
  // Traffic ends on its own clock; a run still going five minutes later is stuck.
  const watchdog = setTimeout(() => stop('stuck'), (seconds + 300) * 1000)
  watchdog.unref()
  const all: Check[] = []
  const checks = createChecks('soak', log, all)
  try {
    await db.start()
    await stack.waitUntilReady()
    const { origin } = stack
    const store = createDb(client)
    const published = await store
      .select({ id: articles.id, slug: articles.slug })
      .from(articles)
      .where(and(eq(articles.status, 'published'), eq(articles.commentsClosed, false)))
      .orderBy(desc(articles.publishedAt))
      .limit(12)
    const hot = published.slice(0, 6)
    const edited = published.slice(6, 8)
    const commented = published.slice(8, 11)
    const hotPaths = [
      '/',
      '/category/international-news',
      '/category/economy',
      '/feed.xml',
      ...hot.map((article) => `/news/${article.slug}`),
    ]
    for (const path of hotPaths) {
      const answer = await send(`${origin}${path}`)
      if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`)
    }
    const session = await signIn(origin, ADMIN.email, ADMIN.password)
    log(`cron caught up with the seed in ${await catchUpWithSeed(origin, store)} runs`)
    log(`stack up at ${origin}; ${seconds} s of traffic, run ${runId}`)

    const until = Date.now() + seconds * 1000
    // Once every kind of traffic has warmed up: minute 2 of the full ten, a third into a short run.
    const baselineMs = Math.min(120_000, Math.round((seconds * 1000) / 3))
    const memory = sampleMemory(stack.wrangler.pid as number, inspectorPort, baselineMs)
    const reads = readPages(origin, hotPaths, { rate: readRate, seconds, runId })
    const beacons = sendBeacons(
      origin,
      hot.map((article) => article.id),
      { rate: Math.max(1, readRate / 10), seconds },
    )
    const commenting = commentAtTheLimit(
      origin,
      commented.map((article) => article.id),
      { perMinute: COMMENTS_PER_MINUTE, readers: 4, runId, until, spanMs: mode.commentSpanMs },
    )
    const saving = saveArticles(
      session,
      edited.map((article) => article.id),
      { everyMs: mode.saveEveryMs, until, runId },
    )
    const cron = runCronEvery(origin, mode.cronEveryMs, until)
    const progress = setInterval(() => {
      log(`${Math.round((until - Date.now()) / 1000)} s to go`)
    }, 60_000)
    const [readTally, beaconTally, commentTally, saveTally, cronTally] = await Promise.all([
      reads,
      beacons,
      commenting,
      saving,
      cron,
    ])
    clearInterval(progress)
    const trend = await memory.stop()

    await judgeSoak(checks, store, {
      runId,
      reads: readTally,
      beacons: beaconTally,
      comments: commentTally,
      saves: saveTally,
      cron: cronTally,
      memory: trend,
      baseline: `${Math.round(baselineMs / 1000)} s`,
      workerLog: stack.output(),
    })
  } catch (error) {
    checks.expect('ran to the end', false, error instanceof Error ? error.message : String(error))
    console.error(stack.output().slice(-4000))
  } finally {
    await cleanUp()
  }
  const failed = all.filter((check) => !check.ok)
  log(`${all.length - failed.length} of ${all.length} checks passed`)
  return failed.length > 0 ? 1 : 0
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`soak failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
