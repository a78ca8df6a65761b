// Cron tasks: nightly pruning of old views and expired rows, and of rate limits every five minutes.
import { pruneExpiredLimits, pruneExpiredRows } from '../db/queries/prune'
import type { Job } from './run-job'

export const pruneRows: Job = {
  name: 'prune',
  leaseMs: 60_000,
  async run({ db, now, config }) {
    const pruned = await pruneExpiredRows(db, now, config.jobs.viewRetentionDays)
    return { counts: { ...pruned } }
  },
}

export const pruneLimits: Job = {
  name: 'prune-limits',
  leaseMs: 60_000,
  async run({ db, now }) {
    return { counts: { rateLimits: await pruneExpiredLimits(db, now) } }
  },
}
