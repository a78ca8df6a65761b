// Publishing state changes shared by editors and cron: scheduled articles going live.
import { and, eq, lte, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { setJobCursorQuery } from '../db/queries/jobs'
import { LAST_UPDATE_KEY } from '../db/queries/site-state'
import { articles, siteState } from '../db/schema'

/**
 * Publishes every scheduled article that is due and moves the site's last-update stamp. Returns
 * the ids whose pages must now be purged: these, and `task.owed`, the ones an earlier run published
 * but was cut off before purging. The publishing batch also writes the lot into the cron task's
 * cursor, so if this run is cut off too, the next one still knows (see jobs/publish-scheduled.ts).
 */
export async function publishDueArticles(
  db: Db,
  now: Date,
  task: { name: string; owed: number[] },
): Promise<number[]> {
  const due = and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now))
  const publishedNow = and(eq(articles.status, 'published'), eq(articles.updatedAt, now))
  const owedAndNew = sql`(select json_group_array(id) from (
    select value as id from json_each(${JSON.stringify(task.owed)})
    union select ${articles.id} from ${articles} where ${publishedNow}))`
  const [published] = await db.batch([
    db
      .update(articles)
      .set({ status: 'published', updatedAt: now })
      .where(due)
      .returning({ id: articles.id }),
    // changes() is the row count of the update just above: the cursor is written only for news.
    setJobCursorQuery(db, task.name, owedAndNew, sql`changes() > 0`),
  ])
  const ids = [...new Set([...task.owed, ...published.map((row) => row.id)])]
  if (ids.length > 0) await markSiteUpdated(db, now)
  return ids
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
