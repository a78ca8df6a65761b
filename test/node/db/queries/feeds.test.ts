// Tag feeds at scale: the newest published stories of a tag, read off its index, never the whole tag.
import type { Client, InStatement } from '@libsql/client'
import { describe, expect, it } from 'vitest'
import { FEED_SIZE, loadTagFeed } from '../../../../src/db/queries/feeds'
import { addArticle, addCategory, addTag, freshDb } from '../fresh-db'

const DAY = 86_400_000

describe('loadTagFeed', () => {
  it('carries the newest published stories of the tag, newest first, drafts and others left out', async () => {
    const db = await freshDb()
    const category = await addCategory(db, 'world')
    const tag = await addTag(db, 'Port')
    const other = await addTag(db, 'Rail')
    const expected: { id: number; at: number }[] = []
    for (let n = 0; n < FEED_SIZE + 12; n++) {
      const at = Math.floor(n / 2) * DAY // ties, broken by id
      const status = n % 7 === 3 ? 'draft' : 'published'
      const tagIds = n % 5 === 2 ? [other] : [tag]
      const id = await addArticle(db, {
        slug: `s-${n}`,
        categoryId: category,
        publishedAt: at,
        status,
        tagIds,
      })
      if (status === 'published' && tagIds[0] === tag) expected.push({ id, at })
    }
    const feed = await loadTagFeed(db, 'port')
    const newest = expected.sort((x, y) => y.at - x.at || y.id - x.id).slice(0, FEED_SIZE)
    expect(feed?.scopeName).toBe('Port')
    expect(feed?.items.map((item) => item.id)).toEqual(newest.map((story) => story.id))
  })

  it('reads the tag index from its newest end, never scanning articles or the whole tag', async () => {
    const db = await freshDb()
    const category = await addCategory(db, 'world')
    const tag = await addTag(db, 'Port')
    for (let n = 0; n < 40; n++) {
      await addArticle(db, {
        slug: `s-${n}`,
        categoryId: category,
        publishedAt: n * DAY,
        tagIds: [tag],
      })
    }
    const client = db.$client as Client
    const statements: InStatement[] = []
    const batch = client.batch.bind(client)
    client.batch = (list, mode) => {
      statements.push(...(list as InStatement[]))
      return batch(list, mode)
    }
    await loadTagFeed(db, 'port')
    const plans = await Promise.all(
      statements.map(async (statement) => {
        const { sql, args } = statement as { sql: string; args: unknown[] }
        const plan = await client.execute({ sql: `explain query plan ${sql}`, args: args as [] })
        return plan.rows.map((row) => String(row.detail)).join('\n')
      }),
    )
    const all = plans.join('\n')
    expect(all).toMatch(
      /SEARCH article_tags USING COVERING INDEX article_tags_tag_status_published_idx/,
    )
    expect(all).not.toMatch(/SCAN articles|articles_status_published_idx|article_tags_tag_idx/)
  })
})
