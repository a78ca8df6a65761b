// One author profile in the newsroom: the form, and delete (refused while they have articles).
import type { UserListItem } from '../../../db/queries/users'
import type { EditorChrome, Notice } from '../chrome'
import { AuthorFields, type AuthorFormValues } from '../components/author-fields'
import { CsrfField } from '../components/csrf-field'
import { NoticeMessage } from '../components/notice'
import { EditorLayout } from '../layout'

export interface AuthorEditPageProps {
  chrome: EditorChrome
  /** Absent for a new profile. */
  author?: { id: number; slug: string; name: string }
  values: AuthorFormValues
  errors?: Record<string, string>
  users: UserListItem[]
  notice?: Notice
}

export function AuthorEditPage(props: AuthorEditPageProps) {
  const { chrome, author, values, errors = {}, users } = props
  const csrf = chrome.csrfToken ?? ''
  const action = author ? `/editor/authors/${author.id}` : '/editor/authors'
  return (
    <EditorLayout chrome={chrome} title={author ? `Author: ${author.name}` : 'New author'}>
      <h1>{author ? 'Edit author' : 'New author'}</h1>
      <p>
        <a href="/editor/authors">All authors</a>
        {author ? (
          <>
            {' · '}
            <a href={`/author/${author.slug}`}>View their page</a>
          </>
        ) : null}
      </p>
      <NoticeMessage notice={props.notice} />
      <form method="post" action={action} class="editor-form" novalidate>
        <CsrfField token={csrf} />
        <AuthorFields values={values} errors={errors} users={users} />
        <button type="submit">{author ? 'Save profile' : 'Create author'}</button>
      </form>
      {author ? (
        <form method="post" action={`/editor/authors/${author.id}/delete`} class="editor-form">
          <CsrfField token={csrf} />
          <button
            type="submit"
            class="button--secondary"
            data-confirm={`Delete ${author.name}'s profile?`}
          >
            Delete this author
          </button>
        </form>
      ) : null}
    </EditorLayout>
  )
}
