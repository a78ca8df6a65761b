// Trending: how day buckets stand in for the last 24 hours, and how the job caps what a story gains.
import { asc, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../src/db/client'
import { TRENDING_LIMIT, trendingQuery } from '../../../src/db/queries/trending'
import { recordView } from '../../../src/db/queries/views'
import { articles, articleViews, trendingArticles } from '../../../src/db/schema'
import { meanDecay, refreshTrending, trendingWeights } from '../../../src/services/trending'
import { addArticle, addCategory, freshDb } from '../db/fresh-db'

const HOUR = 3_600_000

describe('trending weights', () => {
  it('weighs views evenly spread over an age range by their mean decay', () => {
    expect(meanDecay(0, 0, 12 * HOUR)).toBe(1)
    expect(meanDecay(12 * HOUR, 12 * HOUR, 12 * HOUR)).toBe(0.5)
    // ∫₀¹² 2^(-a/12) da / 12 = (1 - ½) / ln 2
    expect(meanDecay(0, 12 * HOUR, 12 * HOUR)).toBeCloseTo(0.5 / Math.LN2, 10)
  })

  it('at noon counts today in full and the later half of yesterday, older views weighing less', () => {
    const weights = trendingWeights(new Date('2026-11-20T12:00:00Z'), 12)
    expect(weights.today).toBe('2026-11-20')
    expect(weights.yesterday).toBe('2026-11-19')
    expect(weights.todayWeight).toBeCloseTo(0.5 / Math.LN2, 10)
    // Half of yesterday is in the window, at ages 12 to 24 hours: ½ × (½ − ¼) / ln 2.
    expect(weights.yesterdayWeight).toBeCloseTo(0.5 * (0.25 / Math.LN2), 10)
  })

  it('at midnight leans on yesterday, and just before the next midnight almost ignores it', () => {
    const midnight = trendingWeights(new Date('2026-11-20T00:00:00Z'), 12)
    expect(midnight.todayWeight).toBe(1)
    expect(midnight.yesterdayWeight).toBeCloseTo(0.75 / (2 * Math.LN2), 10)
    const late = trendingWeights(new Date('2026-11-20T23:59:00Z'), 12)
    expect(late.yesterdayWeight).toBeLessThan(0.001)
  })

  it('ranks a story read now above one read as much a day ago', () => {
    const weights = trendingWeights(new Date('2026-11-20T09:30:00Z'))
    const fresh = 100 * weights.todayWeight
    const stale = 100 * weights.yesterdayWeight
    expect(fresh).toBeGreaterThan(stale)
    expect(weights.todayWeight).toBeLessThanOrEqual(1)
    expect(weights.yesterdayWeight).toBeGreaterThan(0)
  })
})

const MINUTE = 60_000
/** Two o'clock UTC: today's bucket carries most of the weight, yesterday's little. */
const START = new Date('2026-11-20T14:00:00Z').getTime()
const noPurge = async () => ({ paths: [], tags: [], deleted: 0, failures: [] })

/** A run of the trending job, `minutes` after START. */
function runTrending(db: Db, minutes: number) {
  return refreshTrending({ db, now: new Date(START + minutes * MINUTE), purge: noPurge })
}

/** `count` beacons for one story, each from an address of its own, `minutes` after START. */
async function sendBeacons(db: Db, articleId: number, count: number, minutes: number, from = 0) {
  const now = new Date(START + minutes * MINUTE)
  for (let i = from; i < from + count; i++) {
    await recordView(db, { articleId, readerHash: `reader-${articleId}-${i}`, now })
  }
}

async function viewsToday(db: Db, articleId: number) {
  const [row] = await db
    .select({ count: articleViews.count })
    .from(articleViews)
    .where(eq(articleViews.articleId, articleId))
  return row?.count ?? 0
}

async function ranking(db: Db) {
  const rows = await db.select().from(trendingArticles).orderBy(asc(trendingArticles.rank))
  return rows.map((row) => row.articleId)
}

/**
 * A fresh database with a popular and a cold story. Thousands of beacons are sent one by one, so
 * commits skip the disk sync: durability is not what these tests are about.
 */
async function twoStories() {
  const db = await freshDb()
  await db.run(sql`pragma journal_mode = memory`)
  await db.run(sql`pragma synchronous = off`)
  const category = await addCategory(db, 'world')
  const published = START - 3 * 3_600_000
  return {
    db,
    popular: await addArticle(db, {
      slug: 'popular',
      categoryId: category,
      publishedAt: published,
    }),
    cold: await addArticle(db, { slug: 'cold', categoryId: category, publishedAt: published - 1 }),
  }
}

describe('refreshTrending: the cap on what one story gains per run', () => {
  it('admits every view of a story growing at its usual pace, and nothing twice', async () => {
    const { db, popular } = await twoStories()
    await sendBeacons(db, popular, 40, 1)
    expect(await runTrending(db, 5)).toMatchObject({ viewsAdmitted: 40, viewsDropped: 0 })
    // Last run it gained 40, so it may gain up to 80 now.
    await sendBeacons(db, popular, 75, 6, 40)
    expect(await runTrending(db, 10)).toMatchObject({ viewsAdmitted: 75, viewsDropped: 0 })
    expect(await runTrending(db, 15)).toMatchObject({ viewsAdmitted: 0, viewsDropped: 0 })
    expect(await viewsToday(db, popular)).toBe(115)
  })

  it('lets a story with no history gain 50 views in a run, then at most double what it gained', {
    timeout: 60_000,
  }, async () => {
    const { db, cold } = await twoStories()
    const gains: number[] = []
    for (let run = 1; run <= 3; run++) {
      await sendBeacons(db, cold, 250, run * 5 - 4, run * 250)
      gains.push((await runTrending(db, run * 5)).viewsAdmitted)
    }
    expect(gains).toEqual([50, 100, 200])
    // A quiet run ends the history: the next burst starts from 50 again.
    await runTrending(db, 20)
    await sendBeacons(db, cold, 100, 21, 5000)
    expect((await runTrending(db, 25)).viewsAdmitted).toBe(50)
    expect(await viewsToday(db, cold)).toBe(400)
  })

  it('keeps 7,000 beacons from rotating addresses from pushing a cold story past a popular one', async () => {
    const { db, popular, cold } = await twoStories()
    // The popular story was read 400 times this morning, and keeps being read.
    await db.insert(articleViews).values({ articleId: popular, day: '2026-11-20', count: 400 })
    await sendBeacons(db, popular, 35, 1)
    await runTrending(db, 5)
    await sendBeacons(db, popular, 40, 6, 35)
    await sendBeacons(db, cold, 7000, 6)
    const counts = await runTrending(db, 10)
    expect(await ranking(db)).toEqual([popular, cold])
    expect(await viewsToday(db, cold)).toBe(50)
    expect(await viewsToday(db, popular)).toBe(475)
    expect(counts).toMatchObject({ viewsAdmitted: 40 + 50, viewsDropped: 7000 - 50 })
  }, 180_000)
})

describe('refreshTrending: one list per edition', () => {
  /** Six English stories read more than an Arabic one, which its edition still shows as hot. */
  async function editionsRead() {
    const db = await freshDb()
    const category = await addCategory(db, 'world')
    const published = START - 3 * 3_600_000
    const english: number[] = []
    for (let i = 0; i < 6; i++) {
      english.push(
        await addArticle(db, { slug: `en-${i}`, categoryId: category, publishedAt: published - i }),
      )
    }
    const arabic = await addArticle(db, {
      slug: 'ar-0',
      categoryId: category,
      publishedAt: published,
    })
    await db.update(articles).set({ language: 'ar' }).where(eq(articles.id, arabic))
    await db
      .insert(articleViews)
      .values([
        ...english.map((articleId, i) => ({ articleId, day: '2026-11-20', count: 100 - i })),
        { articleId: arabic, day: '2026-11-20', count: 10 },
      ])
    return { db, english, arabic }
  }

  it('gives an edition read less than another its own hot stories, and keeps the site-wide order', async () => {
    const { db, english, arabic } = await editionsRead()
    const now = new Date(START + 5 * MINUTE)
    await refreshTrending({ db, now, purge: noPurge, editions: ['en', 'ar'] })
    const ids = async (edition?: string) =>
      (await trendingQuery(db, TRENDING_LIMIT, edition)).map((story) => story.id)
    expect(await ids('ar')).toEqual([arabic])
    expect(await ids('en')).toEqual(english.slice(0, TRENDING_LIMIT))
    expect(await ids()).toEqual(english.slice(0, TRENDING_LIMIT))
  })
})
