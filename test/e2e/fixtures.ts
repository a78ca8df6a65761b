// Fixtures for browser flows, written straight to the shared e2e database through its db-server.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { openClient } from '../../src/cli/migrate'
import { createDb, type Db } from '../../src/db/client'
import { PENDING_VIEWS } from '../../src/db/queries/views'
import { articles, categories, comments, rateLimits } from '../../src/db/schema'
import { renderMarkdown } from '../../src/services/markdown'
import { e2eStack } from './harness'

/** A unique suffix, so fixtures from different flows never collide in the shared database. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8)
}

async function withDb<T>(use: (db: Db) => Promise<T>): Promise<T> {
  const client = openClient(e2eStack().dbUrl)
  try {
    return await use(createDb(client))
  } finally {
    client.close()
  }
}

/**
 * A published story with comments open. It goes into Science, a month old: no flow checks that
 * section's cached pages, so inserting behind the purge service's back leaves nothing stale, and the
 * front page's latest stories stay the seed's.
 */
export function insertArticle(title = `Fixture story ${uniqueSuffix()}`) {
  return withDb(async (db) => {
    const [category] = await db
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.slug, 'science'))
    if (!category) throw new Error('the seed has no science category')
    const bodyMd = 'A paragraph of **fixture** text for a browser test.'
    const publishedAt = new Date(Date.now() - 30 * 86_400_000)
    const [article] = await db
      .insert(articles)
      .values({
        slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        title,
        summary: 'A fixture summary.',
        bodyMd,
        bodyHtml: renderMarkdown(bodyMd),
        byline: 'By Test Desk',
        categoryId: category.id,
        status: 'published',
        publishedAt,
        updatedAt: publishedAt,
        imageUrl: '/images/placeholders/globe.svg',
        imageAlt: 'A globe',
        imageWidth: 1200,
        imageHeight: 675,
      })
      .returning({ id: articles.id, slug: articles.slug, title: articles.title })
    if (!article) throw new Error('the fixture article was not inserted')
    return article
  })
}

/**
 * A reader's comment waiting in the moderation queue. The queue shows the longest-waiting first,
 * and the seed holds dozens, so this one is dated a year back to be on the queue's first page.
 */
export function insertPendingComment(articleId: number, body: string) {
  return withDb(async (db) => {
    const [comment] = await db
      .insert(comments)
      .values({
        articleId,
        authorName: 'Queued Reader',
        body,
        status: 'pending',
        ipHash: 'e2e-fixture',
        idempotencyKey: `e2e-${uniqueSuffix()}`,
        createdAt: new Date(Date.now() - 365 * 86_400_000),
      })
      .returning({ id: comments.id })
    if (!comment) throw new Error('the fixture comment was not inserted')
    return comment
  })
}

/** What a moderator does to a held comment, found by its text; returns how many it approved. */
export function approveCommentByBody(articleId: number, body: string) {
  return withDb(async (db) => {
    const approved = await db
      .update(comments)
      .set({ status: 'approved' })
      .where(and(eq(comments.articleId, articleId), eq(comments.body, body)))
      .returning({ id: comments.id })
    return approved.length
  })
}

export function findCommentStatus(articleId: number, body: string) {
  return withDb(async (db) => {
    const [row] = await db
      .select({ status: comments.status })
      .from(comments)
      .where(and(eq(comments.articleId, articleId), eq(comments.body, body)))
    return row?.status ?? null
  })
}

/** Views the beacon has counted for the article that the trending cron has not folded in yet. */
export function countPendingViews(articleId: number) {
  return withDb(async (db) => {
    const [row] = await db
      .select({ count: rateLimits.count })
      .from(rateLimits)
      .where(eq(rateLimits.key, `${PENDING_VIEWS}${articleId}`))
    return row?.count ?? 0
  })
}
