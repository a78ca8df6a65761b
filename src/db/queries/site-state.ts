// site_state: small shared facts such as the moment of the last published content change.
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { siteState } from '../schema'

export const LAST_UPDATE_KEY = 'last_update_at'

export function lastUpdateQuery(db: Db) {
  return db
    .select({ value: siteState.value })
    .from(siteState)
    .where(eq(siteState.key, LAST_UPDATE_KEY))
}

export function parseLastUpdate(rows: { value: string }[]): Date | null {
  const value = rows[0]?.value
  const date = value ? new Date(value) : null
  return date && !Number.isNaN(date.getTime()) ? date : null
}

/** A cheap query that proves the database answers. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.run(sql`select 1`)
}

/** Moves the site's last-update stamp to `at`. */
export async function setLastUpdate(db: Db, at: Date): Promise<void> {
  await db
    .insert(siteState)
    .values({ key: LAST_UPDATE_KEY, value: at.toISOString(), updatedAt: at })
    .onConflictDoUpdate({
      target: siteState.key,
      set: { value: at.toISOString(), updatedAt: at },
    })
}
