// A fresh migrated libSQL file per test, removed afterwards, plus tiny row builders for query tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { migrateDatabase, openClient } from '../../../src/cli/migrate'
import { createDb, type Db } from '../../../src/db/client'
import { type ArticleStatus, articles, articleTags, categories, tags } from '../../../src/db/schema'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

export async function freshDb(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-queries-'))
  const client = openClient(`file:${dir}/t.db`)
  cleanups.push(() => {
    client.close()
    rmSync(dir, { recursive: true, force: true })
  })
  await migrateDatabase(client)
  return createDb(client)
}

export async function addCategory(db: Db, slug: string): Promise<number> {
  const [row] = await db.insert(categories).values({ slug, name: slug }).returning()
  return row?.id as number
}

export async function addTag(db: Db, name: string): Promise<number> {
  const [row] = await db.insert(tags).values({ slug: name.toLowerCase(), name }).returning()
  return row?.id as number
}

export async function addArticle(
  db: Db,
  fields: {
    slug: string
    categoryId: number
    status?: ArticleStatus
    publishedAt: number
    updatedAt?: number
    tagIds?: number[]
    title?: string
  },
): Promise<number> {
  const [row] = await db
    .insert(articles)
    .values({
      slug: fields.slug,
      title: fields.title ?? `Story ${fields.slug}`,
      categoryId: fields.categoryId,
      status: fields.status ?? 'published',
      publishedAt: new Date(fields.publishedAt),
      updatedAt: new Date(fields.updatedAt ?? fields.publishedAt),
    })
    .returning()
  const id = row?.id as number
  for (const tagId of fields.tagIds ?? [])
    await db.insert(articleTags).values({ articleId: id, tagId })
  return id
}
