// Polls one subscribed agency feed: conditional GET, parse, land new items, record success or backoff.
import {
  type DueAgencyFeed,
  feedSource,
  recordFeedFailure,
  recordFeedSuccess,
} from '../db/queries/agency-feeds'
import { FeedParseError, parseFeed } from '../lib/agency-feed-parse'
import { AppError } from '../lib/errors'
import { type FeedFetchOptions, fetchFeed } from './agency-feed-fetch'
import { type IngestReport, ingestFeedItems } from './agency-feed-ingest'
import type { EditorialDeps } from './editorial'

/** The first retry waits one cron interval; each further failure doubles it, up to a day. */
const BACKOFF_BASE_MS = 5 * 60_000
export const BACKOFF_MAX_MS = 24 * 60 * 60_000

export type PollOutcome =
  | { status: 'not-modified' }
  | { status: 'ok'; report: IngestReport }
  | { status: 'failed'; error: string; nextAttemptAt: Date }

/** When a feed that has now failed `failures` times in a row is tried again. */
export function nextAttemptAfter(failures: number, now: Date): Date {
  const delay = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS)
  return new Date(now.getTime() + delay)
}

/**
 * Polls a due feed and records the result on its row. Never throws for the feed's own faults
 * (unreachable, refused, malformed, or anything unexpected): each becomes a failure with backoff,
 * shown in the newsroom. Only a database that cannot record the failure makes it throw.
 */
export async function pollAgencyFeed(
  deps: EditorialDeps,
  feed: DueAgencyFeed,
  fetchOptions: FeedFetchOptions,
  /** Most new items this poll may land; the run shares one budget among its feeds. */
  limit?: number,
): Promise<PollOutcome> {
  const { db, now } = deps
  try {
    if (!feed.owner) {
      throw new AppError(
        'UNAVAILABLE',
        'The editor who subscribed is no longer active; subscribe again.',
      )
    }
    const result = await fetchFeed(feed.url, feed, fetchOptions)
    if (result.status === 'not-modified') {
      await recordFeedSuccess(db, feed.id, now)
      return { status: 'not-modified' }
    }
    const parsed = parseFeed(result.body, result.url)
    const report = await ingestFeedItems(
      deps,
      {
        source: feedSource(feed.id),
        categorySlug: feed.categorySlug,
        byline: feed.byline,
        mode: feed.mode,
        actor: feed.owner,
      },
      parsed.items,
      { limit },
    )
    // With items left over, the next poll must not be answered 304: it forgets the validators.
    await recordFeedSuccess(
      db,
      feed.id,
      now,
      report.remaining > 0
        ? { etag: null, lastModified: null }
        : { etag: result.etag, lastModified: result.lastModified },
    )
    return { status: 'ok', report }
  } catch (error) {
    const known = error instanceof AppError || error instanceof FeedParseError
    // The newsroom sees our own words; anything else goes to the logs, not to the page.
    if (!known) console.error(`agency feed ${feed.id} failed:`, error)
    const message = known ? error.message : 'The feed could not be read (see the Worker logs).'
    const nextAttemptAt = nextAttemptAfter(feed.failureCount + 1, now)
    // If this write fails too, the database is down: the error ends the run, as it should.
    await recordFeedFailure(db, feed.id, { error: message, now, nextAttemptAt })
    return { status: 'failed', error: message, nextAttemptAt }
  }
}
