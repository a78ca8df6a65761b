// The article form's fields: text, section, tags, byline, image, language, comments and pinned links.
import type { CategoryOption } from '../../../db/queries/editor-articles'
import type { ArticleFormValues } from '../../../services/editorial-form'
import { BYLINE_MAX, SUMMARY_MAX, TITLE_MAX } from '../../../services/editorial-input'
import { Field, fieldAria } from './field'
import { ImageFields } from './image-fields'

export interface ArticleFieldsProps {
  values: ArticleFormValues
  errors: Record<string, string>
  categories: CategoryOption[]
}

export function ArticleFields({ values, errors, categories }: ArticleFieldsProps) {
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
      <div class="field-row">
        <Field id="article-category" label="Section" error={errors.category}>
          <select {...aria('article-category', 'category')} name="category" required>
            <option value="">Choose a section</option>
            {categories.map((category) => (
              <option value={category.slug} selected={values.category === category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="article-language" label="Language" error={errors.language}>
          <input
            {...aria('article-language', 'language')}
            name="language"
            type="text"
            maxlength={35}
            value={values.language}
          />
        </Field>
      </div>
      <Field
        id="article-tags"
        label="Tags"
        error={errors.tags}
        hint="Separate tags with commas. New tags are created when you save."
      >
        <input
          {...aria('article-tags', 'tags', true)}
          name="tags"
          type="text"
          value={values.tags}
        />
      </Field>
      <Field
        id="article-byline"
        label="Byline"
        error={errors.byline}
        hint='As shown, e.g. "By Staff, Agencies".'
      >
        <input
          {...aria('article-byline', 'byline', true)}
          name="byline"
          type="text"
          maxlength={BYLINE_MAX}
          value={values.byline}
        />
      </Field>
      <ImageFields values={values} errors={errors} />
      <Field
        id="article-related"
        label="Pinned related articles"
        error={errors.related}
        hint="Slugs of published articles, separated by commas. They come first in “Related News”, in this order."
      >
        <input
          {...aria('article-related', 'related', true)}
          name="related"
          type="text"
          value={values.related}
        />
      </Field>
      <div class="field field--checkbox">
        <input
          id="article-comments-closed"
          name="comments_closed"
          type="checkbox"
          checked={values.commentsClosed}
        />
        <label for="article-comments-closed">Close comments on this article</label>
      </div>
    </>
  )
}
