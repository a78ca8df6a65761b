// The newsroom's article list: one page of results and its pagination (what the filters swap).
import type { ArticleListRow } from '../../../db/queries/editor-lists'
import { formatDateTime } from '../../../lib/time'
import { Pagination } from '../../components/pagination'
import { RelativeTime } from '../../components/relative-time'
import { StatusBadge } from '../components/status-badge'

export interface ArticleTableProps {
  rows: ArticleListRow[]
  total: number
  page: number
  lastPage: number
  pageHref: (page: number) => string
  timeZone: string
}

export function ArticleTable(props: ArticleTableProps) {
  const { rows, total, page, lastPage, pageHref, timeZone } = props
  return (
    <div id="article-table" class="article-table">
      <p class="result-count" role="status">
        {total === 1 ? '1 article' : `${total.toLocaleString('en')} articles`}
      </p>
      {rows.length === 0 ? (
        <p class="empty">No articles match these filters.</p>
      ) : (
        <table class="editor-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Section</th>
              <th scope="col">Author</th>
              <th scope="col">Updated</th>
              <th scope="col">Publishing time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>
                  <a href={`/editor/articles/${row.id}`}>{row.title}</a>
                </td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>{row.categoryName}</td>
                <td>{row.authorName ?? '—'}</td>
                <td>
                  <RelativeTime date={row.updatedAt} timeZone={timeZone} />
                </td>
                <td>{row.publishedAt ? formatDateTime(row.publishedAt, timeZone) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} lastPage={lastPage} pageHref={pageHref} />
    </div>
  )
}
