// One live update as readers see it: time, author, key-event mark, optional image and the body.
import { raw } from 'hono/html'
import type { LiveUpdateView } from '../../db/queries/live-updates'
import { RelativeTime } from '../components/relative-time'

export interface LiveUpdateItemProps {
  update: LiveUpdateView
  timeZone: string
  /** Sent in a poll answer as a correction: htmx swaps it in place of the tab's copy (out of band). */
  oob?: boolean
}

export function LiveUpdateItem({ update, timeZone, oob = false }: LiveUpdateItemProps) {
  const classes = [
    'live-update',
    update.keyEvent ? 'live-update--key' : '',
    update.pinned ? 'live-update--pinned' : '',
  ]
  return (
    <li
      id={`update-${update.id}`}
      class={classes.filter(Boolean).join(' ')}
      tabindex={-1}
      data-hx-swap-oob={oob ? 'outerHTML' : undefined}
    >
      <p class="live-update__meta">
        <RelativeTime date={update.createdAt} timeZone={timeZone} />
        {update.pinned ? <span class="live-update__flag">Pinned</span> : null}
        {update.keyEvent ? <span class="live-update__flag">Key event</span> : null}
        {update.authorName ? <span class="live-update__author">{update.authorName}</span> : null}
      </p>
      {update.imageUrl ? (
        <img
          class="live-update__image"
          src={update.imageUrl}
          alt={update.imageAlt}
          loading="lazy"
        />
      ) : null}
      {/* body_html was rendered from Markdown and sanitised by an allowlist when it was saved. */}
      <div class="live-update__body">{raw(update.bodyHtml)}</div>
    </li>
  )
}
