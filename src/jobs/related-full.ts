// Cron task: the full related-list refresh, one bounded chunk per run, resuming from a cursor.
import { refreshListChunk } from '../services/related-refresh'
import type { Job, JobContext } from './run-job'

const NAME = 'related-full'

/** `after:<id>` while a pass is under way; null when none is. */
function parseAfterId(cursor: string | null): number | null {
  const match = /^after:(\d{1,15})$/.exec(cursor ?? '')
  return match ? Number(match[1]) : null
}

async function refreshChunk({ db, now, config, purge }: JobContext, afterId: number) {
  const { counts, lastId } = await refreshListChunk(
    { db, purge, now },
    afterId,
    config.jobs.relatedBatchSize,
  )
  return {
    counts: { ...counts, passDone: lastId === null ? 1 : 0 },
    cursor: lastId === null ? null : `after:${lastId}`,
  }
}

/** Nightly: starts a pass over every published article, or resumes one that has not finished. */
export const startRelatedRefresh: Job = {
  name: NAME,
  leaseMs: 4 * 60_000,
  run: (context) => refreshChunk(context, parseAfterId(context.cursor) ?? 0),
}

/**
 * Every 5 minutes: the next chunk of a pass under way, so a large site is done in a night rather
 * than one chunk a night. It shares the nightly task's name, so the two never overlap.
 */
export const continueRelatedRefresh: Job = {
  name: NAME,
  leaseMs: 4 * 60_000,
  async run(context) {
    const afterId = parseAfterId(context.cursor)
    if (afterId === null) return { counts: { idle: 1 } }
    return refreshChunk(context, afterId)
  },
}
