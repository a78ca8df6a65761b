// What the soak asserts once its traffic has run, each check with the figures behind it.
import { like, notInArray } from 'drizzle-orm'
import type { Db } from '../../src/db/client'
import { comments, jobs } from '../../src/db/schema'
import type { Checks } from '../faults/checks'
import type { CommentTally } from './comments'
import type { CronTally } from './cron'
import type { SaveTally } from './editor'
import type { MemoryTrend } from './memory'
import type { ReadTally } from './reads'

export interface SoakOutcome {
  runId: string
  reads: ReadTally
  beacons: ReadTally
  comments: CommentTally
  saves: SaveTally
  cron: CronTally
  memory: MemoryTrend
  /** When the memory baseline was read, for the report: "minute 2". */
  baseline: string
  /** Everything wrangler printed. */
  workerLog: string
}

const percent = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`
const listed = (problems: string[]) =>
  problems.length ? `; ${problems.slice(0, 5).join('; ')}` : ''

export async function judgeSoak(checks: Checks, store: Db, outcome: SoakOutcome): Promise<void> {
  const { reads, beacons, memory } = outcome
  const hitRatio = (reads.xCache.HIT ?? 0) / Math.max(1, reads.requests)
  checks.expect(
    'every read succeeded, nine in ten from the cache',
    reads.failed === 0 && hitRatio >= 0.85,
    `${reads.requests} reads, ${reads.failed} failed, ${(hitRatio * 100).toFixed(1)}% hits ` +
      `(${JSON.stringify(reads.xCache)}), p99 ${reads.p99Ms} ms` +
      (reads.failedAt.length ? `, failures at ${reads.failedAt.slice(0, 10).join(', ')} s` : ''),
  )
  checks.expect(
    'every beacon was answered 204',
    beacons.failed === 0 && beacons.requests > 0,
    `${beacons.requests} beacons, statuses ${JSON.stringify(beacons.statuses)}` +
      (beacons.failedAt.length ? `, failures at ${beacons.failedAt.join(', ')} s` : ''),
  )
  checks.expect(
    'comments at the limit were accepted, and the one over it refused with 429',
    outcome.comments.unexpected.length === 0 && outcome.comments.accepted > 0,
    `${outcome.comments.accepted} accepted, ${outcome.comments.limited} refused over the limit` +
      listed(outcome.comments.unexpected),
  )
  checks.expect(
    'every editor save went through',
    outcome.saves.unexpected.length === 0 && outcome.saves.saved > 0,
    `${outcome.saves.saved} saves${listed(outcome.saves.unexpected)}`,
  )
  const failedJobs = await store
    .select({ name: jobs.name, error: jobs.lastError })
    .from(jobs)
    .where(notInArray(jobs.status, ['ok', 'idle']))
  checks.expect(
    `cron ran every ${outcome.cron.everyMs / 1000} s and every task finished`,
    outcome.cron.unexpected.length === 0 && failedJobs.length === 0 && outcome.cron.runs > 0,
    `${outcome.cron.runs} runs, taking ${outcome.cron.ms.join(', ')} ms; ` +
      (failedJobs.map((job) => `${job.name}: ${job.error}`).join('; ') || 'all tasks ok'),
  )
  const stored = await store
    .select({ id: comments.id })
    .from(comments)
    .where(like(comments.body, `Soak ${outcome.runId} comment %`))
  checks.expect(
    'every accepted comment is in the database',
    stored.length === outcome.comments.accepted,
    `${outcome.comments.accepted} accepted (2xx/303), ${stored.length} rows`,
  )
  // Judged on the Worker's live heap: wrangler dev's workerd grows its RSS with every request
  // even for a five-line hello-world Worker, so RSS is reported, not judged (see README).
  checks.expect(
    "the Worker's memory stayed flat (live JS heap within 20%)",
    Math.abs(memory.heapGrowth) <= 0.2,
    `heap ${memory.baseline.heapMb} MB at ${outcome.baseline}, ${memory.end.heapMb} MB at the end ` +
      `(${percent(memory.heapGrowth)}); workerd RSS ${memory.baseline.rssMb} MB → ` +
      `${memory.end.rssMb} MB (${percent(memory.rssGrowth)}), peak ${memory.peakRssMb} MB` +
      listed(
        [memory.baseline.heapError, memory.end.heapError].filter((error) => error !== undefined),
      ),
  )
  const errors = outcome.workerLog.split('\n').filter((line) => /\[ERROR\]|uncaught/i.test(line))
  checks.expect(
    'the Worker logged no errors',
    errors.length === 0,
    errors.slice(0, 3).join(' | ') || 'none',
  )
}
