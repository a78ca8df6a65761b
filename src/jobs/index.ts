// The scheduled handler: picks the tasks for the cron that fired and runs each one independently.
import { connectDb } from '../db/connect'
import { type Env, parseConfig } from '../env'
import { publishScheduled } from './publish-scheduled'
import { type Job, type JobOutcome, runJob } from './run-job'

/** Must match `[triggers] crons` in wrangler.toml. */
export const CRON_EVERY_FIVE_MINUTES = '*/5 * * * *'
export const CRON_NIGHTLY = '17 3 * * *'

const SCHEDULE: Record<string, Job[]> = {
  [CRON_EVERY_FIVE_MINUTES]: [publishScheduled],
  [CRON_NIGHTLY]: [],
}

export function jobsFor(cron: string): Job[] {
  return SCHEDULE[cron] ?? []
}

export async function runScheduled(
  controller: ScheduledController,
  env: Env,
  _ctx: ExecutionContext,
): Promise<JobOutcome[]> {
  const config = parseConfig(env)
  const db = connectDb({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    timeoutMs: config.dbTimeoutMs,
  })
  const jobs = jobsFor(controller.cron)
  if (jobs.length === 0) console.warn(`No jobs are scheduled for cron "${controller.cron}"`)
  // runJob never throws, so one failing task never stops the others.
  return Promise.all(jobs.map((job) => runJob(db, job, new Date(controller.scheduledTime))))
}
