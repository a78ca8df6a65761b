// The audit log (admins only): who did what to which target, and when, newest first.
import type { AuditRow } from '../../../db/queries/audit'
import { formatDateTime } from '../../../lib/time'
import { Pagination } from '../../components/pagination'
import type { EditorChrome } from '../chrome'
import { EditorLayout } from '../layout'

export interface AuditPageProps {
  chrome: EditorChrome
  rows: AuditRow[]
  actions: string[]
  action?: string
  page: number
  lastPage: number
}

/** Articles link to their editor; other targets are named by type and id. */
function Target({ row }: { row: AuditRow }) {
  if (row.targetType === 'article' && row.targetId) {
    return <a href={`/editor/articles/${row.targetId}`}>article {row.targetId}</a>
  }
  return <>{row.targetId ? `${row.targetType} ${row.targetId}` : row.targetType}</>
}

export function AuditPage(props: AuditPageProps) {
  const { chrome, rows, actions, action, page, lastPage } = props
  return (
    <EditorLayout chrome={chrome} title="Audit log">
      <h1>Audit log</h1>
      <form class="filters" method="get" action="/editor/audit">
        <div class="field">
          <label for="audit-action">Action</label>
          <select id="audit-action" name="action">
            <option value="">All actions</option>
            {actions.map((name) => (
              <option value={name} selected={name === action}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show</button>
      </form>
      {rows.length === 0 ? (
        <p class="empty">Nothing recorded yet.</p>
      ) : (
        <table class="editor-table audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>
                  <time datetime={row.createdAt.toISOString()}>
                    {formatDateTime(row.createdAt, chrome.site.timeZone)}
                  </time>
                </td>
                <td>{row.userName ? `${row.userName} <${row.userEmail}>` : 'system'}</td>
                <td>
                  <code>{row.action}</code>
                </td>
                <td>
                  <Target row={row} />
                </td>
                <td>
                  <code class="audit-detail">{row.detail === '{}' ? '' : row.detail}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={page}
        lastPage={lastPage}
        pageHref={(n) =>
          `/editor/audit?${new URLSearchParams({ ...(action ? { action } : {}), page: String(n) })}`
        }
      />
    </EditorLayout>
  )
}
