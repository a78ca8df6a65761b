// The corrections page at scale: driven by the notes, newest first, never by every published story.
import type { Client, InStatement } from '@libsql/client'
import { describe, expect, it } from 'vitest'
import { loadCorrectionsPage } from '../../../../src/db/queries/corrections'
import { corrections } from '../../../../src/db/schema'
import { addArticle, addCategory, freshDb } from '../fresh-db'

const DAY = 86_400_000

describe('loadCorrectionsPage', () => {
  it('lists notes on published stories newest first, reading stories by id only', async () => {
    const db = await freshDb()
    const category = await addCategory(db, 'world')
    const published = await addArticle(db, { slug: 'p', categoryId: category, publishedAt: DAY })
    const draft = await addArticle(db, {
      slug: 'd',
      categoryId: category,
      publishedAt: DAY,
      status: 'draft',
    })
    const note = (articleId: number, day: number) => ({
      articleId,
      bodyMd: `Note ${day}`,
      bodyHtml: `<p>Note ${day}</p>`,
      correctedAt: new Date(day * DAY),
    })
    await db.insert(corrections).values([note(published, 2), note(draft, 3), note(published, 4)])
    const client = db.$client as Client
    const statements: InStatement[] = []
    const batch = client.batch.bind(client)
    client.batch = (list, mode) => {
      statements.push(...(list as InStatement[]))
      return batch(list, mode)
    }
    const page = await loadCorrectionsPage(db, 1)
    expect(page.total).toBe(2)
    expect(page.items.map((item) => item.correctedAt.getTime())).toEqual([4 * DAY, 2 * DAY])
    for (const statement of statements) {
      const { sql, args } = statement as { sql: string; args: unknown[] }
      if (!/from "corrections"/.test(sql)) continue
      const plan = await client.execute({ sql: `explain query plan ${sql}`, args: args as [] })
      const details = plan.rows.map((row) => String(row.detail)).join('\n')
      expect(details).not.toMatch(/articles_status_published_idx|SCAN articles/)
    }
  })
})
