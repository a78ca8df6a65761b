// The moderation queue's tabs: one per comment status, each with its count.
import { COMMENT_STATUSES, type CommentStatus } from '../../../lib/vocabulary'

export function ModerationTabs(props: {
  current: CommentStatus
  counts: Partial<Record<CommentStatus, number>>
}) {
  return (
    <nav id="moderation-tabs" class="tabs" aria-label="Comments by status">
      <ul>
        {COMMENT_STATUSES.map((status) => (
          <li>
            <a
              href={`/editor/comments?status=${status}`}
              aria-current={status === props.current ? 'page' : undefined}
            >
              {status} <span class="count">{props.counts[status] ?? 0}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
