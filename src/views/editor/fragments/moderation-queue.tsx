// The moderation queue: comments with their article and the comment they answer, acted on one at
// a time or in bulk. One form, so it works without JavaScript; htmx swaps it after each action.
import type { QueueItem } from '../../../db/queries/moderation'
import type { CommentStatus } from '../../../db/schema'
import { CommentBody } from '../../components/comment-body'
import { Pagination } from '../../components/pagination'
import { RelativeTime } from '../../components/relative-time'
import type { Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { NoticeMessage } from '../components/notice'
import { StatusBadge } from '../components/status-badge'

const ACTIONS = [
  { action: 'approve', label: 'Approve', status: 'approved' },
  { action: 'reject', label: 'Reject', status: 'rejected' },
  { action: 'spam', label: 'Spam', status: 'spam' },
] as const

export interface ModerationQueueProps {
  status: CommentStatus
  items: QueueItem[]
  page: number
  lastPage: number
  csrfToken: string
  timeZone: string
  notice?: Notice
}

export function ModerationQueue(props: ModerationQueueProps) {
  const { status, items, page, lastPage, csrfToken, timeZone, notice } = props
  const actions = ACTIONS.filter((a) => a.status !== status)
  return (
    <form
      id="moderation-queue"
      class="moderation-queue"
      method="post"
      action="/editor/comments/moderate"
      data-hx-post="/editor/comments/moderate"
      data-hx-target="this"
      data-hx-swap="outerHTML"
      data-hx-disable="find button"
    >
      <CsrfField token={csrfToken} />
      <input type="hidden" name="status" value={status} />
      <input type="hidden" name="page" value={String(page)} />
      <NoticeMessage notice={notice} />
      {items.length === 0 ? (
        <p class="empty">No {status} comments.</p>
      ) : (
        <>
          <fieldset class="bulk-actions">
            <legend>With the selected comments</legend>
            <label class="select-all" hidden>
              <input type="checkbox" data-select-all="ids" /> Select all on this page
            </label>
            {actions.map((a) => (
              <button type="submit" name="action" value={a.action} class="button--secondary">
                {a.label}
              </button>
            ))}
          </fieldset>
          <ol class="queue">
            {items.map((item) => (
              <li class="queue-item" id={`comment-${item.id}`}>
                <input
                  type="checkbox"
                  name="ids"
                  value={String(item.id)}
                  id={`select-${item.id}`}
                  aria-label={`Select the comment by ${item.authorName}`}
                />
                <div class="queue-item__main">
                  <p class="queue-item__meta">
                    <strong>{item.authorName}</strong> on{' '}
                    <a href={`/news/${item.articleSlug}`}>{item.articleTitle}</a>
                    {item.articleStatus !== 'published' ? (
                      <>
                        {' '}
                        <StatusBadge status={item.articleStatus} />
                      </>
                    ) : null}{' '}
                    · <RelativeTime date={item.createdAt} timeZone={timeZone} /> · from{' '}
                    <code title="Salted hash of the poster's address">
                      {item.ipHash.slice(0, 8)}
                    </code>
                  </p>
                  {item.parentBody !== null ? (
                    <blockquote class="queue-item__context">
                      <p>In reply to {item.parentAuthorName}:</p>
                      <CommentBody text={item.parentBody} />
                    </blockquote>
                  ) : null}
                  <CommentBody text={item.body} />
                </div>
                <div class="queue-item__actions">
                  {actions.map((a) => (
                    <button
                      type="submit"
                      name="single"
                      value={`${item.id}:${a.action}`}
                      class={a.action === 'approve' ? '' : 'button--secondary'}
                      aria-label={`${a.label}: the comment by ${item.authorName}`}
                    >
                      {a.label}
                    </button>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      <Pagination
        page={page}
        lastPage={lastPage}
        pageHref={(n) => `/editor/comments?status=${status}&page=${n}`}
      />
    </form>
  )
}
