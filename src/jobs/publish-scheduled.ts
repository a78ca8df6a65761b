// Cron task: scheduled articles whose time has come go live, and every page they change is purged.
import { publishDueArticles } from '../services/publishing'
import type { Job } from './run-job'

/** The cursor holds, as a JSON array, the stories a cut-off run published but never purged. */
export function parseOwedIds(cursor: string | null): number[] {
  try {
    const ids: unknown = JSON.parse(cursor ?? '[]')
    return Array.isArray(ids) ? ids.filter((id) => Number.isSafeInteger(id) && id > 0) : []
  } catch {
    return []
  }
}

export const publishScheduled: Job = {
  name: 'publish-scheduled',
  leaseMs: 60_000,
  async run({ name, db, now, purge, cursor }) {
    const owed = parseOwedIds(cursor)
    const ids = await publishDueArticles(db, now, { name, owed })
    if (ids.length === 0) return { counts: { published: 0, purged: 0 } }
    const report = await purge(ids.map((id) => ({ kind: 'article', articleId: id })))
    const counts = { published: ids.length - owed.length, recovered: owed.length }
    // Purged: nothing is owed any more.
    return { counts: { ...counts, purged: report.paths.length }, cursor: null }
  },
}
