// Publishing state changes shared by editors and cron: scheduled articles going live.
import type { Db } from '../db/client'
import { publishDueScheduled } from '../db/queries/publishing'
import { setLastUpdate } from '../db/queries/site-state'

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
  const published = await publishDueScheduled(db, now, task)
  const ids = [...new Set([...task.owed, ...published])]
  if (ids.length > 0) await markSiteUpdated(db, now)
  return ids
}

/** The footer's "Last update" follows every published change. */
export async function markSiteUpdated(db: Db, at: Date): Promise<void> {
  await setLastUpdate(db, at)
}
