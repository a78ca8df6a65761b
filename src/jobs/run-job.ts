// Runs one cron task under its lease and records the outcome in `jobs`; never throws.
import type { Db } from '../db/client'
import { acquireJobLease, finishJobRun } from '../db/queries/jobs'
import type { Config } from '../env'
import type { ContentChange, PurgeReport } from '../services/purge'

/** What every task gets: the same database, config and purge function that requests get. */
export interface JobContext {
  /** The task's own name: its row in `jobs`. */
  name: string
  db: Db
  /** The cron's scheduled time, so a run and its retries agree on what "due" means. */
  now: Date
  config: Config
  purge: (changes: ContentChange[]) => Promise<PurgeReport>
  /** What the last successful run of this task left for the next one (null at first). */
  cursor: string | null
}

export interface JobResult {
  /** Recorded in `jobs.counts`, e.g. `{ published: 2, purged: 31 }`. */
  counts: Record<string, number>
  /** Where the next run resumes; left as it was when undefined. */
  cursor?: string | null
}

export interface Job {
  /** The task's row in `jobs`: runs sharing a name share the lease and the cursor. */
  name: string
  /** Longest a run may hold the lease; a crashed run's lease expires after this. */
  leaseMs: number
  run(context: JobContext): Promise<JobResult>
}

export type JobOutcome = {
  name: string
  status: 'ok' | 'failed' | 'skipped'
  counts?: Record<string, number>
  error?: string
}

export async function runJob(
  job: Job,
  context: Omit<JobContext, 'cursor' | 'name'>,
): Promise<JobOutcome> {
  const { db, now } = context
  const owner = crypto.randomUUID()
  try {
    const lease = await acquireJobLease(
      db,
      job.name,
      owner,
      now,
      new Date(now.getTime() + job.leaseMs),
    )
    if (!lease) return { name: job.name, status: 'skipped' }
    const { counts, cursor } = await job.run({ ...context, name: job.name, cursor: lease.cursor })
    await finishJobRun(db, job.name, owner, { ok: true, counts, cursor, finishedAt: new Date() })
    return { name: job.name, status: 'ok', counts }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`job ${job.name} failed:`, message)
    await finishJobRun(db, job.name, owner, {
      ok: false,
      counts: {},
      error: message,
      finishedAt: new Date(),
    }).catch(() => {
      // The database may be what failed; the lease then expires on its own.
    })
    return { name: job.name, status: 'failed', error: message }
  }
}
