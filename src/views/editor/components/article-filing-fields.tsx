// Where the article is filed and whose it is: section, language, tags and byline.
import type { CategoryOption } from '../../../db/queries/editor-articles'
import { BYLINE_MAX } from '../../../lib/article-input-limits'
import type { ArticleFormValues } from '../../../services/editorial-form'
import { Field, fieldAria } from './field'

export function ArticleFilingFields(props: {
  values: ArticleFormValues
  errors: Record<string, string>
  categories: CategoryOption[]
}) {
  const { values, errors, categories } = props
  const aria = (id: string, key: string, hint = false) => fieldAria(id, errors[key], hint)
  return (
    <>
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
    </>
  )
}
