// Cron task: recomputes the related lists of articles changed since the last run, and of their neighbours.
import type { ChangeCursor } from '../db/queries/related-targets'
import { refreshChangedLists } from '../services/related-refresh'
import type { Job } from './run-job'

/** `<updated_at ms>.<id>` of the last change handled; anything unreadable starts from the beginning. */
export function parseChangeCursor(cursor: string | null): ChangeCursor {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(cursor ?? '')
  return match ? { updatedAt: Number(match[1]), id: Number(match[2]) } : { updatedAt: 0, id: 0 }
}

export const refreshChangedRelated: Job = {
  name: 'related-changes',
  leaseMs: 4 * 60_000,
  async run({ db, now, config, purge, cursor }) {
    const after = parseChangeCursor(cursor)
    const { counts, last } = await refreshChangedLists(
      { db, purge, now },
      after,
      config.jobs.relatedBatchSize,
    )
    // Advanced only past what this run handled, so a bulk change is worked off run by run.
    return { counts, cursor: last ? `${last.updatedAt}.${last.id}` : undefined }
  },
}
