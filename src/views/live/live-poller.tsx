// The element htmx polls with, and what a poll answers: new updates held back, and the next poller.
import type { LiveUpdateView } from '../../db/queries/live-updates'
import { LIVE_POLL_SECONDS } from '../../lib/live-poll'
import { LiveUpdateItem } from './live-update-item'

export function livePollUrl(articleId: number, after: number): string {
  return `/fragments/articles/${articleId}/live?after=${after}`
}

/**
 * Polls while the coverage runs; public/js/site.js skips the ticks while the tab is hidden and
 * fires `live:poll` when it is shown again; it also keeps the poller when a poll fails.
 */
export function LivePoller({ articleId, after }: { articleId: number; after: number }) {
  const attributes = {
    'data-hx-get': livePollUrl(articleId, after),
    'data-hx-trigger': `every ${LIVE_POLL_SECONDS}s, live:poll`,
    'data-hx-swap': 'outerHTML',
  }
  return <div id="live-poll" class="live__poll" data-live-poll={String(after)} {...attributes} />
}

export interface LivePollAnswerProps {
  articleId: number
  /** Newer than the reader's cursor, newest first. */
  updates: LiveUpdateView[]
  /** The cursor the reader sent; the next poller keeps it when nothing is new. */
  after: number
  ended: boolean
  timeZone: string
}

/**
 * New updates go into the held-back list, not the stream, so nothing moves under the reader's eyes:
 * site.js counts them into the "N new updates" button. Ended coverage replaces the poller with a note.
 */
export function LivePollAnswer({
  articleId,
  updates,
  after,
  ended,
  timeZone,
}: LivePollAnswerProps) {
  const newest = updates[0]?.id ?? after
  return (
    <>
      {updates.length > 0 ? (
        <hx-partial hx-target="#live-pending" hx-swap="afterbegin">
          {updates.map((update) => (
            <LiveUpdateItem update={update} timeZone={timeZone} />
          ))}
        </hx-partial>
      ) : null}
      {ended ? (
        <p id="live-poll" class="live__ended">
          Live coverage has ended.
        </p>
      ) : (
        <LivePoller articleId={articleId} after={newest} />
      )}
    </>
  )
}
