// The page around the article editor, for a new article or an existing one.
import type { EditorChrome } from '../chrome'
import { TranslationForm, type TranslationFormProps } from '../components/translation-form'
import { ArticleForm, type ArticleFormProps } from '../fragments/article-form'
import { EditorLayout } from '../layout'
import { HeroUploadForm } from '../media/hero-upload'

export function ArticleEditPage(props: {
  chrome: EditorChrome
  form: ArticleFormProps
  /** The editions this saved article can be translated into (issue 20). */
  translateInto?: TranslationFormProps['editions']
}) {
  const { chrome, form, translateInto = [] } = props
  const title = form.article ? `Edit: ${form.values.title || 'Untitled'}` : 'New article'
  return (
    <EditorLayout chrome={chrome} title={title}>
      <h1>{form.article ? 'Edit article' : 'New article'}</h1>
      <ArticleForm {...form} />
      <HeroUploadForm csrf={chrome.csrfToken ?? ''} />
      {form.article ? (
        <TranslationForm
          articleId={form.article.id}
          csrf={chrome.csrfToken ?? ''}
          editions={translateInto}
        />
      ) : null}
    </EditorLayout>
  )
}
