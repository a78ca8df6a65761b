// Cron against the test database: due articles go live and are purged; related lists fill, idempotently.

import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { asc, eq, inArray } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { articles, articleTags, relatedArticles, tags } from '../../src/db/schema'
import { createPageCache } from '../../src/edge/page-cache'
import worker from '../../src/index'
import { CRON_EVERY_FIVE_MINUTES, CRON_NIGHTLY } from '../../src/jobs'
import { continueRelatedRefresh } from '../../src/jobs/related-full'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, ORIGIN, request, requestThroughWorker } from './helpers'
import { jobRow, outcomeOf, runCron, WHOLE_SITE } from './scheduled'

const REFERENCE_SLUG = 'kremlin-first-putin-macron-conversation-since-2022'
const MINUTE = 60_000

async function relatedRows(articleId: number) {
  return testDb()
    .select()
    .from(relatedArticles)
    .where(eq(relatedArticles.articleId, articleId))
    .orderBy(asc(relatedArticles.rank))
}

async function relatedSlugsOnPage(slug: string) {
  const page = await html(await request(`/news/${slug}`))
  return page
    .querySelectorAll('#related-heading ~ ol li a')
    .map((link) => link.getAttribute('href'))
    .filter((href, i, all) => all.indexOf(href) === i)
}

/** Home as the edge cache holds it; the store runs in waitUntil, so it may take a moment. */
async function cachedHome() {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await requestThroughWorker('/')
    if (response.headers.get('x-cache') === 'HIT') return response
    await response.body?.cancel()
    await new Promise((done) => setTimeout(done, 25))
  }
  throw new Error('home never came from the edge cache')
}

/** Three stories sharing a new tag and a rare word, plus one in another section sharing nothing. */
async function storyCluster() {
  const suffix = uniqueSuffix()
  const word = `zq${suffix}`
  const now = new Date()
  const story = (title: string, hoursAgo: number, categorySlug = 'international-news') =>
    insertArticle({
      title,
      summary: `Talks on the ${word} corridor.`,
      categorySlug,
      publishedAt: new Date(now.getTime() - hoursAgo * 3_600_000),
      updatedAt: now,
    })
  const lead = await story(`Harbour ${word} reopens`, 1)
  const sequel = await story(`Harbour ${word} traffic returns`, 2)
  const background = await story(`Why the ${word} harbour closed`, 30)
  const other = await insertArticle({ title: `Cup final ${suffix}`, categorySlug: 'sports' })
  const [tag] = await testDb()
    .insert(tags)
    .values({ slug: `harbour-${suffix}`, name: `Harbour ${suffix}` })
    .returning()
  await testDb()
    .insert(articleTags)
    .values(
      [lead, sequel, background].map((article) => ({
        articleId: article.id,
        tagId: tag?.id as number,
      })),
    )
  return { lead, sequel, background, other, tagName: tag?.name as string }
}

// Relating every seeded article for the first time is the slow part; do it once, before the tests.
beforeAll(() => runCron({ env: WHOLE_SITE }))

describe('the 5-minute cron', () => {
  it("publishes a due article through the Worker's scheduled handler, purges home, and home shows it", async () => {
    const title = `Scheduled story ${uniqueSuffix()}`
    const due = await insertArticle({
      title,
      status: 'scheduled',
      publishedAt: new Date(Date.now() - MINUTE),
      updatedAt: new Date(Date.now() - 10 * MINUTE),
    })
    const cached = await cachedHome()
    expect(cached.headers.get('x-cache')).toBe('HIT')
    expect(await cached.text()).not.toContain(title)

    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController({ cron: CRON_EVERY_FIVE_MINUTES }), env, ctx)
    await waitOnExecutionContext(ctx)

    const [stored] = await testDb().select().from(articles).where(eq(articles.id, due.id))
    expect(stored?.status).toBe('published')
    const home = await requestThroughWorker('/')
    expect(home.headers.get('x-cache')).toBe('MISS')
    const titles = (await html(home)).querySelectorAll('.card__title').map((h) => h.text.trim())
    expect(titles).toContain(title)
    expect((await jobRow('publish-scheduled'))?.status).toBe('ok')
  })

  it('fills the lists of changed articles and their tag neighbours, with reasons, and purges their pages', async () => {
    const { lead, sequel, background, other, tagName } = await storyCluster()
    const cache = createPageCache(await caches.open(`cron-${uniqueSuffix()}`))
    const ctx = createExecutionContext()
    await createApp({ openCache: async () => cache }).fetch(
      new Request(`${ORIGIN}/news/${lead.slug}`),
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(await cache.match(`${ORIGIN}/news/${lead.slug}`)).toBeDefined()

    const outcomes = await runCron({ env: WHOLE_SITE, openCache: async () => cache })
    expect(outcomeOf(outcomes, 'related-changes').status).toBe('ok')
    expect(await cache.match(`${ORIGIN}/news/${lead.slug}`)).toBeUndefined()

    const leadList = await relatedRows(lead.id)
    expect(leadList.slice(0, 2).map((row) => row.relatedId)).toEqual([sequel.id, background.id])
    expect(leadList.map((row) => row.relatedId)).not.toContain(other.id)
    expect(leadList.map((row) => row.relatedId)).not.toContain(lead.id)
    expect(leadList[0]?.reason).toMatch(new RegExp(`^1 shared tag: ${tagName} · same section · `))
    expect(leadList.length).toBeLessThanOrEqual(6)
    expect((await relatedRows(background.id))[0]?.relatedId).toBe(lead.id)

    const shown = await relatedSlugsOnPage(lead.slug)
    expect(shown.slice(0, 2)).toEqual([`/news/${sequel.slug}`, `/news/${background.slug}`])
  })

  it('keeps related news within an edition, even for stories sharing a tag and a section', async () => {
    const { lead, sequel, background } = await storyCluster()
    const [leadTag] = await testDb()
      .select({ tagId: articleTags.tagId })
      .from(articleTags)
      .where(eq(articleTags.articleId, lead.id))
    // Published between the lead and its sequel, in their section, carrying their tag.
    const arabic = await insertArticle({
      title: `ميناء ${uniqueSuffix()} يعود إلى العمل`,
      language: 'ar',
      publishedAt: new Date(Date.now() - 1.5 * 3_600_000),
    })
    await testDb()
      .insert(articleTags)
      .values({ articleId: arabic.id, tagId: leadTag?.tagId as number })

    await runCron({ env: WHOLE_SITE })
    const leadList = (await relatedRows(lead.id)).map((row) => row.relatedId)
    expect(leadList.slice(0, 2)).toEqual([sequel.id, background.id])
    expect(leadList).not.toContain(arabic.id)
    const arabicList = (await relatedRows(arabic.id)).map((row) => row.relatedId)
    for (const english of [lead.id, sequel.id, background.id])
      expect(arabicList).not.toContain(english)
  })

  it('gives the seeded reference article a list of Russia, France, Ukraine and diplomacy stories', async () => {
    await runCron({ cron: CRON_NIGHTLY, env: WHOLE_SITE })
    const [reference] = await testDb()
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.slug, REFERENCE_SLUG))
    const list = await relatedRows(reference?.id as number)
    expect(list).toHaveLength(6)
    const related = await testDb()
      .select({ id: articles.id, title: articles.title })
      .from(articles)
      .where(
        inArray(
          articles.id,
          list.map((row) => row.relatedId),
        ),
      )
    const titles = list.map(
      (row) => related.find((story) => story.id === row.relatedId)?.title ?? '',
    )
    for (const title of titles)
      expect(title).toMatch(
        /Putin|Macron|Kremlin|Moscow|Paris|Russia|Ukraine|Kiev|Élysée|Lavrov|France|French/,
      )
    expect(titles.slice(0, 2).sort()).toEqual([
      'Kremlin Says No Date Set for Next Putin-Macron Contact',
      'Macron Defends Call With Putin as Allies Seek Details',
    ])
    for (const row of list)
      expect(row.reason).toMatch(/shared tags?: .*(France|Macron|Putin|Russia)/)
    expect(await relatedSlugsOnPage(REFERENCE_SLUG)).toHaveLength(6)
  })

  it('changes nothing when run again: the same lists, untouched rows, nothing written', async () => {
    const { lead, sequel } = await storyCluster()
    const scheduledTime = Date.now()
    await runCron({ env: WHOLE_SITE, scheduledTime })
    const before = [...(await relatedRows(lead.id)), ...(await relatedRows(sequel.id))]
    const cursor = (await jobRow('related-changes'))?.cursor

    const again = await runCron({ env: WHOLE_SITE, scheduledTime })
    expect(again.map((outcome) => outcome.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok'])
    expect(outcomeOf(again, 'publish-scheduled').counts).toMatchObject({ published: 0 })
    expect(outcomeOf(again, 'related-changes').counts).toMatchObject({ written: 0, changed: 0 })
    expect(outcomeOf(again, 'trending').counts).toMatchObject({ written: 0 })
    expect([...(await relatedRows(lead.id)), ...(await relatedRows(sequel.id))]).toEqual(before)
    expect((await jobRow('related-changes'))?.cursor).toBe(cursor)

    // A whole recomputation of every list, done twice, writes nothing the second time either.
    await runCron({ cron: CRON_NIGHTLY, env: WHOLE_SITE, scheduledTime })
    const full = await runCron({ cron: CRON_NIGHTLY, env: WHOLE_SITE, scheduledTime })
    expect(outcomeOf(full, 'related-full').counts).toMatchObject({ written: 0, passDone: 1 })
    expect([...(await relatedRows(lead.id)), ...(await relatedRows(sequel.id))]).toEqual(before)
  })
})

describe('the nightly full refresh', () => {
  it('works through every list in bounded chunks, resuming from its cursor on 5-minute runs', async () => {
    // Chunks of 20, CHUNKS_PER_RUN (5) of them a run: 100 lists a run.
    const budget = { RELATED_BATCH_SIZE: '20' }
    const first = outcomeOf(await runCron({ cron: CRON_NIGHTLY, env: budget }), 'related-full')
    expect(first.counts).toMatchObject({ recomputed: 100, chunks: 5, passDone: 0 })
    const cursors = [(await jobRow('related-full'))?.cursor]
    for (let run = 0; run < 20 && cursors.at(-1) !== null; run++) {
      const [outcome] = await runCron({ jobs: [continueRelatedRefresh], env: budget })
      expect(outcome?.counts?.recomputed).toBeLessThanOrEqual(100)
      cursors.push((await jobRow('related-full'))?.cursor ?? null)
    }
    expect(cursors.at(-1)).toBeNull()
    const ids = cursors
      .slice(0, -1)
      .map((cursor) => Number(/^after:(\d+)$/.exec(cursor ?? '')?.[1]))
    expect(ids.every((id, i) => id > (ids[i - 1] ?? 0))).toBe(true)
    // With no pass under way, the 5-minute run only looks.
    const [idle] = await runCron({ jobs: [continueRelatedRefresh], env: budget })
    expect(idle?.counts).toEqual({ idle: 1 })
  })
})
