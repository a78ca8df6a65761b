// Agency feed fixtures for Worker tests: the scripted local feed server, subscriptions, and cron runs.
import { eq, inArray } from 'drizzle-orm'
import { inject } from 'vitest'
import { deleteAgencyFeed, feedSource, insertAgencyFeed } from '../../src/db/queries/agency-feeds'
import { agencyFeedItems, agencyFeeds, articles, categories } from '../../src/db/schema'
import { pollAgencyFeeds } from '../../src/jobs/agency-feeds'
import type { Job } from '../../src/jobs/run-job'
import type { FeedRequestLog, FeedScript } from '../fixtures/feeds/server'
import { createUser } from './editor-fixtures'
import { testDb, uniqueSuffix } from './fixtures'
import { runCron } from './scheduled'

export const FEED_SERVER = inject('feedServerUrl')
/** Local development's setting: the feed server lives on 127.0.0.1. */
export const ALLOW_PRIVATE = { AGENCY_FEEDS_ALLOW_PRIVATE: 'true' }
export const MINUTE = 60_000

/**
 * Polls run far in the future, and subscriptions wait until then: cron runs of other test files
 * (at the real time, with private addresses refused) never find these feeds due.
 */
export function futureTime(): number {
  return Date.UTC(2100, 0, 1) + Math.floor(Math.random() * 1_000_000) * MINUTE
}

export async function scriptFeed(name: string, script: FeedScript): Promise<void> {
  const response = await fetch(`${FEED_SERVER}/__script/${name}`, {
    method: 'PUT',
    body: JSON.stringify(script),
  })
  if (response.status !== 204) throw new Error(`feed server refused the script for ${name}`)
}

export async function feedLog(name: string): Promise<FeedRequestLog[]> {
  return (await fetch(`${FEED_SERVER}/__log/${name}`)).json()
}

export function feedName(): string {
  return `wire-${uniqueSuffix()}`
}

/** An editor's subscription to a feed of the local server, first due at `dueAt`. */
export async function subscribe(options: {
  url: string
  dueAt: number
  mode?: 'draft' | 'publish'
  byline?: string
}): Promise<number> {
  const db = testDb()
  const editor = await createUser('editor')
  const [section] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.slug, 'international-news'))
  const id = await insertAgencyFeed(db, {
    url: options.url,
    categoryId: section?.id as number,
    byline: options.byline ?? 'Staff, Agencies',
    mode: options.mode ?? 'draft',
    createdBy: editor.id,
  })
  await db
    .update(agencyFeeds)
    .set({ nextAttemptAt: new Date(options.dueAt) })
    .where(eq(agencyFeeds.id, id))
  return id
}

/**
 * Unsubscribes, and takes the stories the feeds published back to drafts: polls run on a clock in
 * 2100, so a published one would top every list other files check in the shared database.
 */
export async function unsubscribeAll(ids: number[]): Promise<void> {
  for (const id of ids.splice(0)) {
    const landed = (await articlesFrom(id)).map((article) => article.id)
    if (landed.length > 0) {
      await testDb().update(articles).set({ status: 'draft' }).where(inArray(articles.id, landed))
    }
    await deleteAgencyFeed(testDb(), id)
  }
}

export async function feedRow(id: number) {
  const [row] = await testDb().select().from(agencyFeeds).where(eq(agencyFeeds.id, id))
  return row
}

/** The articles a subscription landed, oldest first. */
export async function articlesFrom(id: number) {
  const db = testDb()
  const items = await db
    .select({ articleId: agencyFeedItems.articleId })
    .from(agencyFeedItems)
    .where(eq(agencyFeedItems.source, feedSource(id)))
  const ids = items.map((item) => item.articleId).filter((x): x is number => x !== null)
  if (ids.length === 0) return []
  return db.select().from(articles).where(inArray(articles.id, ids)).orderBy(articles.id)
}

/**
 * The feed task under a name of its own: its lease (taken at a far-future time) then never makes
 * the real task skip in other test files' cron runs.
 */
export const testFeedTask: Job = { ...pollAgencyFeeds, name: `agency-feeds-test-${uniqueSuffix()}` }

/** The 5-minute cron's feed task at `time`, as the scheduled handler runs it. */
export async function pollAt(time: number, options: { jobs?: Job[]; allowPrivate?: boolean } = {}) {
  return runCron({
    jobs: options.jobs ?? [testFeedTask],
    scheduledTime: time,
    env: options.allowPrivate === false ? {} : ALLOW_PRIVATE,
  })
}

/** An RSS 2.0 document with the given items (guid, title), in the agency's order: newest first. */
export function rssFeed(items: { guid: string; title: string; body?: string }[]): string {
  const entries = items
    .map(
      (item) => `<item><title>${item.title}</title><guid>${item.guid}</guid>
<link>https://wire.example/${item.guid}</link>
<description><![CDATA[${item.body ?? `<p>${item.title}: the details.</p>`}]]></description></item>`,
    )
    .join('\n')
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${entries}</channel></rss>`
}
