// The article editor: fields, actions and a live preview. htmx swaps the whole form after a save;
// without JavaScript it is an ordinary form that posts and comes back.
import type { CategoryOption } from '../../../db/queries/editor-articles'
import type { ArticleStatus } from '../../../db/schema'
import { formatDateTime } from '../../../lib/time'
import type { ArticleFormValues } from '../../../services/editorial-form'
import type { StatusAction } from '../../../services/editorial-status'
import type { Notice } from '../chrome'
import { ArticleActions } from '../components/article-actions'
import { ArticleFields } from '../components/article-fields'
import { CsrfField } from '../components/csrf-field'
import { NoticeMessage } from '../components/notice'
import { StatusBadge } from '../components/status-badge'
import { ArticlePreview, type PreviewProps } from './article-preview'

export interface ArticleFormProps {
  /** Absent for a new article. */
  article?: {
    id: number
    slug: string
    status: ArticleStatus
    publishedAt: Date | null
    updatedAt: Date
    authorName: string | null
  }
  values: ArticleFormValues
  errors?: Record<string, string>
  notice?: Notice
  categories: CategoryOption[]
  actions: StatusAction[]
  /** False when this person may look but not change (an author after review). */
  canEdit: boolean
  csrfToken: string
  preview: PreviewProps
  timeZone: string
}

export function ArticleForm(props: ArticleFormProps) {
  const { article, values, errors = {}, notice, categories, actions, canEdit } = props
  const action = article ? `/editor/articles/${article.id}` : '/editor/articles'
  // Saving an existing article swaps the form in place; a new one goes to its own address.
  const htmx = article
    ? {
        'data-hx-post': action,
        'data-hx-target': 'this',
        'data-hx-swap': 'outerHTML',
        'data-hx-disable': 'find button',
      }
    : {}
  return (
    <form id="article-form" class="article-form" method="post" action={action} novalidate {...htmx}>
      <div class="article-form__status">
        {article ? (
          <p>
            <StatusBadge status={article.status} />{' '}
            {article.status === 'scheduled' && article.publishedAt
              ? `Goes live ${formatDateTime(article.publishedAt, props.timeZone)} · `
              : ''}
            Saved {formatDateTime(article.updatedAt, props.timeZone)}
            {article.authorName ? ` · by ${article.authorName}` : ''} ·{' '}
            <a href={`/editor/articles/${article.id}/revisions`}>Revisions</a>
            {article.status === 'published' ? (
              <>
                {' '}
                · <a href={`/news/${article.slug}`}>View live</a>·{' '}
                <a href={`/editor/articles/${article.id}/corrections`}>Corrections</a>
              </>
            ) : null}
          </p>
        ) : (
          <p>New draft: nobody else sees it until it is published.</p>
        )}
        <NoticeMessage notice={notice} />
        {errors.form ? (
          <p class="notice notice--error" role="alert">
            {errors.form}
          </p>
        ) : null}
      </div>
      <CsrfField token={props.csrfToken} />
      {article ? (
        <input type="hidden" name="version" value={String(article.updatedAt.getTime())} />
      ) : null}
      <div class="article-form__columns">
        <fieldset class="article-form__fields" disabled={!canEdit}>
          <legend class="visually-hidden">Article</legend>
          <ArticleFields values={values} errors={errors} categories={categories} />
        </fieldset>
        <aside class="article-preview" aria-labelledby="article-preview-heading">
          <h2 id="article-preview-heading">Preview</h2>
          <div id="article-preview" aria-live="polite">
            <ArticlePreview {...props.preview} />
          </div>
        </aside>
      </div>
      <ArticleActions
        actions={actions}
        canSave={canEdit}
        publishAt={values.publishAt}
        publishAtError={errors.publishAt}
        timeZone={props.timeZone}
        status={article?.status}
      />
    </form>
  )
}
