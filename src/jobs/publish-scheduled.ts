// Cron task: scheduled articles whose time has come go live, and every page they change is purged.
import { publishDueArticles } from '../services/publishing'
import type { Job } from './run-job'

export const publishScheduled: Job = {
  name: 'publish-scheduled',
  leaseMs: 60_000,
  async run({ db, now, purge }) {
    const published = await publishDueArticles(db, now)
    if (published.length === 0) return { counts: { published: 0, purged: 0 } }
    const report = await purge(published.map(({ id }) => ({ kind: 'article', articleId: id })))
    return { counts: { published: published.length, purged: report.paths.length } }
  },
}
