// Cron task: polls every agency feed that is due, landing new items; a failing feed only backs off.
import { listDueAgencyFeeds } from '../db/queries/agency-feeds'
import { FEED_TIMEOUT_MS } from '../services/agency-feed-fetch'
import { pollAgencyFeed } from '../services/agency-feed-poll'
import type { Job } from './run-job'

/** Feeds one run polls, one after another: at the timeout each, a run stays well inside its lease. */
const FEEDS_PER_RUN = 10
/**
 * New articles one run creates across its feeds. Each costs a few database round trips, and a run is
 * one invocation with a cap on subrequests; the rest land in the next run.
 */
const ITEMS_PER_RUN = 60

export const pollAgencyFeeds: Job = {
  name: 'agency-feeds',
  leaseMs: FEEDS_PER_RUN * FEED_TIMEOUT_MS + 60_000,
  async run({ db, now, config, purge }) {
    const due = await listDueAgencyFeeds(db, now, FEEDS_PER_RUN)
    const counts = {
      feeds: due.length,
      notModified: 0,
      failed: 0,
      created: 0,
      published: 0,
      rejected: 0,
    }
    const deps = { db, now, purge, siteLanguage: config.site.language }
    const policy = { allowPrivate: config.agencyFeeds.allowPrivateAddresses }
    let budget = ITEMS_PER_RUN
    for (const feed of due) {
      // Feeds not reached stay due, and come first in the next run.
      if (budget <= 0) break
      // pollAgencyFeed records a feed's own failure and returns; it throws only if the database does.
      const outcome = await pollAgencyFeed(deps, feed, policy, budget)
      if (outcome.status === 'not-modified') counts.notModified++
      else if (outcome.status === 'failed') counts.failed++
      else {
        counts.created += outcome.report.created
        counts.published += outcome.report.published
        counts.rejected += outcome.report.rejected.length
        budget -= outcome.report.created + outcome.report.rejected.length
      }
    }
    return { counts }
  },
}
