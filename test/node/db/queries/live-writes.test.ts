// Live coverage writes: each change and its audit entry in one batch, and nothing when it cannot apply.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  changeLiveUpdate,
  insertLiveUpdate,
  setLiveCoverage,
} from '../../../../src/db/queries/live-writes'
import {
  articles,
  auditLog,
  liveBlogs,
  liveRemovals,
  liveUpdates,
  users,
} from '../../../../src/db/schema'
import { addArticle, addCategory, freshDb } from '../fresh-db'

const input = { bodyMd: 'Hi', bodyHtml: '<p>Hi</p>', imageUrl: null, imageAlt: '', keyEvent: false }

async function setUp() {
  const db = await freshDb()
  const categoryId = await addCategory(db, 'news')
  const articleId = await addArticle(db, { slug: 'live', categoryId, publishedAt: Date.now() })
  const [user] = await db
    .insert(users)
    .values({ email: 'e@x.test', name: 'E', role: 'editor', passwordHash: 'x' })
    .returning()
  return { db, articleId, userId: user?.id as number }
}

async function actions(db: Awaited<ReturnType<typeof freshDb>>) {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).orderBy(auditLog.id)
  return rows.map((row) => row.action)
}

describe('live coverage writes', () => {
  it('posts only while coverage runs, and audits only what happened', async () => {
    const { db, articleId, userId } = await setUp()
    const refused = await insertLiveUpdate(db, articleId, userId, input, new Date())
    expect(refused.changed).toBe(false)
    expect(await actions(db)).toEqual([])
    expect(await setLiveCoverage(db, articleId, userId, true, new Date())).toBe(true)
    const posted = await insertLiveUpdate(db, articleId, userId, input, new Date())
    expect(posted).toMatchObject({ changed: true, slug: 'live', cursors: [0, 1] })
    expect(await setLiveCoverage(db, articleId, userId, false, new Date())).toBe(true)
    expect(await setLiveCoverage(db, articleId, userId, false, new Date())).toBe(false)
    expect((await insertLiveUpdate(db, articleId, userId, input, new Date())).changed).toBe(false)
    expect(await actions(db)).toEqual(['live.start', 'live.post', 'live.end'])
  })

  it('edits, pins and deletes an update of its own article only, each audited', async () => {
    const { db, articleId, userId } = await setUp()
    await setLiveCoverage(db, articleId, userId, true, new Date())
    const { updateId } = await insertLiveUpdate(db, articleId, userId, input, new Date())
    const id = updateId as number
    const edit = { kind: 'edit' as const, input: { ...input, bodyMd: 'Ho', bodyHtml: '<p>Ho</p>' } }
    expect((await changeLiveUpdate(db, articleId + 1, id, userId, edit, new Date())).changed).toBe(
      false,
    )
    expect((await changeLiveUpdate(db, articleId, id, userId, edit, new Date())).changed).toBe(true)
    const pin = { kind: 'pin' as const, pinned: true }
    expect((await changeLiveUpdate(db, articleId, id, userId, pin, new Date())).changed).toBe(true)
    const [row] = await db.select().from(liveUpdates).where(eq(liveUpdates.id, id))
    expect(row).toMatchObject({ bodyMd: 'Ho', pinned: true })
    const gone = await changeLiveUpdate(db, articleId, id, userId, { kind: 'delete' }, new Date())
    expect(gone).toMatchObject({ changed: true, cursors: [0, 1, 2, 3, 4] })
    expect(await actions(db)).toEqual([
      'live.start',
      'live.post',
      'live.edit',
      'live.pin',
      'live.delete',
    ])
  })

  it('moves the coverage revision on every post, edit, pin and delete, and leaves a tombstone', async () => {
    const { db, articleId, userId } = await setUp()
    await setLiveCoverage(db, articleId, userId, true, new Date())
    const revision = async () =>
      (await db.select().from(liveBlogs).where(eq(liveBlogs.articleId, articleId)))[0]?.revision
    const first = (await insertLiveUpdate(db, articleId, userId, input, new Date())).updateId
    const second = (await insertLiveUpdate(db, articleId, userId, input, new Date())).updateId
    expect(await revision()).toBe(2)
    const edit = { kind: 'edit' as const, input: { ...input, bodyMd: 'Ho', bodyHtml: '<p>Ho</p>' } }
    await changeLiveUpdate(db, articleId, first as number, userId, edit, new Date())
    const rows = await db.select().from(liveUpdates).orderBy(liveUpdates.id)
    expect(rows.map((row) => [row.addedRevision, row.revision])).toEqual([
      [1, 3],
      [2, 2],
    ])
    await changeLiveUpdate(db, articleId, second as number, userId, { kind: 'delete' }, new Date())
    expect(await revision()).toBe(4)
    expect(await db.select().from(liveRemovals)).toEqual([
      { updateId: second, articleId, revision: 4 },
    ])
    // Deleting the article takes its coverage, updates and tombstones with it, without a new one.
    await db.delete(articles).where(eq(articles.id, articleId))
    expect(await db.select().from(liveRemovals)).toEqual([])
    expect(await db.select().from(liveUpdates)).toEqual([])
  })
})
