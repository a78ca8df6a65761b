// Publishing state changes shared by editors and cron: scheduled articles going live.
import { and, eq, lte } from 'drizzle-orm'
import type { Db } from '../db/client'
import { LAST_UPDATE_KEY } from '../db/queries/site-state'
import { articles, siteState } from '../db/schema'

/** Publishes every scheduled article that is due, and moves the site's last-update stamp. */
export async function publishDueArticles(
  db: Db,
  now: Date,
): Promise<{ id: number; slug: string }[]> {
  const due = and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now))
  const published = await db
    .update(articles)
    .set({ status: 'published', updatedAt: now })
    .where(due)
    .returning({ id: articles.id, slug: articles.slug })
  if (published.length > 0) await markSiteUpdated(db, now)
  return published
}

/** The footer's "Last update" follows every published change. */
export async function markSiteUpdated(db: Db, at: Date): Promise<void> {
  await db
    .insert(siteState)
    .values({ key: LAST_UPDATE_KEY, value: at.toISOString(), updatedAt: at })
    .onConflictDoUpdate({
      target: siteState.key,
      set: { value: at.toISOString(), updatedAt: at },
    })
}
