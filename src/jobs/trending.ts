// Cron task: recomputes the trending list from the last 24 hours of views.
import { refreshTrending } from '../services/trending'
import type { Job } from './run-job'

export const computeTrending: Job = {
  name: 'trending',
  leaseMs: 60_000,
  async run({ db, now, purge }) {
    return { counts: await refreshTrending({ db, now, purge }) }
  },
}
