// Scheduled articles going live: the status change and the cron cursor, written in one batch.
import { and, eq, lte, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles } from '../schema'
import { setJobCursorQuery } from './jobs'

/**
 * Publishes every scheduled article due by `now` and returns their ids. In the same batch it writes
 * into the task's cursor the ids the caller still owes a purge (`task.owed`) and the new ones, so a
 * run cut off before purging leaves the next run knowing them (see jobs/publish-scheduled.ts).
 */
export async function publishDueScheduled(
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
  return published.map((row) => row.id)
}
