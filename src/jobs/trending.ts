// Cron task: admits the views the beacon collected, under a cap, and recomputes the trending list.
import { refreshTrending } from '../services/trending'
import type { Job } from './run-job'

export const computeTrending: Job = {
  name: 'trending',
  leaseMs: 60_000,
  async run({ db, now, purge, config }) {
    const editions = config.editions.map((edition) => edition.code)
    return { counts: await refreshTrending({ db, now, purge, editions }) }
  },
}
