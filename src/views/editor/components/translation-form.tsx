// "Translate into…": one button per other edition, each making (or opening) the linked translation.
import { CsrfField } from './csrf-field'

export interface TranslationFormProps {
  articleId: number
  csrf: string
  /** The editions other than the article's own: code and name. */
  editions: { code: string; name: string }[]
}

export function TranslationForm({ articleId, csrf, editions }: TranslationFormProps) {
  if (editions.length === 0) return null
  return (
    <form
      class="translation-form"
      method="post"
      action={`/editor/articles/${articleId}/translations`}
    >
      <CsrfField token={csrf} />
      <fieldset>
        <legend>Translate into</legend>
        {editions.map((edition) => (
          <button type="submit" name="language" value={edition.code} class="button--secondary">
            {edition.name}
          </button>
        ))}
      </fieldset>
    </form>
  )
}
