// The article page at scale: every statement of its batch seeks by the story's keys, none walks the archive.
import type { Client, InStatement } from '@libsql/client'
import { describe, expect, it } from 'vitest'
import { loadArticlePage } from '../../../../src/db/queries/article-page'
import { relatedArticles } from '../../../../src/db/schema'
import { addArticle, addCategory, addTag, freshDb } from '../fresh-db'

const DAY = 86_400_000

describe('loadArticlePage', () => {
  it('reads the related list and comments from the story’s own entries, never walking the site’s', async () => {
    const db = await freshDb()
    const category = await addCategory(db, 'world')
    const tag = await addTag(db, 'Port')
    const ids: number[] = []
    for (let n = 0; n < 8; n++) {
      ids.push(
        await addArticle(db, {
          slug: `s-${n}`,
          categoryId: category,
          publishedAt: n * DAY,
          tagIds: [tag],
        }),
      )
    }
    const [story, ...others] = ids as [number, ...number[]]
    await db.insert(relatedArticles).values(
      others.slice(0, 3).map((relatedId, i) => ({
        articleId: story,
        rank: i + 1,
        relatedId,
        score: 1,
        reason: 'same section',
        computedAt: new Date(),
      })),
    )
    const client = db.$client as Client
    const statements: InStatement[] = []
    const batch = client.batch.bind(client)
    client.batch = (list, mode) => {
      statements.push(...(list as InStatement[]))
      return batch(list, mode)
    }
    const page = await loadArticlePage(db, 's-0')
    expect(page.kind).toBe('found')
    const related = statements
      .map((statement) => statement as { sql: string; args: unknown[] })
      .filter((statement) => /from "related_articles"/.test(statement.sql))
    expect(related.length).toBeGreaterThan(0)
    for (const { sql, args } of related) {
      const plan = await client.execute({ sql: `explain query plan ${sql}`, args: args as [] })
      const details = plan.rows.map((row) => String(row.detail)).join('\n')
      expect(details).not.toMatch(/articles_status_published_idx|SCAN articles/)
    }
    // Its comments come off its own (article_id, status, created_at) entries, not the site's.
    const commentReads = statements
      .map((statement) => statement as { sql: string; args: unknown[] })
      .filter((statement) => /from "comments"/.test(statement.sql))
    expect(commentReads.length).toBeGreaterThan(1)
    for (const { sql, args } of commentReads) {
      const plan = await client.execute({ sql: `explain query plan ${sql}`, args: args as [] })
      const details = plan.rows.map((row) => String(row.detail)).join('\n')
      expect(details).not.toMatch(/comments_status_created_idx|SCAN comments/)
    }
  })
})
