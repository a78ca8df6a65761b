// Which lists a cron run recomputes, and what it reads for them, against a real libSQL file.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/db/client'
import { loadChangedWork, loadRelatedChunk } from '../../../../src/db/queries/related-targets'
import { categories, relatedArticles, relatedPins } from '../../../../src/db/schema'
import { addArticle, addCategory, addTag, freshDb } from '../fresh-db'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const NOW = Date.parse('2026-11-20T12:00:00Z')

/** Two sections and two tags; a4 (a draft now) and a5 changed after the cursor at NOW − 2 days. */
async function newsroom(db: Db) {
  const [world, sport] = [await addCategory(db, 'world'), await addCategory(db, 'sport')]
  const [russia, football] = [await addTag(db, 'Russia'), await addTag(db, 'Football')]
  const at = (days: number) => NOW - days * DAY
  const a1 = await addArticle(db, {
    slug: 'a1',
    categoryId: world,
    publishedAt: at(10),
    tagIds: [russia],
  })
  const a2 = await addArticle(db, {
    slug: 'a2',
    categoryId: world,
    publishedAt: at(9),
    tagIds: [russia],
  })
  const a3 = await addArticle(db, {
    slug: 'a3',
    categoryId: sport,
    publishedAt: at(8),
    tagIds: [football],
  })
  const a4 = await addArticle(db, {
    slug: 'a4',
    categoryId: world,
    status: 'draft',
    publishedAt: at(7),
    updatedAt: NOW - HOUR,
    tagIds: [russia],
  })
  const a5 = await addArticle(db, {
    slug: 'a5',
    categoryId: sport,
    publishedAt: NOW - 2 * HOUR,
    updatedAt: NOW - HOUR / 2,
    tagIds: [russia],
  })
  const computedAt = new Date(at(3))
  const pick = { rank: 1, score: 1, reason: 'test', computedAt }
  // a3's list shows a4, which is no longer published; a4 still has a list of its own.
  await db.insert(relatedArticles).values([
    { articleId: a3, relatedId: a4, ...pick },
    { articleId: a4, relatedId: a1, ...pick },
  ])
  return { a1, a2, a3, a4, a5, cursor: { updatedAt: at(2), id: 0 } }
}

describe('loadChangedWork', () => {
  it('takes the changes after the cursor, the lists showing them and their tag neighbours', async () => {
    const db = await freshDb()
    const { a1, a2, a3, a4, a5, cursor } = await newsroom(db)
    const work = await loadChangedWork(db, cursor, new Date(NOW), 10)
    expect(work.changed.map((row) => row.id)).toEqual([a4, a5])
    expect(work.changed.at(-1)?.updatedAt).toBe(NOW - HOUR / 2)
    expect(work.removedLists).toBe(1)
    expect(work.deferred).toBe(0)
    // a4 is a draft: it gets no list, but the lists that show it or share its tag are redone.
    expect(work.inputs.targetIds).toEqual([a1, a2, a3, a5])
    expect(work.inputs.current.get(a3)).toEqual([
      { relatedId: a4, rank: 1, score: 1, reason: 'test' },
    ])
    expect(work.inputs.candidates.get(a1)).not.toContain(a4)
    expect(work.inputs.candidates.get(a1)).toEqual(expect.arrayContaining([a2, a5]))
  })

  it('also redoes the lists of the stories nearest in time in the same section', async () => {
    const db = await freshDb()
    const { a1, a2, a3, a5, cursor } = await newsroom(db)
    const [row] = await db
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.slug, 'world'))
    const untagged = await addArticle(db, {
      slug: 'a6',
      categoryId: row?.id as number,
      publishedAt: NOW - 6 * DAY,
    })
    const work = await loadChangedWork(db, cursor, new Date(NOW), 10)
    expect(work.inputs.targetIds).toEqual([a1, a2, a3, a5, untagged])
  })

  it('fills the budget changed articles first, then lists showing them, and counts the rest', async () => {
    const db = await freshDb()
    const { a3, a5, cursor } = await newsroom(db)
    const two = await loadChangedWork(db, cursor, new Date(NOW), 2)
    expect(two.inputs.targetIds).toEqual([a3, a5])
    expect(two.deferred).toBe(2)
    const one = await loadChangedWork(db, cursor, new Date(NOW), 1)
    expect(one.changed).toHaveLength(1)
    expect(one.inputs.targetIds).toEqual([a3])
    expect(one.deferred).toBe(3)
  })

  it('spends what is left of the budget on the neighbours nearest the change, not the oldest', async () => {
    const db = await freshDb()
    const world = await addCategory(db, 'world')
    const rare = await addTag(db, 'Rare')
    const story = (slug: string, days: number) =>
      addArticle(db, { slug, categoryId: world, publishedAt: NOW - days * DAY, tagIds: [rare] })
    const [old, near] = [await story('old', 300), await story('near', 2)]
    const changed = await addArticle(db, {
      slug: 'changed',
      categoryId: world,
      publishedAt: NOW - HOUR,
      tagIds: [rare],
    })
    const work = await loadChangedWork(db, { updatedAt: NOW - DAY, id: 0 }, new Date(NOW), 2)
    expect(work.inputs.targetIds).toEqual([near, changed])
    expect(work.inputs.targetIds).not.toContain(old)
    expect(work.deferred).toBe(1)
  })

  it('finds nothing once the cursor has passed the last change', async () => {
    const db = await freshDb()
    const { a5 } = await newsroom(db)
    const work = await loadChangedWork(db, { updatedAt: NOW - HOUR / 2, id: a5 }, new Date(NOW), 10)
    expect(work.changed).toEqual([])
    expect(work.inputs.targetIds).toEqual([])
  })

  it('leaves a change stamped in the future for the run that reaches its time', async () => {
    const db = await freshDb()
    const { a4, cursor } = await newsroom(db)
    const work = await loadChangedWork(db, cursor, new Date(NOW - HOUR / 2 - 1), 10)
    expect(work.changed.map((row) => row.id)).toEqual([a4])
  })
})

describe('loadRelatedChunk', () => {
  it('walks published articles by id in chunks, sweeping unpublished lists on the first', async () => {
    const db = await freshDb()
    const { a1, a2, a3, a5 } = await newsroom(db)
    const first = await loadRelatedChunk(db, 0, 2)
    expect(first.inputs.targetIds).toEqual([a1, a2])
    expect(first.removedLists).toBe(1)
    const second = await loadRelatedChunk(db, a2, 2)
    expect(second.inputs.targetIds).toEqual([a3, a5])
    expect(second.removedLists).toBe(0)
  })

  it('reads tags, section neighbours, tag frequencies and published pins for scoring', async () => {
    const db = await freshDb()
    const { a1, a2, a3, a4, a5 } = await newsroom(db)
    await db.insert(relatedPins).values([
      { articleId: a1, position: 1, relatedId: a3 },
      { articleId: a1, position: 2, relatedId: a4 },
    ])
    const { inputs } = await loadRelatedChunk(db, 0, 1)
    expect(inputs.targetIds).toEqual([a1])
    expect(inputs.pins.get(a1)).toEqual([a3])
    expect([...(inputs.candidates.get(a1) ?? [])].sort()).toEqual([a2, a3, a5].sort())
    expect(inputs.docs.get(a5)?.tags.map((tag) => tag.name)).toEqual(['Russia'])
    expect(inputs.publishedCount).toBe(4)
    expect([...inputs.tagFrequency.values()]).toEqual([3])
  })

  it('reads only the nearest stories of a tag, ten on each side, however many carry it', async () => {
    const db = await freshDb()
    const world = await addCategory(db, 'world')
    const russia = await addTag(db, 'Russia')
    const ids = await hourlyStories(db, world, 30, () => [russia])
    const middle = ids[15] as number
    const { inputs } = await loadRelatedChunk(db, middle - 1, 1)
    expect(inputs.targetIds).toEqual([middle])
    // Ten a side by tag; the section's six a side by time fall among them.
    expect(inputs.candidates.get(middle)).toEqual([...ids.slice(5, 15), ...ids.slice(16, 26)])
  })

  it('reads a chunk bigger than one read in several, each target with its own tags named', async () => {
    const db = await freshDb()
    const world = await addCategory(db, 'world')
    const [russia, kremlin] = [await addTag(db, 'Russia'), await addTag(db, 'Kremlin')]
    // Story 45 is read as a target in the first read, and as a candidate in the second.
    const ids = await hourlyStories(db, world, 60, (n) => (n === 45 ? [russia, kremlin] : [russia]))
    const { inputs } = await loadRelatedChunk(db, 0, 60)
    expect(inputs.targetIds).toEqual(ids)
    for (const id of ids) {
      expect(inputs.docs.get(id)?.tags[0]).toEqual({ id: russia, name: 'Russia' })
      expect(inputs.candidates.get(id)?.length).toBeGreaterThanOrEqual(10)
    }
    expect(inputs.docs.get(ids[45] as number)?.tags[1]).toEqual({ id: kremlin, name: 'Kremlin' })
    // Stories either side of the boundary between two reads still meet.
    expect(inputs.candidates.get(ids[49] as number)).toContain(ids[50])
    expect(inputs.candidates.get(ids[50] as number)).toContain(ids[49])
    expect(inputs.publishedCount).toBe(60)
    expect(inputs.tagFrequency.get(russia)).toBe(60)
  })

  it('reads a candidate once per chunk, and gives every list the candidates it has alone', async () => {
    const db = await freshDb()
    const world = await addCategory(db, 'world')
    const russia = await addTag(db, 'Russia')
    const ids = await hourlyStories(db, world, 60, () => [russia])
    const docReads = recordDocReads(db)
    const { inputs } = await loadRelatedChunk(db, 0, 60)
    const [first, second] = docReads
    expect(docReads).toHaveLength(2)
    // The second read's targets (stories 50-59) come again, with their pools; stories 40-49, which
    // their lists share with the first read's, do not.
    const again = (second ?? []).filter((id) => first?.includes(id))
    expect(again.sort((a, b) => a - b)).toEqual(ids.slice(50))
    expect(first).toEqual(expect.arrayContaining(ids.slice(40, 50)))
    expect(inputs.candidates.get(ids[50] as number)).toEqual(
      expect.arrayContaining(ids.slice(40, 50)),
    )
    for (const [n, id] of ids.entries()) {
      const alone = await loadRelatedChunk(db, n === 0 ? 0 : (ids[n - 1] as number), 1)
      expect(inputs.candidates.get(id)).toEqual(alone.inputs.candidates.get(id))
    }
  })
})

/** `count` stories of `categoryId`, an hour apart up to NOW, story n tagged `tagsOf(n)`; their ids. */
async function hourlyStories(
  db: Db,
  categoryId: number,
  count: number,
  tagsOf: (n: number) => number[],
): Promise<number[]> {
  const ids: number[] = []
  for (let n = 0; n < count; n++) {
    ids.push(
      await addArticle(db, {
        slug: `r${n}`,
        categoryId,
        publishedAt: NOW - (count - n) * HOUR,
        tagIds: tagsOf(n),
      }),
    )
  }
  return ids
}

/** The ids each scoring read of `db` returns docs for (the first statement of its batch), in order. */
function recordDocReads(db: Db): number[][] {
  const reads: number[][] = []
  const client = db.$client
  const batch = client.batch.bind(client)
  client.batch = (async (...args: Parameters<typeof batch>) => {
    const results = await batch(...args)
    const docs = results[0]
    if (docs?.columns.includes('pool')) reads.push(docs.rows.map((row) => Number(row.id)))
    return results
  }) as typeof client.batch
  return reads
}
