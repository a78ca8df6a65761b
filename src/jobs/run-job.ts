// Runs one cron task under its lease and records the outcome in `jobs`; never throws.
import type { Db } from '../db/client'
import { acquireJobLease, finishJobRun } from '../db/queries/jobs'

export interface Job {
  name: string
  /** Longest a run may hold the lease; a crashed run's lease expires after this. */
  leaseMs: number
  run(db: Db, now: Date): Promise<Record<string, number>>
}

export type JobOutcome = { name: string; status: 'ok' | 'failed' | 'skipped'; error?: string }

export async function runJob(db: Db, job: Job, now = new Date()): Promise<JobOutcome> {
  const owner = crypto.randomUUID()
  try {
    if (!(await acquireJobLease(db, job.name, owner, now, new Date(now.getTime() + job.leaseMs)))) {
      return { name: job.name, status: 'skipped' }
    }
    const counts = await job.run(db, now)
    await finishJobRun(db, job.name, owner, { ok: true, counts, finishedAt: new Date() })
    return { name: job.name, status: 'ok' }
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
