// The element htmx polls with, and what a poll answers: new updates held back, corrections, the poller.
import type { LivePoll } from '../../db/queries/live-poll'
import { LIVE_POLL_SECONDS, livePollPath } from '../../lib/live-poll'
import { LiveKeyEvents } from './live-key-events'
import { LiveUpdateItem } from './live-update-item'

/**
 * Polls while the coverage runs; public/js/site.js skips the ticks while the tab is hidden and
 * fires `live:poll` when it is shown again; it also keeps the poller when a poll fails.
 */
export function LivePoller({ articleId, after }: { articleId: number; after: number }) {
  const attributes = {
    'data-hx-get': livePollPath(articleId, after),
    'data-hx-trigger': `every ${LIVE_POLL_SECONDS}s, live:poll`,
    'data-hx-swap': 'outerHTML',
  }
  return <div id="live-poll" class="live__poll" data-live-poll={String(after)} {...attributes} />
}

export interface LivePollAnswerProps {
  articleId: number
  poll: LivePoll
  timeZone: string
}

/**
 * New updates go into the held-back list, not the stream, so nothing moves under the reader's eyes:
 * site.js counts them into the "N new updates" button. Edited, pinned and unpinned updates replace
 * the tab's copies and deleted ones go, out of band (ids the tab never had are ignored by htmx);
 * site.js then moves pins between the lists. Ended coverage replaces the poller with a note.
 */
export function LivePollAnswer({ articleId, poll, timeZone }: LivePollAnswerProps) {
  const { added, changed, removedIds } = poll
  const keyEventsMoved =
    changed.length > 0 || removedIds.length > 0 || added.some((update) => update.keyEvent)
  return (
    <>
      {added.length > 0 ? (
        <hx-partial hx-target="#live-pending" hx-swap="afterbegin">
          {added.map((update) => (
            <LiveUpdateItem update={update} timeZone={timeZone} />
          ))}
        </hx-partial>
      ) : null}
      {changed.map((update) => (
        <LiveUpdateItem update={update} timeZone={timeZone} oob />
      ))}
      {removedIds.map((id) => (
        <li id={`update-${id}`} data-hx-swap-oob="delete" />
      ))}
      {keyEventsMoved ? <LiveKeyEvents events={poll.keyEvents} timeZone={timeZone} oob /> : null}
      {poll.endedAt !== null ? (
        <p id="live-poll" class="live__ended">
          Live coverage has ended.
        </p>
      ) : (
        <LivePoller articleId={articleId} after={poll.revision} />
      )}
    </>
  )
}
