// Cron task: nightly removal of old view buckets, ended rate-limit windows and expired sessions.
import { pruneExpiredRows } from '../db/queries/prune'
import type { Job } from './run-job'

export const pruneRows: Job = {
  name: 'prune',
  leaseMs: 60_000,
  async run({ db, now, config }) {
    const pruned = await pruneExpiredRows(db, now, config.jobs.viewRetentionDays)
    return { counts: { ...pruned } }
  },
}
