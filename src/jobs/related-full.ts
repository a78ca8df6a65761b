// Cron task: the full related-list refresh, a few bounded chunks per run, resuming from a cursor.
import { refreshListChunk } from '../services/related-refresh'
import type { Job, JobContext } from './run-job'

const NAME = 'related-full'

/**
 * Chunks of RELATED_BATCH_SIZE lists one run refreshes. At the default 200, that is 1,000 lists
 * every 5 minutes, 288,000 a day: a million-article archive is redone in under four days, with
 * about a dozen database round trips per run.
 */
export const CHUNKS_PER_RUN = 5
/** No chunk starts after this long, so a slow database never stretches a run past cron limits. */
const RUN_BUDGET_MS = 15_000

/** `after:<id>` while a pass is under way; null when none is. */
function parseAfterId(cursor: string | null): number | null {
  const match = /^after:(\d{1,15})$/.exec(cursor ?? '')
  return match ? Number(match[1]) : null
}

async function refreshChunks({ db, now, config, purge }: JobContext, afterId: number) {
  const started = Date.now()
  const counts: Record<string, number> = {}
  let lastId: number | null = afterId
  let chunks = 0
  while (lastId !== null && chunks < CHUNKS_PER_RUN && Date.now() - started < RUN_BUDGET_MS) {
    const chunk = await refreshListChunk({ db, purge, now }, lastId, config.jobs.relatedBatchSize)
    for (const [key, value] of Object.entries(chunk.counts))
      counts[key] = (counts[key] ?? 0) + value
    lastId = chunk.lastId
    chunks++
  }
  return {
    counts: { ...counts, chunks, passDone: lastId === null ? 1 : 0 },
    cursor: lastId === null ? null : `after:${lastId}`,
  }
}

/** Nightly: starts a pass over every published article, or resumes one that has not finished. */
export const startRelatedRefresh: Job = {
  name: NAME,
  leaseMs: 4 * 60_000,
  run: (context) => refreshChunks(context, parseAfterId(context.cursor) ?? 0),
}

/**
 * Every 5 minutes: the next chunks of a pass under way, so a large site is done in days rather
 * than one chunk a night. It shares the nightly task's name, so the two never overlap.
 */
export const continueRelatedRefresh: Job = {
  name: NAME,
  leaseMs: 4 * 60_000,
  async run(context) {
    const afterId = parseAfterId(context.cursor)
    if (afterId === null) return { counts: { idle: 1 } }
    return refreshChunks(context, afterId)
  },
}
