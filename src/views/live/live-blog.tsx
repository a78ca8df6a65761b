// The live blog on an article page: key events, pinned updates, the newest updates and the poller.
import type { LiveBlogView } from '../../db/queries/live-updates'
import { RelativeTime } from '../components/relative-time'
import { LiveKeyEvents } from './live-key-events'
import { LivePoller } from './live-poller'
import { LiveUpdateItem } from './live-update-item'

export interface LiveBlogProps {
  articleId: number
  live: LiveBlogView
  timeZone: string
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
      <LiveKeyEvents events={live.updates.filter((u) => u.keyEvent)} timeZone={timeZone} />
      {/* Kept while the coverage runs, even empty, so that a pin a poll brings has a place to go. */}
      {pinned.length > 0 || running ? (
        <ol
          id="live-pinned"
          class="live__updates live__updates--pinned"
          aria-label="Pinned"
          hidden={pinned.length === 0}
        >
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
          <LivePoller articleId={articleId} after={live.revision} />
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
