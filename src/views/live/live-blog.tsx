// The live blog on an article page: key events, pinned updates, the newest updates and the poller.
import type { LiveBlogView } from '../../db/queries/live-updates'
import { excerptOf } from '../../lib/plain-text'
import { RelativeTime } from '../components/relative-time'
import { LivePoller } from './live-poller'
import { LiveUpdateItem } from './live-update-item'

export interface LiveBlogProps {
  articleId: number
  live: LiveBlogView
  timeZone: string
}

function KeyEvents({ live, timeZone }: Omit<LiveBlogProps, 'articleId'>) {
  const events = live.updates.filter((update) => update.keyEvent)
  if (events.length === 0) return null
  return (
    <nav class="live__key-events" aria-labelledby="key-events-heading">
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

export function LiveBlog({ articleId, live, timeZone }: LiveBlogProps) {
  const running = live.endedAt === null
  const pinned = live.updates.filter((update) => update.pinned)
  const stream = live.updates.filter((update) => !update.pinned)
  return (
    <section class="live" aria-labelledby="live-heading" data-live={running ? 'running' : 'ended'}>
      <h2 id="live-heading">
        {running ? <span class="live__badge">Live</span> : null} Latest updates
      </h2>
      {running ? null : (
        <p class="live__ended">
          Live coverage ended <RelativeTime date={live.endedAt as Date} timeZone={timeZone} />.
        </p>
      )}
      <KeyEvents live={live} timeZone={timeZone} />
      {pinned.length > 0 ? (
        <ol class="live__updates live__updates--pinned" aria-label="Pinned">
          {pinned.map((update) => (
            <LiveUpdateItem update={update} timeZone={timeZone} />
          ))}
        </ol>
      ) : null}
      {running ? (
        <>
          {/* Announced politely: the count of held-back updates, never the text being read. */}
          <div class="live__status" role="status" aria-live="polite">
            <button type="button" class="live__reveal" data-live-reveal hidden />
          </div>
          <ol id="live-pending" class="live__updates" hidden />
          <LivePoller articleId={articleId} after={live.newestId} />
        </>
      ) : null}
      {stream.length > 0 ? (
        <ol id="live-updates" class="live__updates">
          {stream.map((update) => (
            <LiveUpdateItem update={update} timeZone={timeZone} />
          ))}
        </ol>
      ) : (
        <ol id="live-updates" class="live__updates" aria-label="No updates yet" />
      )}
    </section>
  )
}
