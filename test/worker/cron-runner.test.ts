// The cron runner: every task recorded in `jobs`, failures isolated, leases against overlap, round trips.

import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { jobs } from '../../src/db/schema'
import { CRON_NIGHTLY } from '../../src/jobs'
import { pruneLimits, pruneRows } from '../../src/jobs/prune'
import { publishScheduled } from '../../src/jobs/publish-scheduled'
import { refreshChangedRelated } from '../../src/jobs/related-changes'
import { continueRelatedRefresh } from '../../src/jobs/related-full'
import type { Job } from '../../src/jobs/run-job'
import { computeTrending } from '../../src/jobs/trending'
import { testDb, uniqueSuffix } from './fixtures'
import { meteredDb } from './helpers'
import { jobRow, outcomeOf, runCron, WHOLE_SITE } from './scheduled'

function failingJob(): Job {
  return {
    name: `test-failing-${uniqueSuffix()}`,
    leaseMs: 60_000,
    run: async () => {
      throw new Error('the feed provider is down')
    },
  }
}

/** A task that waits, once started, until the test lets it finish. */
function slowJob() {
  let started!: () => void
  let finish!: () => void
  const hasStarted = new Promise<void>((resolve) => {
    started = resolve
  })
  const release = new Promise<void>((resolve) => {
    finish = resolve
  })
  let runs = 0
  const job: Job = {
    name: `test-slow-${uniqueSuffix()}`,
    leaseMs: 60_000,
    async run() {
      runs++
      started()
      await release
      return { counts: { runs } }
    },
  }
  return { job, hasStarted, finish, runs: () => runs }
}

describe('the cron runner', () => {
  it('records every task and lets a failing one leave the others done', async () => {
    const failing = failingJob()
    const outcomes = await runCron({ jobs: [failing, publishScheduled, computeTrending] })
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'ok', 'ok'])
    const failed = await jobRow(failing.name)
    expect(failed).toMatchObject({
      status: 'failed',
      lastError: 'the feed provider is down',
      leaseOwner: null,
      leaseUntil: null,
    })
    const trending = await jobRow('trending')
    expect(trending?.status).toBe('ok')
    expect(trending?.lastFinishedAt?.getTime()).toBeGreaterThanOrEqual(
      trending?.lastStartedAt?.getTime() ?? Number.POSITIVE_INFINITY,
    )
    expect(JSON.parse(trending?.counts ?? '')).toEqual(outcomeOf(outcomes, 'trending').counts)
  })

  it('runs the nightly tasks, each recorded with its counts', async () => {
    const outcomes = await runCron({ cron: CRON_NIGHTLY, env: WHOLE_SITE })
    expect(outcomes.map((outcome) => [outcome.name, outcome.status])).toEqual([
      ['related-full', 'ok'],
      ['prune', 'ok'],
    ])
    expect(Object.keys(JSON.parse((await jobRow('prune'))?.counts ?? '{}'))).toEqual([
      'views',
      'rateLimits',
      'sessions',
    ])
  })

  it('skips a task whose lease an overlapping run holds, then runs it once the lease is free', async () => {
    const slow = slowJob()
    const first = runCron({ jobs: [slow.job] })
    await slow.hasStarted
    const overlapping = await runCron({ jobs: [slow.job] })
    expect(overlapping).toEqual([{ name: slow.job.name, status: 'skipped' }])
    expect((await jobRow(slow.job.name))?.status).toBe('running')
    slow.finish()
    expect((await first)[0]?.status).toBe('ok')
    expect(slow.runs()).toBe(1)
    expect((await runCron({ jobs: [slow.job] }))[0]?.status).toBe('ok')
    expect(slow.runs()).toBe(2)
  })

  it('takes over the lease of a run that crashed once it has expired', async () => {
    const slow = slowJob()
    slow.finish()
    const now = Date.now()
    await testDb()
      .insert(jobs)
      .values({
        name: slow.job.name,
        status: 'running',
        leaseOwner: 'crashed',
        leaseUntil: new Date(now + 60_000),
      })
    expect((await runCron({ jobs: [slow.job], scheduledTime: now }))[0]?.status).toBe('skipped')
    await testDb()
      .update(jobs)
      .set({ leaseUntil: new Date(now - 1) })
      .where(eq(jobs.name, slow.job.name))
    expect((await runCron({ jobs: [slow.job], scheduledTime: now }))[0]?.status).toBe('ok')
    expect(await jobRow(slow.job.name)).toMatchObject({ status: 'ok', leaseOwner: null })
  })

  it('keeps each task with nothing to do to a few database round trips', async () => {
    // Settle first, so that the measured runs find nothing new to publish, relate or rank.
    const scheduledTime = Date.now()
    await runCron({ env: WHOLE_SITE, scheduledTime })
    const roundTrips = async (job: Job) => {
      const db = meteredDb()
      const [outcome] = await runCron({
        jobs: [job],
        env: { ...db.env, ...WHOLE_SITE },
        scheduledTime,
      })
      expect(outcome?.status).toBe('ok')
      return db.roundTrips()
    }
    // Lease, the task's one read (or write), and the record of the run.
    expect(await roundTrips(publishScheduled)).toBe(3)
    expect(await roundTrips(refreshChangedRelated)).toBe(3)
    expect(await roundTrips(computeTrending)).toBe(3)
    expect(await roundTrips(pruneRows)).toBe(3)
    expect(await roundTrips(pruneLimits)).toBe(3)
    // No pass under way: the lease and the record only.
    expect(await roundTrips(continueRelatedRefresh)).toBe(2)
  })
})
