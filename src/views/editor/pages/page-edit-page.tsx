// One static page in the newsroom: title, address, Markdown body, and save or publish.
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { Field, fieldAria } from '../components/field'
import { NoticeMessage } from '../components/notice'
import { StatusBadge } from '../components/status-badge'
import { EditorLayout } from '../layout'

export interface PageFormValues {
  title: string
  slug: string
  summary: string
  body: string
}

export interface PageEditPageProps {
  chrome: EditorChrome
  /** Absent for a new page. */
  page?: { id: number; slug: string; status: string; revisions: number }
  values: PageFormValues
  errors?: Record<string, string>
  notice?: Notice
}

export function PageEditPage(props: PageEditPageProps) {
  const { chrome, page, values, errors = {} } = props
  const action = page ? `/editor/pages/${page.id}` : '/editor/pages'
  const published = page?.status === 'published'
  return (
    <EditorLayout chrome={chrome} title={page ? `Page: ${values.title}` : 'New page'}>
      <h1>{page ? 'Edit page' : 'New page'}</h1>
      <p>
        <a href="/editor/pages">All pages</a>
        {page ? (
          <>
            {' · '}
            <StatusBadge status={published ? 'published' : 'draft'} /> · {page.revisions} earlier
            version{page.revisions === 1 ? '' : 's'} kept
            {published ? (
              <>
                {' · '}
                <a href={`/${page.slug}`}>View live</a>
              </>
            ) : null}
          </>
        ) : null}
      </p>
      <NoticeMessage notice={props.notice} />
      <form method="post" action={action} class="editor-form" novalidate>
        <CsrfField token={chrome.csrfToken ?? ''} />
        <Field id="page-title" label="Title" error={errors.title}>
          <input {...fieldAria('page-title', errors.title)} name="title" value={values.title} />
        </Field>
        <Field
          id="page-slug"
          label="Address"
          error={errors.slug}
          hint="The page lives at /<address>. Left empty, it is made from the title."
        >
          <input {...fieldAria('page-slug', errors.slug, true)} name="slug" value={values.slug} />
        </Field>
        <Field id="page-summary" label="Summary" error={errors.summary}>
          <input
            {...fieldAria('page-summary', errors.summary)}
            name="summary"
            value={values.summary}
          />
        </Field>
        <Field id="page-body" label="Body" error={errors.body} hint="Markdown, like articles.">
          <textarea {...fieldAria('page-body', errors.body, true)} name="body" rows={16}>
            {values.body}
          </textarea>
        </Field>
        <div class="article-actions__row">
          <button type="submit" name="intent" value="save">
            {published ? 'Save and update the live page' : 'Save draft'}
          </button>
          {published ? (
            <button type="submit" name="intent" value="unpublish" class="button--secondary">
              Unpublish
            </button>
          ) : (
            <button type="submit" name="intent" value="publish" class="button--publish">
              Publish
            </button>
          )}
        </div>
      </form>
    </EditorLayout>
  )
}
