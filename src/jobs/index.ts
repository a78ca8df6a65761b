// The scheduled handler: picks the tasks for the cron that fired and runs each one independently.
import { connectDb } from '../db/connect'
import { type Env, parseConfig } from '../env'
import { type OpenPageCache, openDefaultPageCache } from '../middleware/edge-cache'
import { purgeFunction } from '../services/purge-wiring'
import { pollAgencyFeeds } from './agency-feeds'
import { pruneLimits, pruneRows } from './prune'
import { publishScheduled } from './publish-scheduled'
import { refreshChangedRelated } from './related-changes'
import { continueRelatedRefresh, startRelatedRefresh } from './related-full'
import { type Job, type JobOutcome, runJob } from './run-job'
import { computeTrending } from './trending'

/** Must match `[triggers] crons` in wrangler.toml. */
export const CRON_EVERY_FIVE_MINUTES = '*/5 * * * *'
export const CRON_NIGHTLY = '17 3 * * *'

/** In order: what is published first gets its related lists and can trend in the same run. */
const SCHEDULE: Record<string, Job[]> = {
  [CRON_EVERY_FIVE_MINUTES]: [
    publishScheduled,
    refreshChangedRelated,
    continueRelatedRefresh,
    computeTrending,
    pruneLimits,
    // Last: outside services answer slowly at times, and the site's own tasks come first.
    pollAgencyFeeds,
  ],
  [CRON_NIGHTLY]: [startRelatedRefresh, pruneRows],
}

export function jobsFor(cron: string): Job[] {
  return SCHEDULE[cron] ?? []
}

export interface ScheduledDeps {
  /** The tasks to run instead of the cron's own (tests inject failing or slow ones). */
  jobs?: Job[]
  /** The edge cache to purge; the Worker's default cache unless a test passes its own. */
  openCache?: OpenPageCache
}

/**
 * Runs the cron's tasks one after another. runJob never throws, so one failing task never stops
 * the others; each records its own outcome in `jobs`.
 */
export async function runScheduled(
  controller: ScheduledController,
  env: Env,
  ctx: ExecutionContext,
  deps: ScheduledDeps = {},
): Promise<JobOutcome[]> {
  const config = parseConfig(env)
  const db = connectDb({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    timeoutMs: config.dbTimeoutMs,
  })
  const jobs = deps.jobs ?? jobsFor(controller.cron)
  if (jobs.length === 0) console.warn(`No jobs are scheduled for cron "${controller.cron}"`)
  const siteUrl = config.site.url
  if (!siteUrl) {
    console.warn(
      'SITE_URL is not set: cron cannot name cached pages, so it skips purging by URL. Set SITE_URL.',
    )
  }
  // Without SITE_URL no URL is known, so only a purge by tag (which needs none) can still run.
  const purgeConfig = siteUrl
    ? config
    : { ...config, zonePurge: config.zonePurge?.byTag ? config.zonePurge : undefined }
  const openCache = siteUrl ? (deps.openCache ?? openDefaultPageCache) : async () => undefined
  const purge = purgeFunction(purgeConfig, db, openCache, siteUrl ?? 'http://localhost', ctx)
  const now = new Date(controller.scheduledTime)
  const outcomes: JobOutcome[] = []
  for (const job of jobs) outcomes.push(await runJob(job, { db, now, config, purge }))
  return outcomes
}
