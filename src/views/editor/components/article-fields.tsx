// The article form's fields: text, section, tags, byline, image, language, comments and pinned links.
import type { CategoryOption } from '../../../db/queries/editor-articles'
import type { ArticleFormValues } from '../../../services/editorial-form'
import { ArticleFilingFields } from './article-filing-fields'
import { ArticleTextFields } from './article-text-fields'
import { Field, fieldAria } from './field'
import { ImageFields } from './image-fields'

export interface ArticleFieldsProps {
  values: ArticleFormValues
  errors: Record<string, string>
  categories: CategoryOption[]
}

export function ArticleFields({ values, errors, categories }: ArticleFieldsProps) {
  return (
    <>
      <ArticleTextFields values={values} errors={errors} />
      <ArticleFilingFields values={values} errors={errors} categories={categories} />
      <ImageFields values={values} errors={errors} />
      <Field
        id="article-authors"
        label="Authors"
        error={errors.authors}
        hint={
          <>
            Author slugs in byline order, separated by commas; their names in the byline link to
            their pages. See <a href="/editor/authors">Authors</a>.
          </>
        }
      >
        <input
          {...fieldAria('article-authors', errors.authors, true)}
          name="authors"
          type="text"
          value={values.authors}
        />
      </Field>
      <Field
        id="article-related"
        label="Pinned related articles"
        error={errors.related}
        hint="Slugs of published articles, separated by commas. They come first in “Related News”, in this order."
      >
        <input
          {...fieldAria('article-related', errors.related, true)}
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
