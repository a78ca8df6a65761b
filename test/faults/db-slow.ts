// The database is slow: requests end at DB_TIMEOUT_MS instead of hanging, and cached copies are served.
import {
  type FaultContext,
  isClearUnavailable,
  keptCommentText,
  publishedArticles,
  uniqueWord,
  waitFor,
} from './context'
import { postComment, send } from './http'

/**
 * A stale copy (x-cache: STALE) is not checked here: the fresh copy of an article lasts its
 * s-maxage (an hour), so it never runs out within a run. The stale fallback is covered by
 * test/worker/edge-cache.test.ts with a cache of its own.
 */
export async function slowDatabase(ctx: FaultContext): Promise<void> {
  const { origin, db, store, checks, log, dbTimeoutMs } = ctx
  const [article] = await publishedArticles(store, 1, 5)
  if (!article) throw new Error('the seed has no published articles')
  const hitPath = `/news/${article.slug}`
  await send(`${origin}${hitPath}`)
  await waitFor(
    async () => (await send(`${origin}${hitPath}`)).headers.get('x-cache') === 'HIT',
    5000,
  )

  const delayMs = dbTimeoutMs * 4
  await db.control({ delayMs })
  log(`db-server answers every round trip after ${delayMs} ms; DB_TIMEOUT_MS is ${dbTimeoutMs}`)
  // A bound: one round trip's timeout, plus the Worker's and wrangler's own time.
  const bound = dbTimeoutMs + 1500

  const hit = await send(`${origin}${hitPath}`)
  checks.expect(
    'a cached page is served at once',
    hit.status === 200 && hit.headers.get('x-cache') === 'HIT' && hit.ms < 1000,
    `status ${hit.status}, x-cache ${hit.headers.get('x-cache')}, ${hit.ms} ms`,
  )
  const page = await send(`${origin}/search?q=${uniqueWord()}`)
  checks.expect(
    'a page never cached gets a 503 with Retry-After at the bound, not a hang',
    isClearUnavailable(page) && page.ms >= dbTimeoutMs - 100 && page.ms < bound,
    `status ${page.status}, ${page.ms} ms (bound ${bound} ms)`,
  )
  const typed = { author_name: 'Slow reader', body: `Typed while the db was slow ${uniqueWord()}` }
  const post = await postComment(origin, article.id, typed, { ip: '10.78.0.1' })
  checks.expect(
    'a comment post gets a 503 with the text kept, at the bound',
    isClearUnavailable(post) && keptCommentText(post) === typed.body && post.ms < bound,
    `status ${post.status}, ${post.ms} ms, text kept: ${keptCommentText(post) === typed.body}`,
  )

  await db.control({ delayMs: 0 })
  const fresh = await send(`${origin}/search?q=${uniqueWord()}`)
  checks.expect('pages render again once the database is quick', fresh.status === 200)
  const again = await postComment(origin, article.id, typed, { ip: '10.78.0.2' })
  checks.expect('a comment post succeeds again', again.status === 303, `status ${again.status}`)
}
