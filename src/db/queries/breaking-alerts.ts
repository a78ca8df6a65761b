// The breaking-news line: the current alert, setting a new one and clearing it early.
import { and, desc, gt, isNull, type Placeholder, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { breakingAlerts } from '../schema'

export interface BreakingAlert {
  id: number
  headline: string
  url: string
  expiresAt: Date
}

const alertColumns = {
  id: breakingAlerts.id,
  headline: breakingAlerts.headline,
  url: breakingAlerts.url,
  expiresAt: breakingAlerts.expiresAt,
}

/**
 * The newest alert that is neither cleared nor expired at `now`, as a statement that full pages add
 * to their one batch (read it with pickBreakingAlert).
 */
export function currentBreakingAlertQuery(
  db: Db,
  now: Date | Placeholder<string, Date> = new Date(),
) {
  return db
    .select(alertColumns)
    .from(breakingAlerts)
    .where(and(isNull(breakingAlerts.clearedAt), gt(breakingAlerts.expiresAt, now)))
    .orderBy(desc(breakingAlerts.id))
    .limit(1)
}

export function pickBreakingAlert(rows: BreakingAlert[]): BreakingAlert | null {
  return rows[0] ?? null
}

/** The current alert on its own, for the banner fragment. */
export async function findBreakingAlert(db: Db, now: Date): Promise<BreakingAlert | null> {
  return pickBreakingAlert(await currentBreakingAlertQuery(db, now))
}

/** Replaces any current alert with a new one, audited, in one batch. */
export async function insertBreakingAlert(
  db: Db,
  alert: Omit<BreakingAlert, 'id'>,
  authorId: number,
  at: Date,
): Promise<void> {
  await db.batch([
    db.update(breakingAlerts).set({ clearedAt: at }).where(isNull(breakingAlerts.clearedAt)),
    db.insert(breakingAlerts).values({ ...alert, authorId, createdAt: at }),
    db.run(sql`insert into audit_log (user_id, action, target_type, target_id, detail, created_at)
      values (${authorId}, 'breaking.set', 'breaking_alert', cast(last_insert_rowid() as text),
        ${JSON.stringify({ headline: alert.headline, url: alert.url })}, ${at.getTime()})`),
  ])
}

/** Clears the current alert before it expires; audited only if there was one. */
export async function clearBreakingAlert(db: Db, actorId: number, at: Date): Promise<boolean> {
  // Audited first, while an uncleared row proves there is something to clear (changes() is not
  // reliable on the local db-server, see live-writes.ts).
  const [, cleared] = await db.batch([
    db.run(sql`insert into audit_log (user_id, action, target_type, target_id, detail, created_at)
      select ${actorId}, 'breaking.clear', 'breaking_alert', null, '{}', ${at.getTime()}
      where exists (select 1 from breaking_alerts where cleared_at is null)`),
    db
      .update(breakingAlerts)
      .set({ clearedAt: at })
      .where(isNull(breakingAlerts.clearedAt))
      .returning({ id: breakingAlerts.id }),
  ])
  return cleared.length > 0
}
