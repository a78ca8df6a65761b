// Short lists of articles for the dashboard: title to the editor, status, and when it last moved.
import type { ArticleListRow } from '../../../db/queries/editor-lists'
import { RelativeTime } from '../../components/relative-time'
import { StatusBadge } from './status-badge'

export function ArticleLinks(props: {
  rows: ArticleListRow[]
  timeZone: string
  empty: string
  /** Which time to show: scheduled and published lists show the publishing time. */
  time: 'updated' | 'published'
}) {
  const { rows, timeZone, empty, time } = props
  if (rows.length === 0) return <p class="empty">{empty}</p>
  return (
    <ul class="article-links">
      {rows.map((row) => {
        const at = time === 'published' && row.publishedAt ? row.publishedAt : row.updatedAt
        return (
          <li>
            <a href={`/editor/articles/${row.id}`}>{row.title}</a>{' '}
            <StatusBadge status={row.status} /> <RelativeTime date={at} timeZone={timeZone} />
            {row.authorName ? <span class="article-links__author"> · {row.authorName}</span> : null}
          </li>
        )
      })}
    </ul>
  )
}
