// Cron task: scheduled articles whose time has come go live.
import { publishDueArticles } from '../services/publishing'
import type { Job } from './run-job'

export const publishScheduled: Job = {
  name: 'publish-scheduled',
  leaseMs: 60_000,
  async run(db, now) {
    const published = await publishDueArticles(db, now)
    return { published: published.length }
  },
}
