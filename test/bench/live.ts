// Live scenario: 1,000 readers poll one live article while an editor posts every 10 s for 2 minutes.
import { fileURLToPath } from 'node:url'
import { eq } from 'drizzle-orm'
import { openClient } from '../../src/cli/migrate'
import { LIVE_SEED_SLUG } from '../../src/cli/seed/live'
import { createDb } from '../../src/db/client'
import { articles, users } from '../../src/db/schema'
import { issueSession, sessionCookieFor } from '../../src/services/sessions'
import { startIsolatedStack } from '../support/stack'
import { percentile } from './render'

export interface LiveOptions {
  origin: string
  dbUrl: string
  readers: number
  /** How long the editor keeps posting, in seconds. */
  seconds: number
  postEverySeconds: number
  pollEverySeconds: number
  /** Requests in flight at once, readers sharing connections as they would through an edge. */
  connections: number
  /** The seeded editor's email, whose session posts. */
  editorEmail: string
}

export interface LiveReport {
  readers: number
  updates: number
  polls: number
  /**
   * Poll answers by status: 200 with news, 204 (empty) with nothing new, 304 when the reader's
   * ETag for that cursor still matches.
   */
  statuses: Record<string, number>
  /** Polls answered with no body (204 or 304): what a poll with nothing new costs. */
  emptyPolls: number
  /** Poll answers by how the edge served them (x-cache): HIT, MISS. */
  cache: Record<string, number>
  errors: number
  /** Posts the desk could not make, with the answer's status and message. */
  postErrors: string[]
  pollP50Ms: number
  pollP99Ms: number
  /** Every DB round trip in the run (posts included), divided by the updates posted. */
  roundTripsPerUpdate: number
  /** From the editor's post to the first reader poll that carried the update. */
  firstSeenP50Ms: number
  firstSeenMaxMs: number
  /** Updates no reader saw before the run ended. */
  unseen: number
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

async function pipelines(dbUrl: string): Promise<number> {
  const response = await fetch(`${dbUrl}/stats`)
  return ((await response.json()) as { pipelines: number }).pipelines
}

/** A session for the editor, made in the database as `npm run user:create` users would sign in. */
async function editorSession(options: LiveOptions) {
  const client = openClient(options.dbUrl)
  try {
    const db = createDb(client)
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, options.editorEmail))
    const [article] = await db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.slug, LIVE_SEED_SLUG))
    if (!user || !article) throw new Error('the seed has no editor or no live article')
    const session = await issueSession(db, user.id, new Date(), 3_600_000)
    const cookie = `${sessionCookieFor(options.origin).name}=${session.token}`
    return { articleId: article.id, cookie, csrf: session.csrfToken }
  } finally {
    client.close()
  }
}

/**
 * At most `limit` requests in flight. Readers reach a data centre over connections it reuses; a
 * thousand sockets to one local wrangler dev measure its proxy, not the Worker.
 */
function createGate(limit: number) {
  let active = 0
  const waiting: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}

const UPDATE_ID = /id="update-(\d+)"/g
const CURSOR = /data-live-poll="(\d+)"/

export async function measureLive(options: LiveOptions): Promise<LiveReport> {
  const { origin, readers, seconds } = options
  const { articleId, cookie, csrf } = await editorSession(options)
  const firstSeen = new Map<number, number>()
  const postedAt = new Map<number, number>()
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  const cache: Record<string, number> = {}
  let errors = 0
  const postErrors: string[] = []
  let running = true
  const gate = createGate(options.connections)

  async function read(startCursor: number) {
    let cursor = startCursor
    const etags = new Map<string, string>()
    await sleep(Math.random() * options.pollEverySeconds * 1000)
    while (running) {
      const due = performance.now()
      const url = `${origin}/fragments/articles/${articleId}/live?after=${cursor}`
      await gate(async () => {
        const started = performance.now()
        try {
          const etag = etags.get(url)
          const headers: Record<string, string> = { 'HX-Request': 'true' }
          if (etag) headers['If-None-Match'] = etag
          // A poll that takes longer than its interval counts as an error, so an overloaded run ends.
          const signal = AbortSignal.timeout(options.pollEverySeconds * 1000)
          const response = await fetch(url, { headers, signal })
          const body = await response.text()
          latencies.push(performance.now() - started)
          statuses[response.status] = (statuses[response.status] ?? 0) + 1
          const served = response.headers.get('x-cache') ?? 'none'
          cache[served] = (cache[served] ?? 0) + 1
          if (![200, 204, 304].includes(response.status)) errors++
          // As a browser's HTTP cache does (max-age=0), the reader revalidates what it was last given.
          const validator = response.headers.get('etag')
          if (validator && response.status !== 304) etags.set(url, validator)
          if (response.status === 200) {
            for (const [, id] of body.matchAll(UPDATE_ID)) {
              if (!firstSeen.has(Number(id))) firstSeen.set(Number(id), Date.now())
            }
            cursor = Number(CURSOR.exec(body)?.[1] ?? cursor)
          }
        } catch {
          errors++
        }
      })
      await sleep(Math.max(0, due + options.pollEverySeconds * 1000 - performance.now()))
    }
  }

  async function post(index: number) {
    const started = Date.now()
    return postAt(index, started).catch((error: Error) => {
      postErrors.push(error.message)
    })
  }

  async function postAt(index: number, started: number) {
    const response = await fetch(`${origin}/editor/live/${articleId}/updates`, {
      method: 'POST',
      headers: {
        Cookie: cookie,
        Origin: origin,
        'HX-Request': 'true',
        'X-CSRF-Token': csrf,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ body: `Bench update ${index}: the situation develops.` }),
      signal: AbortSignal.timeout(30_000),
    })
    const body = await response.text()
    if (response.status !== 200) {
      const message = body
        .replace(/<[^>]+>|\s+/g, ' ')
        .trim()
        .slice(0, 120)
      postErrors.push(`${response.status}: ${message}`)
      return
    }
    const id = Number(/id="desk-update-(\d+)"/.exec(body)?.[1])
    postedAt.set(id, started)
  }

  // Readers start from the page's cursor, as a fresh page load gives it.
  const page = await (await fetch(`${origin}/news/${LIVE_SEED_SLUG}`)).text()
  const startCursor = Number(CURSOR.exec(page)?.[1] ?? 0)
  const before = await pipelines(options.dbUrl)
  const crowd = Array.from({ length: readers }, () => read(startCursor))
  const updates = Math.floor(seconds / options.postEverySeconds)
  // On a fixed schedule, as an editor posts whether or not the last post has come back yet.
  const posts = Array.from({ length: updates }, (_, index) =>
    sleep((index + 1) * options.postEverySeconds * 1000).then(() => post(index)),
  )
  await Promise.all(posts)
  // One more poll interval, so the last update can reach the readers.
  await sleep((options.pollEverySeconds + 2) * 1000)
  running = false
  await Promise.all(crowd)
  const roundTrips = (await pipelines(options.dbUrl)) - before

  const delays = [...postedAt]
    .filter(([id]) => firstSeen.has(id))
    .map(([id, at]) => (firstSeen.get(id) as number) - at)
    .sort((a, b) => a - b)
  latencies.sort((a, b) => a - b)
  return {
    readers,
    updates,
    polls: latencies.length,
    statuses,
    emptyPolls: (statuses[204] ?? 0) + (statuses[304] ?? 0),
    cache,
    errors,
    postErrors,
    pollP50Ms: percentile(latencies, 50),
    pollP99Ms: percentile(latencies, 99),
    roundTripsPerUpdate: Math.round((roundTrips / Math.max(1, updates)) * 10) / 10,
    firstSeenP50Ms: percentile(delays, 50),
    firstSeenMaxMs: delays.at(-1) ?? 0,
    unseen: postedAt.size - delays.length,
  }
}

/** The issue's budgets: a handful of round trips per update, the poll interval plus 2 s, no errors. */
export function judgeLive(report: LiveReport, pollEverySeconds: number): string[] {
  const failures: string[] = []
  if (report.roundTripsPerUpdate > 10)
    failures.push(`${report.roundTripsPerUpdate} round trips per update (budget 10)`)
  if (report.firstSeenMaxMs > (pollEverySeconds + 2) * 1000)
    failures.push(`an update took ${report.firstSeenMaxMs} ms to be seen`)
  if (report.errors > 0 || report.unseen > 0 || report.postErrors.length > 0)
    failures.push(`${report.errors} errors, ${report.unseen} updates unseen`)
  return failures
}

/**
 * The scenario on a stack of its own, with its budgets: `npm run bench -- --live [--quick]
 * [--readers N] [--seconds S] [--connections C]`. Resolves to the process exit code.
 */
export async function runLiveBench(argv: string[]): Promise<number> {
  const flag = (name: string): string | undefined => {
    const index = argv.indexOf(name)
    return index === -1 ? undefined : argv[index + 1]
  }
  const quick = argv.includes('--quick')
  const editor = { email: 'editor@bulletin.local', password: 'bench-live-editor-password' }
  const stack = await startIsolatedStack('bench-live', {})
  try {
    await stack.waitUntilReady()
    const pollEverySeconds = 15
    const report = await measureLive({
      origin: stack.origin,
      dbUrl: stack.dbUrl,
      readers: Number(flag('--readers') ?? (quick ? 200 : 1000)),
      seconds: Number(flag('--seconds') ?? (quick ? 30 : 120)),
      postEverySeconds: 10,
      pollEverySeconds,
      connections: Number(flag('--connections') ?? 64),
      editorEmail: editor.email,
    })
    console.log(JSON.stringify(report, null, 2))
    const failures = judgeLive(report, pollEverySeconds)
    for (const failure of failures) console.error(`live budget missed: ${failure}`)
    return failures.length > 0 ? 1 : 0
  } catch (error) {
    console.error(`wrangler said:\n${stack.output().slice(-3000)}`)
    throw error
  } finally {
    await stack.cleanUp()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runLiveBench(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
