// The newsroom's corrections screen for one article: its notes so far, and the form to add one.
import { raw } from 'hono/html'
import type { CorrectionNote } from '../../../db/queries/corrections'
import { formatDateTime } from '../../../lib/time'
import { KIND_LABELS } from '../../components/correction-notes'
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { Field, fieldAria } from '../components/field'
import { NoticeMessage } from '../components/notice'
import { EditorLayout } from '../layout'

export interface CorrectionFormValues {
  kind: string
  placement: string
  text: string
}

export interface CorrectionsPageProps {
  chrome: EditorChrome
  article: { id: number; title: string; slug: string; status: string }
  notes: CorrectionNote[]
  values?: CorrectionFormValues
  errors?: Record<string, string>
  notice?: Notice
}

export function CorrectionsPage(props: CorrectionsPageProps) {
  const { chrome, article, notes, errors = {} } = props
  const values = props.values ?? { kind: 'correction', placement: 'bottom', text: '' }
  const { timeZone } = chrome.site
  const action = `/editor/articles/${article.id}/corrections`
  return (
    <EditorLayout chrome={chrome} title={`Corrections: ${article.title}`}>
      <h1>Corrections</h1>
      <p>
        <a href={`/editor/articles/${article.id}`}>{article.title}</a>
        {article.status === 'published' ? (
          <>
            {' · '}
            <a href={`/news/${article.slug}`}>View on the site</a>
          </>
        ) : null}
      </p>
      <NoticeMessage notice={props.notice} />
      {notes.length > 0 ? (
        <section class="panel" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes on this article</h2>
          <ol class="correction-list">
            {notes.map((note) => (
              <li>
                <strong>{KIND_LABELS[note.kind]}</strong>{' '}
                <time datetime={note.correctedAt.toISOString()}>
                  {formatDateTime(note.correctedAt, timeZone)}
                </time>{' '}
                ({note.placement === 'top' ? 'top' : 'bottom'} of the article)
                <div>{raw(note.bodyHtml)}</div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section class="panel" aria-labelledby="add-note-heading">
        <h2 id="add-note-heading">Add a note</h2>
        <form method="post" action={action} class="editor-form" novalidate>
          <CsrfField token={chrome.csrfToken ?? ''} />
          <Field id="note-kind" label="Kind" error={errors.kind}>
            <select {...fieldAria('note-kind', errors.kind)} name="kind">
              <option value="correction" selected={values.kind === 'correction'}>
                Correction: a factual error was fixed
              </option>
              <option value="clarification" selected={values.kind === 'clarification'}>
                Clarification: context added, the facts were right
              </option>
            </select>
          </Field>
          <Field id="note-placement" label="Shown at" error={errors.placement}>
            <select {...fieldAria('note-placement', errors.placement)} name="placement">
              <option value="top" selected={values.placement === 'top'}>
                The top of the article
              </option>
              <option value="bottom" selected={values.placement === 'bottom'}>
                The bottom of the article
              </option>
            </select>
          </Field>
          <Field
            id="note-text"
            label="Note"
            error={errors.text}
            hint="Markdown. Say what was wrong and what is right; today's date is added."
          >
            <textarea {...fieldAria('note-text', errors.text, true)} name="text" rows={5} required>
              {values.text}
            </textarea>
          </Field>
          <button type="submit">Add the note and update the article</button>
        </form>
      </section>
    </EditorLayout>
  )
}
