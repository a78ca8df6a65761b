// The beacon's deduplicated view count, trending reads and nightly pruning, against a real libSQL file.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { pruneExpiredRows } from '../../../../src/db/queries/prune'
import { loadTrendingWork } from '../../../../src/db/queries/trending-work'
import { PENDING_VIEWS, recordView } from '../../../../src/db/queries/views'
import { articleViews, rateLimits, sessions, users } from '../../../../src/db/schema'
import { addArticle, addCategory, freshDb } from '../fresh-db'

const MINUTE = 60_000
const DAY = 86_400_000
const NOW = new Date('2026-11-20T12:00:00Z')

/** Views the beacon counted that wait for the trending job to admit them. */
async function pendingViews(db: Awaited<ReturnType<typeof freshDb>>, articleId: number) {
  const rows = await db
    .select()
    .from(rateLimits)
    .where(eq(rateLimits.key, `${PENDING_VIEWS}${articleId}`))
  return rows.reduce((sum, row) => sum + row.count, 0)
}

const NO_CAP = { now: NOW, floor: 1_000_000, growth: 1, historyMs: MINUTE }

describe('recordView', () => {
  it('counts one view per reader and article in 30 minutes, sliding from the last counted one', async () => {
    const db = await freshDb()
    const id = await addArticle(db, {
      slug: 'a',
      categoryId: await addCategory(db, 'w'),
      publishedAt: 0,
    })
    const view = (readerHash: string, minutes: number) =>
      recordView(db, { articleId: id, readerHash, now: new Date(NOW.getTime() + minutes * MINUTE) })
    expect(await view('reader-1', 0)).toBe('counted')
    expect(await view('reader-1', 29)).toBe('repeat')
    expect(await view('reader-2', 29)).toBe('counted')
    expect(await view('reader-1', 30)).toBe('counted')
    expect(await view('reader-1', 45)).toBe('repeat')
    expect(await pendingViews(db, id)).toBe(3)
    expect(await db.select().from(articleViews)).toEqual([])
  })

  it('counts nothing for a draft or an unknown article', async () => {
    const db = await freshDb()
    const category = await addCategory(db, 'w')
    const draft = await addArticle(db, {
      slug: 'd',
      categoryId: category,
      status: 'draft',
      publishedAt: 0,
    })
    expect(await recordView(db, { articleId: draft, readerHash: 'r', now: NOW })).toBe('not-found')
    expect(await recordView(db, { articleId: 999, readerHash: 'r', now: NOW })).toBe('not-found')
    expect(await pendingViews(db, draft)).toBe(0)
    expect(await db.select().from(rateLimits)).toEqual([])
  })
})

describe('loadTrendingWork', () => {
  it('weighs the two buckets, keeps published stories only, and breaks ties by newer first', async () => {
    const db = await freshDb()
    const category = await addCategory(db, 'w')
    const add = (slug: string, publishedAt: number, status: 'published' | 'draft' = 'published') =>
      addArticle(db, { slug, categoryId: category, publishedAt, status })
    const [old, fresh, twin, draft, ancient] = [
      await add('old', 1),
      await add('fresh', 2),
      await add('twin', 3),
      await add('draft', 4, 'draft'),
      await add('ancient', 5),
    ]
    await db.insert(articleViews).values([
      { articleId: old, day: '2026-11-19', count: 100 },
      { articleId: fresh, day: '2026-11-20', count: 30 },
      { articleId: twin, day: '2026-11-20', count: 30 },
      { articleId: draft, day: '2026-11-20', count: 900 },
      { articleId: ancient, day: '2026-11-18', count: 900 },
    ])
    const weights = {
      today: '2026-11-20',
      yesterday: '2026-11-19',
      todayWeight: 1,
      yesterdayWeight: 0.25,
    }
    const { next, current, views } = await loadTrendingWork(db, {
      admission: NO_CAP,
      weights,
      limit: 10,
    })
    expect(views).toEqual({ articles: 0, offered: 0, admitted: 0 })
    expect(next).toEqual([
      { articleId: twin, score: 30 },
      { articleId: fresh, score: 30 },
      { articleId: old, score: 25 },
    ])
    expect(current).toEqual([])
    const two = await loadTrendingWork(db, { admission: NO_CAP, weights, limit: 2 })
    expect(two.next).toHaveLength(2)
  })
})

describe('pruneExpiredRows', () => {
  it('deletes view buckets past retention, ended rate-limit windows and expired sessions', async () => {
    const db = await freshDb()
    const id = await addArticle(db, {
      slug: 'a',
      categoryId: await addCategory(db, 'w'),
      publishedAt: 0,
    })
    const day = (ago: number) => new Date(NOW.getTime() - ago * DAY).toISOString().slice(0, 10)
    await db
      .insert(articleViews)
      .values([0, 29, 30, 45].map((ago) => ({ articleId: id, day: day(ago), count: 1 })))
    await db.insert(rateLimits).values([
      { key: 'gone', windowStart: 0, count: 1, expiresAt: NOW.getTime() - 1 },
      { key: 'open', windowStart: 0, count: 1, expiresAt: NOW.getTime() + MINUTE },
    ])
    const [user] = await db
      .insert(users)
      .values({ email: 'e@example.com', name: 'E', role: 'editor', passwordHash: 'x' })
      .returning()
    const session = (tokenHash: string, expiresAt: number) => ({
      tokenHash,
      userId: user?.id as number,
      csrfToken: 'c',
      expiresAt: new Date(expiresAt),
      lastSeenAt: NOW,
    })
    await db
      .insert(sessions)
      .values([session('old', NOW.getTime() - 1), session('live', NOW.getTime() + DAY)])

    expect(await pruneExpiredRows(db, NOW, 30)).toEqual({ views: 2, rateLimits: 1, sessions: 1 })
    const kept = await db.select({ day: articleViews.day }).from(articleViews)
    expect(kept.map((row) => row.day).sort()).toEqual([day(29), day(0)])
    expect((await db.select().from(rateLimits)).map((row) => row.key)).toEqual(['open'])
    expect((await db.select().from(sessions)).map((row) => row.tokenHash)).toEqual(['live'])
    expect(await pruneExpiredRows(db, NOW, 30)).toEqual({ views: 0, rateLimits: 0, sessions: 0 })
  })
})
