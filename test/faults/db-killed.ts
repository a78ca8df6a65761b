// The database is killed under load: cached pages keep answering, the rest get a clear 503, all recovers.
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import { eq } from 'drizzle-orm'
import { comments } from '../../src/db/schema'
import {
  type FaultContext,
  isClearUnavailable,
  keptCommentText,
  publishedArticles,
  uniqueWord,
  waitFor,
} from './context'
import { postComment, send } from './http'

/** Load around the outage: the kill comes `KILL_AFTER_MS` in, the restart about four seconds later. */
const LOAD_SECONDS = { full: 10, quick: 7 }
const KILL_AFTER_MS = { full: 2000, quick: 1000 }

export async function killDatabaseUnderLoad(ctx: FaultContext): Promise<void> {
  const { origin, db, store, checks, log } = ctx
  const mode = ctx.quick ? 'quick' : 'full'
  const [cached, uncached] = await publishedArticles(store, 2, 3)
  if (!cached || !uncached) throw new Error('the seed has too few published articles')
  const cachedPaths = ['/', `/news/${cached.slug}`, '/category/international-news']
  for (const path of cachedPaths) await send(`${origin}${path}`)
  // The copies are stored in the background (waitUntil); a second read shows they are there.
  const warm = await waitFor(async () => {
    const answers = await Promise.all(cachedPaths.map((path) => send(`${origin}${path}`)))
    return answers.every((answer) => answer.headers.get('x-cache') === 'HIT')
  }, 5000)
  checks.expect('the pages under load are cached before the database dies', Boolean(warm))

  const seconds = LOAD_SECONDS[mode]
  log(`load: ${cachedPaths.join(', ')} for ${seconds} s at 8 connections; killing the db`)
  const load = autocannon({
    url: origin,
    connections: 8,
    duration: seconds,
    requests: cachedPaths.map((path) => ({ method: 'GET' as const, path })),
  })
  await sleep(KILL_AFTER_MS[mode])
  await db.kill()

  const page = await send(`${origin}/news/${uncached.slug}`)
  checks.expect(
    'an uncached page gets a 503 with Retry-After and no stack trace',
    isClearUnavailable(page),
    `status ${page.status}, Retry-After ${page.headers.get('retry-after')}, ${page.ms} ms`,
  )
  const word = uniqueWord()
  const typed = {
    author_name: 'Fault reader',
    body: `A comment typed while the db was down ${word}`,
  }
  for (const htmx of [false, true]) {
    const post = await postComment(origin, cached.id, typed, { htmx, ip: '10.77.0.1' })
    checks.expect(
      `a comment post ${htmx ? 'with' : 'without'} htmx gets a 503 with the text kept`,
      isClearUnavailable(post) && keptCommentText(post) === typed.body,
      `status ${post.status}, text kept: ${keptCommentText(post) === typed.body}`,
    )
  }
  const health = await send(`${origin}/healthz`)
  checks.expect('/healthz says the database is unreachable', health.status === 503)

  await sleep(2000)
  await db.start()
  const result = await load
  const failed = result.non2xx + result.errors + result.timeouts
  checks.expect(
    'every cached read under load succeeded while the database was dead',
    failed === 0 && result.requests.total > 0,
    `${result.requests.total} requests, ${failed} failed, p99 ${result.latency.p99} ms`,
  )

  // No restart of wrangler: the next request simply reaches the database again.
  const recovered = await waitFor(async () => {
    const answer = await send(`${origin}/news/${uncached.slug}`)
    return answer.status === 200 ? answer : undefined
  }, 10_000)
  checks.expect('the uncached page renders again once the database is back', Boolean(recovered))
  const post = await postComment(origin, cached.id, typed, { ip: '10.77.0.2' })
  checks.expect('a comment post succeeds again', post.status === 303, `status ${post.status}`)
  const stored = await store
    .select({ id: comments.id })
    .from(comments)
    .where(eq(comments.body, typed.body))
  checks.expect(
    'the refused posts stored nothing, the accepted one is stored once',
    stored.length === 1,
    `${stored.length} rows`,
  )
}
