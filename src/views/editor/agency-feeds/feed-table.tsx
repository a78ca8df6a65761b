// The newsroom's feed subscriptions with their health: ok, or failing with the reason and next retry.
import type { AgencyFeedRow } from '../../../db/queries/agency-feeds'
import { formatDateTime } from '../../../lib/time'
import { CsrfField } from '../components/csrf-field'

function FeedStatus({ feed, timeZone }: { feed: AgencyFeedRow; timeZone: string }) {
  if (feed.failureCount > 0) {
    return (
      <>
        <strong class="feed-status feed-status--failing">
          {`Failing (${feed.failureCount} ${feed.failureCount === 1 ? 'time' : 'times in a row'})`}
        </strong>
        <p>{feed.lastError}</p>
        {feed.nextAttemptAt ? (
          <p>{`Next try ${formatDateTime(feed.nextAttemptAt, timeZone)}`}</p>
        ) : null}
      </>
    )
  }
  if (!feed.lastSucceededAt) return <span class="feed-status">Waiting for the first poll</span>
  return (
    <span class="feed-status feed-status--ok">
      {`OK, last polled ${formatDateTime(feed.lastSucceededAt, timeZone)}`}
    </span>
  )
}

export function FeedTable(props: { feeds: AgencyFeedRow[]; csrf: string; timeZone: string }) {
  const { feeds, csrf, timeZone } = props
  if (feeds.length === 0) return <p class="empty">No feeds yet.</p>
  return (
    <table class="editor-table">
      <caption>Subscribed feeds</caption>
      <thead>
        <tr>
          <th scope="col">Feed</th>
          <th scope="col">Section</th>
          <th scope="col">Byline</th>
          <th scope="col">New items</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {feeds.map((feed) => (
          <tr id={`feed-${feed.id}`}>
            <td>
              <code>{feed.url}</code>
            </td>
            <td>{feed.categoryName}</td>
            <td>{feed.byline || 'Each item’s own author'}</td>
            <td>{feed.mode === 'publish' ? 'Published' : 'Drafts'}</td>
            <td>
              <FeedStatus feed={feed} timeZone={timeZone} />
            </td>
            <td class="actions">
              <form
                method="post"
                action={`/editor/agency-feeds/${feed.id}/delete`}
                class="inline-form"
              >
                <CsrfField token={csrf} />
                <button
                  type="submit"
                  class="button--secondary"
                  aria-label={`Unsubscribe from ${feed.url}`}
                  data-confirm={`Stop taking ${feed.url}? Articles it brought stay.`}
                >
                  Unsubscribe
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
