// A prepared batch is built once, yet each call binds its own values and runs on its own client.
import { eq, gt } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { prepareBatch, slot } from '../../../src/db/prepared-batch'
import { articles, breakingAlerts } from '../../../src/db/schema'
import { addArticle, addCategory, freshDb } from './fresh-db'

const HOUR = 3_600_000

describe('prepareBatch', () => {
  it('builds the queries once and binds each call’s slug and time, on each call’s database', async () => {
    let builds = 0
    const load = prepareBatch((db) => {
      builds++
      return [
        db
          .select({ slug: articles.slug })
          .from(articles)
          .where(eq(articles.slug, slot<string>('slug'))),
        db
          .select({ headline: breakingAlerts.headline })
          .from(breakingAlerts)
          .where(gt(breakingAlerts.expiresAt, slot<Date>('now'))),
      ] as const
    })
    const first = await freshDb()
    const second = await freshDb()
    const category = await addCategory(first, 'world')
    await addArticle(first, { slug: 'one', categoryId: category, publishedAt: 0 })
    await addArticle(first, { slug: 'two', categoryId: category, publishedAt: 0 })
    const expiresAt = new Date(Date.UTC(2026, 0, 1, 12))
    await first.insert(breakingAlerts).values({
      headline: 'Storm warning',
      url: '/',
      expiresAt,
      createdAt: new Date(expiresAt.getTime() - HOUR),
    })

    const before = new Date(expiresAt.getTime() - 1)
    const after = new Date(expiresAt.getTime() + 1)
    expect(await load(first, { slug: 'one', now: before })).toEqual([
      [{ slug: 'one' }],
      [{ headline: 'Storm warning' }],
    ])
    expect(await load(first, { slug: 'two', now: after })).toEqual([[{ slug: 'two' }], []])
    // Another database (another request's client) answers from its own rows.
    expect(await load(second, { slug: 'one', now: before })).toEqual([[], []])
    expect(builds).toBe(1)
  })

  it('refuses a call that leaves a placeholder without a value', async () => {
    const load = prepareBatch((db) => [
      db
        .select({ slug: articles.slug })
        .from(articles)
        .where(eq(articles.slug, slot<string>('slug'))),
    ])
    await expect(load(await freshDb(), {})).rejects.toThrow(/slug/)
  })
})
