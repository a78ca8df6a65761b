// The soak's cron: caught up with the seed before the clock starts, then triggered on a fixed beat.
import { setTimeout as sleep } from 'node:timers/promises'
import { eq } from 'drizzle-orm'
import type { Db } from '../../src/db/client'
import { jobs } from '../../src/db/schema'
import { runCron } from '../faults/http'

export interface CronTally {
  runs: number
  everyMs: number
  unexpected: string[]
  ms: number[]
}

/**
 * A fresh seed's related lists count as changed since the epoch, so the first cron runs recompute
 * all of them (about 20 s of work here). The soak measures the steady state, so that is done first.
 * Returns how many runs it took.
 */
export async function catchUpWithSeed(origin: string, store: Db, maxRuns = 6): Promise<number> {
  for (let run = 1; run <= maxRuns; run++) {
    const answer = await runCron(origin)
    if (answer.status !== 200) throw new Error(`the warm-up cron run answered ${answer.status}`)
    const [row] = await store.select().from(jobs).where(eq(jobs.name, 'related-changes'))
    const counts = JSON.parse(row?.counts ?? '{}') as { changedArticles?: number }
    if (row?.status === 'ok' && counts.changedArticles === 0) return run
  }
  throw new Error(`cron had not caught up with the seed after ${maxRuns} runs`)
}

/** Triggers the five-minute cron every `everyMs` while a whole beat still fits before `until`. */
export async function runCronEvery(origin: string, everyMs: number, until: number) {
  const tally: CronTally = { runs: 0, everyMs, unexpected: [], ms: [] }
  while (Date.now() + everyMs <= until) {
    await sleep(everyMs)
    const answer = await runCron(origin)
    tally.runs++
    tally.ms.push(answer.ms)
    if (answer.status !== 200) tally.unexpected.push(`cron answered ${answer.status}`)
  }
  return tally
}
