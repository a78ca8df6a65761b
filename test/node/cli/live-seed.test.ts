// The seed's live article: a dozen updates over the last hours, some key, and a link from home.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { seedDatabase } from '../../../src/cli/seed'
import { LIVE_SEED_SLUG } from '../../../src/cli/seed/live'
import { loadArticlePage } from '../../../src/db/queries/article-page'
import { loadHomePage } from '../../../src/db/queries/home-page'
import { articles } from '../../../src/db/schema'
import { freshDb } from '../db/fresh-db'

const NOW = Date.parse('2025-07-02T01:22:00Z')
const HOUR = 3_600_000

describe('the seeded live article', () => {
  it('is live with twelve updates over the last hours, key events among them, and leads home', async () => {
    const db = await freshDb()
    await seedDatabase(db, { now: NOW })
    const result = await loadArticlePage(db, LIVE_SEED_SLUG)
    if (result.kind !== 'found') throw new Error(`the live article is ${result.kind}`)
    const live = result.page.live
    expect(live?.endedAt).toBeNull()
    expect(live?.updates).toHaveLength(12)
    const times = live?.updates.map((update) => update.createdAt.getTime()) ?? []
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(Math.min(...times)).toBeGreaterThan(NOW - 5 * HOUR)
    expect(Math.max(...times)).toBeLessThan(NOW)
    expect(live?.updates.filter((update) => update.keyEvent).length).toBeGreaterThanOrEqual(3)
    const home = await loadHomePage(db, 'en')
    const [row] = await db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.slug, LIVE_SEED_SLUG))
    expect(home.latest.map((story: { id: number }) => story.id)).toContain(row?.id)
  })

  it('is added once: seeding again changes nothing', async () => {
    const db = await freshDb()
    await seedDatabase(db, { now: NOW })
    await seedDatabase(db, { now: NOW + HOUR })
    const rows = await db.select().from(articles).where(eq(articles.slug, LIVE_SEED_SLUG))
    expect(rows).toHaveLength(1)
  })
})
