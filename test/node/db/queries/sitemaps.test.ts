// Sitemap queries at scale: every statement seeks by id or by a bounded index walk, never a scan.
import type { Client, InStatement } from '@libsql/client'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/db/client'
import {
  listArticleSitemap,
  listTagSitemap,
  loadSectionSitemap,
  loadSitemapFiles,
} from '../../../../src/db/queries/sitemaps'
import { addArticle, addCategory, addTag, freshDb } from '../fresh-db'

/** Records every batch the queries send, to read SQLite's plan for each statement. */
function recordStatements(db: Db): InStatement[] {
  const client = db.$client as Client
  const statements: InStatement[] = []
  const batch = client.batch.bind(client)
  client.batch = (list, mode) => {
    statements.push(...(list as InStatement[]))
    return batch(list, mode)
  }
  return statements
}

async function planOf(db: Db, statement: InStatement): Promise<string> {
  const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement
  const plan = await (db.$client as Client).execute({ sql: `explain query plan ${sql}`, args })
  return plan.rows.map((row) => String(row.detail)).join('\n')
}

describe('the sitemap queries', () => {
  it('never walk the (status, published_at) index, whose published range is the whole archive', async () => {
    const db = await freshDb()
    const categoryId = await addCategory(db, 'news')
    const tagId = await addTag(db, 'Harbour')
    for (let n = 1; n <= 3; n++) {
      await addArticle(db, { slug: `s-${n}`, categoryId, publishedAt: n * 1000, tagIds: [tagId] })
    }
    const statements = recordStatements(db)
    expect(await loadSitemapFiles(db)).toEqual({ articles: 1, tags: 1 })
    expect((await listArticleSitemap(db, 1))?.map((entry) => entry.slug)).toEqual([
      's-1',
      's-2',
      's-3',
    ])
    expect((await listTagSitemap(db, 1))?.map((entry) => entry.slug)).toEqual(['harbour'])
    expect((await loadSectionSitemap(db)).categories).toHaveLength(1)
    expect(statements.length).toBeGreaterThanOrEqual(8)
    for (const statement of statements) {
      const plan = await planOf(db, statement)
      expect(plan).not.toMatch(/articles_status_published_idx/)
      // Reading articles in id order, never sorting them.
      if (/SCAN articles$|SEARCH articles USING INTEGER PRIMARY KEY \(rowid>/m.test(plan)) {
        expect(plan).not.toMatch(/TEMP B-TREE/)
      }
    }
  })

  it('list a file only up to the newest published article or tag', async () => {
    const db = await freshDb()
    const categoryId = await addCategory(db, 'news')
    await addArticle(db, { slug: 'first', categoryId, publishedAt: 1000 })
    expect(await loadSitemapFiles(db)).toEqual({ articles: 1, tags: 0 })
    expect(await listArticleSitemap(db, 2)).toBeNull()
    expect(await listTagSitemap(db, 1)).toBeNull()
  })
})
