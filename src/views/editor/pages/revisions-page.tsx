// An article's revisions: the list, a form to compare any two versions, the comparison, and restore.
import type { RevisionListItem } from '../../../db/queries/revisions'
import { formatDateTime } from '../../../lib/time'
import type { DiffLine, VersionView } from '../../../services/editorial-revisions'
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { NoticeMessage } from '../components/notice'
import { VersionDiff } from '../fragments/version-diff'
import { EditorLayout } from '../layout'

export interface RevisionsPageProps {
  chrome: EditorChrome
  article: { id: number; title: string }
  revisions: RevisionListItem[]
  from: string
  to: string
  comparison: { from: VersionView; to: VersionView; body: DiffLine[] } | null
  canRestore: boolean
  notice?: Notice
}

function VersionSelect(props: {
  name: string
  label: string
  selected: string
  revisions: RevisionListItem[]
  timeZone: string
}) {
  return (
    <div class="field">
      <label for={`compare-${props.name}`}>{props.label}</label>
      <select id={`compare-${props.name}`} name={props.name}>
        <option value="current" selected={props.selected === 'current'}>
          Current version
        </option>
        {props.revisions.map((revision) => (
          <option value={String(revision.id)} selected={props.selected === String(revision.id)}>
            {`Revision ${revision.id} · ${formatDateTime(revision.createdAt, props.timeZone)}`}
          </option>
        ))}
      </select>
    </div>
  )
}

export function RevisionsPage(props: RevisionsPageProps) {
  const { chrome, article, revisions, comparison, canRestore } = props
  const tz = chrome.site.timeZone
  const base = `/editor/articles/${article.id}/revisions`
  return (
    <EditorLayout chrome={chrome} title={`Revisions: ${article.title}`}>
      <p class="breadcrumb-back">
        <a href={`/editor/articles/${article.id}`}>← Back to the article</a>
      </p>
      <h1>Revisions of “{article.title}”</h1>
      <NoticeMessage notice={props.notice} />
      {revisions.length === 0 ? (
        <p class="empty">
          No earlier versions yet: every save from now on keeps the one it replaces.
        </p>
      ) : (
        <>
          <form class="filters" method="get" action={`${base}`}>
            <VersionSelect
              name="from"
              label="Compare"
              selected={props.from}
              revisions={revisions}
              timeZone={tz}
            />
            <VersionSelect
              name="to"
              label="with"
              selected={props.to}
              revisions={revisions}
              timeZone={tz}
            />
            <button type="submit">Compare</button>
          </form>
          {comparison ? <VersionDiff {...comparison} /> : null}
          <h2>All revisions</h2>
          <table class="editor-table">
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">Replaced</th>
                <th scope="col">By</th>
                <th scope="col">Title then</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision) => (
                <tr>
                  <td>{revision.id}</td>
                  <td>{formatDateTime(revision.createdAt, tz)}</td>
                  <td>{revision.editorName ?? '—'}</td>
                  <td>{revision.title}</td>
                  <td class="actions">
                    <a href={`${base}?from=${revision.id}&to=current`}>Compare with current</a>
                    {canRestore && chrome.csrfToken ? (
                      <form method="post" action={`${base}/${revision.id}/restore`}>
                        <CsrfField token={chrome.csrfToken} />
                        <button
                          type="submit"
                          class="button--secondary"
                          data-confirm="Restore this revision? The current version is kept as a revision."
                        >
                          Restore
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </EditorLayout>
  )
}
