// The beacon's deduplicated view count, trending reads and nightly pruning, against a real libSQL file.
import type { Client, InStatement } from '@libsql/client'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/db/client'
import { pruneExpiredLimits, pruneExpiredRows } from '../../../../src/db/queries/prune'
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

/** Every statement the queries send, to read SQLite's plan for each. */
function recordStatements(db: Db): InStatement[] {
  const client = db.$client as Client
  const statements: InStatement[] = []
  const batch = client.batch.bind(client)
  const execute = client.execute.bind(client)
  client.batch = (list, mode) => {
    statements.push(...(list as InStatement[]))
    return batch(list, mode)
  }
  client.execute = ((statement: InStatement) => {
    statements.push(statement)
    return execute(statement)
  }) as Client['execute']
  return statements
}

async function planOf(db: Db, statement: InStatement): Promise<string> {
  const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement
  const client = db.$client as Client
  const plan = await client.execute({ sql: `explain query plan ${sql}`, args })
  return plan.rows.map((row) => String(row.detail)).join('\n')
}

describe('loadTrendingWork with many stories read', () => {
  const weights = {
    today: '2026-11-20',
    yesterday: '2026-11-19',
    todayWeight: 1,
    yesterdayWeight: 1,
  }

  /** A story read well on both days, outside each day's top two, and four that led one day. */
  async function twoDays() {
    const db = await freshDb()
    const category = await addCategory(db, 'w')
    const add = (slug: string, publishedAt: number) =>
      addArticle(db, { slug, categoryId: category, publishedAt })
    const [steady, a, b, d, e] = [
      await add('steady', 1),
      await add('a', 2),
      await add('b', 3),
      await add('d', 4),
      await add('e', 5),
    ]
    await db.insert(articleViews).values([
      { articleId: a, day: weights.today, count: 100 },
      { articleId: b, day: weights.today, count: 90 },
      { articleId: steady, day: weights.today, count: 80 },
      { articleId: d, day: weights.yesterday, count: 100 },
      { articleId: e, day: weights.yesterday, count: 90 },
      { articleId: steady, day: weights.yesterday, count: 80 },
    ])
    return { db, steady, a, b, d, e }
  }

  it("ranks from each day's most viewed when they prove the list, and from ten times as many when not", async () => {
    const { db, steady, a, d } = await twoDays()
    const load = (limit: number, candidatesPerDay: number) =>
      loadTrendingWork(db, { admission: NO_CAP, weights, limit, candidatesPerDay })
    // Each day's top two cannot rule out a story scoring up to 80 + 80; their top twenty can.
    expect((await load(2, 2)).next).toEqual([
      { articleId: steady, score: 160 },
      { articleId: d, score: 100 },
    ])
    // Each day's top three hold every story read, so they prove any list.
    expect((await load(2, 3)).next).toEqual([
      { articleId: steady, score: 160 },
      { articleId: d, score: 100 },
    ])
    expect((await load(1, 2)).next).toEqual([{ articleId: steady, score: 160 }])
    expect((await load(5, 2)).next.map((row) => row.articleId)).toContain(a)
  })

  it('reads the day buckets by index, never walking the archive of published stories', async () => {
    const { db } = await twoDays()
    const statements = recordStatements(db)
    await loadTrendingWork(db, { admission: NO_CAP, weights, limit: 2, candidatesPerDay: 2 })
    await loadTrendingWork(db, { admission: NO_CAP, weights, limit: 2 })
    const plans = (await Promise.all(statements.map((s) => planOf(db, s)))).join('\n')
    expect(plans).toMatch(/article_views_day_count_idx \(day=\?\)/)
    expect(plans).not.toMatch(/articles_status_published_idx|SCAN articles|SCAN article_views/)
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

describe('pruning in chunks', () => {
  const expired = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      key: `gone-${i}`,
      windowStart: 0,
      count: 1,
      expiresAt: NOW.getTime() - 1 - i,
    }))

  it('deletes at most a chunk per statement, and leaves what a run could not reach to the next', async () => {
    const db = await freshDb()
    await db
      .insert(rateLimits)
      .values([
        ...expired(7),
        { key: 'open', windowStart: 0, count: 1, expiresAt: NOW.getTime() + MINUTE },
      ])
    const statements = recordStatements(db)
    const limits = { chunkRows: 3, maxRoundTrips: 2 }
    expect(await pruneExpiredRows(db, NOW, 30, limits)).toEqual({
      views: 0,
      rateLimits: 6,
      sessions: 0,
    })
    // The first round trip tries every table; the second only the one whose chunk was full.
    expect(statements).toHaveLength(4)
    expect(await pruneExpiredRows(db, NOW, 30, limits)).toMatchObject({ rateLimits: 1 })
    expect((await db.select().from(rateLimits)).map((row) => row.key)).toEqual(['open'])
  })

  it('prunes ended rate-limit windows on their own, for the five-minute cron', async () => {
    const db = await freshDb()
    await db
      .insert(rateLimits)
      .values([
        ...expired(5),
        { key: 'open', windowStart: 0, count: 1, expiresAt: NOW.getTime() + MINUTE },
      ])
    expect(await pruneExpiredLimits(db, NOW, { chunkRows: 2, maxRoundTrips: 2 })).toBe(4)
    expect(await pruneExpiredLimits(db, NOW)).toBe(1)
    expect(await pruneExpiredLimits(db, NOW)).toBe(0)
    expect((await db.select().from(rateLimits)).map((row) => row.key)).toEqual(['open'])
  })
})
