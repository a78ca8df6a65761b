// The `jobs` table: a lease per cron task so overlapping runs never do the same work, and its last run.
import { and, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { jobs } from '../schema'

export interface JobRow {
  name: string
  status: string
  lastStartedAt: Date | null
  lastFinishedAt: Date | null
  lastError: string | null
  counts: string
  cursor: string | null
}

/**
 * Takes the task's lease until `until` unless another run holds an unexpired one. Returns the
 * cursor the last successful run left, or null when the task is already running elsewhere.
 */
export async function acquireJobLease(
  db: Db,
  name: string,
  owner: string,
  now: Date,
  until: Date,
): Promise<{ cursor: string | null } | null> {
  const [, acquired] = await db.batch([
    db.insert(jobs).values({ name }).onConflictDoNothing(),
    db
      .update(jobs)
      .set({ status: 'running', leaseOwner: owner, leaseUntil: until, lastStartedAt: now })
      .where(and(eq(jobs.name, name), or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, now))))
      .returning({ cursor: jobs.cursor }),
  ])
  return acquired[0] ?? null
}

/**
 * Records how the run ended and releases the lease, if this run still holds it. The cursor moves
 * only when one is given, so a failed run leaves it where the next run must resume.
 */
export async function finishJobRun(
  db: Db,
  name: string,
  owner: string,
  result: {
    ok: boolean
    counts: Record<string, number>
    error?: string
    finishedAt: Date
    cursor?: string | null
  },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      ...(result.cursor === undefined ? {} : { cursor: result.cursor }),
      status: result.ok ? 'ok' : 'failed',
      lastFinishedAt: result.finishedAt,
      lastError: result.error ?? null,
      counts: JSON.stringify(result.counts),
      leaseOwner: null,
      leaseUntil: null,
    })
    .where(and(eq(jobs.name, name), eq(jobs.leaseOwner, owner)))
}

/**
 * Sets a task's cursor inside the caller's batch, so what a run must not forget is stored with the
 * write it follows from. A successful run replaces it (finishJobRun); a run cut off leaves it.
 */
export function setJobCursorQuery(db: Db, name: string, cursor: SQL, when: SQL) {
  return db
    .update(jobs)
    .set({ cursor })
    .where(and(eq(jobs.name, name), when))
}

export async function listJobs(db: Db): Promise<JobRow[]> {
  return db
    .select({
      name: jobs.name,
      status: jobs.status,
      lastStartedAt: jobs.lastStartedAt,
      lastFinishedAt: jobs.lastFinishedAt,
      lastError: jobs.lastError,
      counts: jobs.counts,
      cursor: jobs.cursor,
    })
    .from(jobs)
    .orderBy(sql`${jobs.name}`)
}
