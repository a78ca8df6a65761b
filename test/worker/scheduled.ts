// Test helpers for cron: run the scheduled handler's dispatcher, and read a task's row in `jobs`.
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { jobs } from '../../src/db/schema'
import type { Env } from '../../src/env'
import { CRON_EVERY_FIVE_MINUTES, runScheduled, type ScheduledDeps } from '../../src/jobs'
import { testDb } from './fixtures'

/** The test database holds a few hundred articles; one run may refresh all of their lists. */
export const WHOLE_SITE = { RELATED_BATCH_SIZE: '1000' }

export interface CronOptions extends ScheduledDeps {
  cron?: string
  scheduledTime?: number
  env?: Partial<Env>
}

/**
 * Runs the cron's tasks as the Worker's scheduled handler would, and waits for everything. Unless a
 * test passes a cache, purges skip the local cache: the first run relates every seeded article and
 * would spend seconds deleting a thousand keys that no test looks at.
 */
export async function runCron(options: CronOptions = {}) {
  const controller = createScheduledController({
    cron: options.cron ?? CRON_EVERY_FIVE_MINUTES,
    scheduledTime: options.scheduledTime ?? Date.now(),
  })
  const ctx = createExecutionContext()
  const deps = { jobs: options.jobs, openCache: options.openCache ?? (async () => undefined) }
  const outcomes = await runScheduled(controller, { ...env, ...options.env }, ctx, deps)
  await waitOnExecutionContext(ctx)
  return outcomes
}

/** The outcome of one task in a run, by name. */
export function outcomeOf(outcomes: Awaited<ReturnType<typeof runCron>>, name: string) {
  const outcome = outcomes.find((candidate) => candidate.name === name)
  if (!outcome) throw new Error(`task ${name} did not run`)
  return outcome
}

export async function jobRow(name: string) {
  const [row] = await testDb().select().from(jobs).where(eq(jobs.name, name))
  return row
}
