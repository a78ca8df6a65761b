// The newsroom's authors: every profile with its article count, and the admin's merge form.
import type { AuthorListItem } from '../../../db/queries/editor-authors'
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { Field, fieldAria } from '../components/field'
import { NoticeMessage } from '../components/notice'
import { EditorLayout } from '../layout'

export interface AuthorsPageProps {
  chrome: EditorChrome
  authors: AuthorListItem[]
  notice?: Notice
  mergeErrors?: Record<string, string>
  merge?: { from: string; into: string }
}

export function AuthorsPage(props: AuthorsPageProps) {
  const { chrome, authors, mergeErrors = {} } = props
  const merge = props.merge ?? { from: '', into: '' }
  const csrf = chrome.csrfToken ?? ''
  return (
    <EditorLayout chrome={chrome} title="Authors">
      <h1>Authors</h1>
      <NoticeMessage notice={props.notice} />
      <p>
        <a class="button" href="/editor/authors/new">
          New author
        </a>
      </p>
      <table class="editor-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Articles</th>
            <th scope="col">Page</th>
          </tr>
        </thead>
        <tbody>
          {authors.map((author) => (
            <tr>
              <td>
                <a href={`/editor/authors/${author.id}`}>{author.name}</a>
              </td>
              <td>{author.jobTitle}</td>
              <td>{author.articleCount}</td>
              <td>
                <a href={`/author/${author.slug}`}>/author/{author.slug}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {chrome.can.admin && authors.length > 1 ? (
        <section class="panel" aria-labelledby="merge-heading">
          <h2 id="merge-heading">Merge two authors</h2>
          <p>
            The first author's bylines move to the second, whose page also answers the old address.
          </p>
          <form method="post" action="/editor/authors/merge" class="editor-form" novalidate>
            <CsrfField token={csrf} />
            <Field id="merge-from" label="Merge" error={mergeErrors.from}>
              <AuthorSelect
                id="merge-from"
                name="from"
                authors={authors}
                value={merge.from}
                error={mergeErrors.from}
              />
            </Field>
            <Field id="merge-into" label="Into" error={mergeErrors.into}>
              <AuthorSelect
                id="merge-into"
                name="into"
                authors={authors}
                value={merge.into}
                error={mergeErrors.into}
              />
            </Field>
            <button type="submit" data-confirm="Merge these authors? This cannot be undone.">
              Merge
            </button>
          </form>
        </section>
      ) : null}
    </EditorLayout>
  )
}

function AuthorSelect(props: {
  id: string
  name: string
  authors: AuthorListItem[]
  value: string
  error?: string
}) {
  return (
    <select {...fieldAria(props.id, props.error)} name={props.name}>
      <option value="">Choose an author</option>
      {props.authors.map((author) => (
        <option value={String(author.id)} selected={props.value === String(author.id)}>
          {author.name}
        </option>
      ))}
    </select>
  )
}
