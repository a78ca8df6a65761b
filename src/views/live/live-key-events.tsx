// The live blog's "Key events" summary, linking to each; a poll replaces it when updates change.
import type { LiveUpdateView } from '../../db/queries/live-updates'
import { excerptOf } from '../../lib/plain-text'
import { RelativeTime } from '../components/relative-time'

export interface LiveKeyEventsProps {
  /** The key events, newest first. */
  events: LiveUpdateView[]
  timeZone: string
  /** Sent in a poll answer: htmx swaps it in place of the tab's list (out of band). */
  oob?: boolean
}

/** Always rendered, hidden when empty, so that a poll has a list to replace when the first arrives. */
export function LiveKeyEvents({ events, timeZone, oob = false }: LiveKeyEventsProps) {
  return (
    <nav
      id="live-key-events"
      class="live__key-events"
      aria-labelledby="key-events-heading"
      hidden={events.length === 0}
      data-hx-swap-oob={oob ? 'outerHTML' : undefined}
    >
      <h3 id="key-events-heading">Key events</h3>
      <ol>
        {events.map((update) => (
          <li>
            <a href={`#update-${update.id}`}>
              <RelativeTime date={update.createdAt} timeZone={timeZone} />{' '}
              {excerptOf(update.bodyHtml, 90)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
