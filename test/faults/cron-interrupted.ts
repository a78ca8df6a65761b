// A cron run is cut off halfway: the next run finishes the work, publishing nothing twice and losing none.
import { setTimeout as sleep } from 'node:timers/promises'
import { and, count, eq, inArray } from 'drizzle-orm'
import { articles, categories, jobs, relatedArticles } from '../../src/db/schema'
import { renderMarkdown } from '../../src/services/markdown'
import { type FaultContext, uniqueWord, waitFor } from './context'
import { runCron, send } from './http'

const JOB = 'publish-scheduled'
const STORIES = 3

/** Scheduled stories that fell due a minute ago, written straight to the file as an editor's would be. */
async function insertDueStories(ctx: FaultContext) {
  const [section] = await ctx.store
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.slug, 'international-news'))
  if (!section) throw new Error('the seed has no international-news section')
  const due = new Date(Date.now() - 60_000)
  const word = uniqueWord()
  const rows = Array.from({ length: STORIES }, (_, i) => {
    const bodyMd = `A scheduled story about ${word}, number ${i + 1}.`
    return {
      slug: `cron-${word}-${i + 1}`,
      title: `Scheduled story ${i + 1} about ${word}`,
      summary: `Summary ${i + 1} of ${word}`,
      bodyMd,
      bodyHtml: renderMarkdown(bodyMd),
      categoryId: section.id,
      byline: 'By Fault Desk',
      status: 'scheduled' as const,
      publishedAt: due,
      updatedAt: due,
    }
  })
  const stories = await ctx.store
    .insert(articles)
    .values(rows)
    .returning({ id: articles.id, slug: articles.slug })
  return { stories, due }
}

async function jobRow(ctx: FaultContext) {
  const [row] = await ctx.store.select().from(jobs).where(eq(jobs.name, JOB))
  return row
}

export async function interruptCron(ctx: FaultContext): Promise<void> {
  const { origin, db, store, checks, log } = ctx
  // The last lease from earlier runs (npm start's first tick, the other scenarios) must be over.
  await runCron(origin)
  const { stories, due } = await insertDueStories(ctx)
  const ids = stories.map((story) => story.id)
  const onHome = async () => {
    const home = await send(`${origin}/`)
    return { home, shown: stories.filter((story) => home.text.includes(story.slug)).length }
  }
  await onHome()
  const cached = await waitFor(async () => {
    const { home, shown } = await onHome()
    return home.headers.get('x-cache') === 'HIT' && shown === 0
  }, 5000)
  checks.expect('the home page is cached without the scheduled stories', Boolean(cached))

  // Every round trip waits, so the run can be cut right after the stories go live.
  await db.control({ delayMs: 700 })
  const firstRun = runCron(origin)
  const published = await waitFor(async () => {
    const [row] = await store
      .select({ n: count() })
      .from(articles)
      .where(and(inArray(articles.id, ids), eq(articles.status, 'published')))
    return (row?.n ?? 0) > 0
  }, 20_000)
  await db.control({ failing: true })
  log(
    `cut the cron run off ${published ? 'right after it published' : 'without seeing it publish'}`,
  )
  await firstRun
  await db.control({ failing: false, delayMs: 0 })
  const cut = await jobRow(ctx)
  checks.expect(
    'the first run was cut off halfway: stories went live, the run did not finish',
    Boolean(published) && cut?.status !== 'ok',
    `job status ${cut?.status}, cursor ${cut?.cursor}`,
  )

  // The cut run's lease is still held; cron runs every five minutes, long after it expires.
  const leaseLeft = (cut?.leaseUntil?.getTime() ?? 0) - Date.now()
  if (leaseLeft > 0 && ctx.quick) {
    // Quick mode moves the lease's end into the past instead: the same state, a minute sooner.
    log(`quick: expiring the cut run's lease (${Math.ceil(leaseLeft / 1000)} s left) by hand`)
    await store
      .update(jobs)
      .set({ leaseUntil: new Date(Date.now() - 1000) })
      .where(eq(jobs.name, JOB))
  } else if (leaseLeft > 0) {
    log(`waiting ${Math.ceil(leaseLeft / 1000)} s for the cut run's lease to expire`)
    await sleep(leaseLeft + 1000)
  }
  const second = await runCron(origin)
  const done = await jobRow(ctx)
  const counts = JSON.parse(done?.counts ?? '{}') as { recovered?: number }
  checks.expect(
    'the next run completes, purging what the cut run published',
    second.status === 200 && done?.status === 'ok' && counts.recovered === STORIES,
    `status ${done?.status}, counts ${done?.counts}, error ${done?.lastError ?? 'none'}`,
  )

  const rows = await store
    .select({ status: articles.status, publishedAt: articles.publishedAt })
    .from(articles)
    .where(inArray(articles.id, ids))
  checks.expect(
    'every story is published exactly once, at its scheduled time',
    rows.length === STORIES &&
      rows.every(
        (row) => row.status === 'published' && row.publishedAt?.getTime() === due.getTime(),
      ),
    rows.map((row) => `${row.status} at ${row.publishedAt?.toISOString()}`).join(', '),
  )
  const related = await store
    .select({ articleId: relatedArticles.articleId, relatedId: relatedArticles.relatedId })
    .from(relatedArticles)
    .where(inArray(relatedArticles.articleId, ids))
  const pairs = new Set(related.map((row) => `${row.articleId}:${row.relatedId}`))
  checks.expect('no related list holds a story twice', pairs.size === related.length)

  const { home, shown } = await onHome()
  checks.expect(
    'no publication is lost: the cached home page now shows every story',
    shown === STORIES,
    `${shown} of ${STORIES} shown, x-cache ${home.headers.get('x-cache')}`,
  )
  for (const story of stories) {
    const page = await send(`${origin}/news/${story.slug}`)
    checks.expect(`/news/${story.slug} is live`, page.status === 200, `status ${page.status}`)
  }
}
