// The article's words: title, address, summary and the Markdown body with its live preview.
import { SUMMARY_MAX, TITLE_MAX } from '../../../lib/article-input-limits'
import type { ArticleFormValues } from '../../../services/editorial-form'
import { MediaPickerOpener } from '../media/picker-opener'
import { Field, fieldAria } from './field'

export function ArticleTextFields(props: {
  values: ArticleFormValues
  errors: Record<string, string>
}) {
  const { values, errors } = props
  const aria = (id: string, key: string, hint = false) => fieldAria(id, errors[key], hint)
  return (
    <>
      <Field id="article-title" label="Title" error={errors.title}>
        <input
          {...aria('article-title', 'title')}
          name="title"
          type="text"
          required
          maxlength={TITLE_MAX}
          value={values.title}
        />
      </Field>
      <Field
        id="article-slug"
        label="Address (slug)"
        error={errors.slug}
        hint="Leave empty to make one from the title. Changing it on a published article keeps the old address working."
      >
        <input
          {...aria('article-slug', 'slug', true)}
          name="slug"
          type="text"
          maxlength={200}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          value={values.slug}
        />
      </Field>
      <Field id="article-summary" label="Summary" error={errors.summary}>
        <textarea
          {...aria('article-summary', 'summary')}
          name="summary"
          rows={2}
          maxlength={SUMMARY_MAX}
        >
          {values.summary}
        </textarea>
      </Field>
      <Field
        id="article-body"
        label="Body"
        error={errors.bodyMd}
        hint="Markdown: **bold**, _italic_, [links](https://…), ## headings, > quotes. HTML is shown as text."
      >
        <textarea
          {...aria('article-body', 'bodyMd', true)}
          name="body_md"
          rows={18}
          class="article-body-input"
          data-hx-post="/editor/preview"
          data-hx-trigger="input changed delay:500ms"
          data-hx-target="#article-preview"
          data-hx-swap="innerHTML"
        >
          {values.bodyMd}
        </textarea>
      </Field>
      <MediaPickerOpener textareaId="article-body" />
    </>
  )
}
