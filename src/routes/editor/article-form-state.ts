// Builds the article form's props: from a stored article, from what was posted, and the preview.
import type { CategoryOption, EditableArticle } from '../../db/queries/editor-articles'
import { toZonedInputValue } from '../../lib/time'
import { previewMarkdown } from '../../services/editorial'
import type { ArticleFormValues } from '../../services/editorial-form'
import { isImageUrl } from '../../services/editorial-input'
import { canEditArticle } from '../../services/editorial-permissions'
import { availableActions } from '../../services/editorial-status'
import { MarkdownLimitError } from '../../services/markdown'
import type { Notice } from '../../views/editor/chrome'
import type { ArticleFormProps } from '../../views/editor/fragments/article-form'
import type { PreviewProps } from '../../views/editor/fragments/article-preview'
import type { EditorContext } from './context'

/** What the PRG redirect's `?notice=` says once the editor lands back on the form. */
export const NOTICES: Record<string, Notice> = {
  created: { kind: 'success', text: 'Draft created.' },
  saved: { kind: 'success', text: 'Saved.' },
  unchanged: { kind: 'info', text: 'Nothing had changed, so nothing was saved.' },
  submit: { kind: 'success', text: 'Saved and submitted for review.' },
  schedule: { kind: 'success', text: 'Saved and scheduled.' },
  publish: { kind: 'success', text: 'Published. It is live now.' },
  unpublish: { kind: 'success', text: 'Unpublished: it is a draft again.' },
  archive: { kind: 'success', text: 'Archived: its page now says it was withdrawn.' },
  restored: { kind: 'success', text: 'The revision was restored. The replaced version is kept.' },
}

export function emptyFormValues(language: string): ArticleFormValues {
  return {
    title: '',
    slug: '',
    summary: '',
    bodyMd: '',
    category: '',
    tags: '',
    byline: '',
    imageUrl: '',
    imageAlt: '',
    imageWidth: '',
    imageHeight: '',
    language,
    commentsClosed: false,
    related: '',
    authors: '',
    publishAt: '',
  }
}

export function formValuesOf(article: EditableArticle, timeZone: string): ArticleFormValues {
  return {
    title: article.title,
    slug: article.slug,
    summary: article.summary,
    bodyMd: article.bodyMd,
    category: article.categorySlug,
    tags: article.tags.map((tag) => tag.name).join(', '),
    byline: article.byline,
    imageUrl: article.imageUrl ?? '',
    imageAlt: article.imageAlt,
    imageWidth: article.imageWidth ? String(article.imageWidth) : '',
    imageHeight: article.imageHeight ? String(article.imageHeight) : '',
    language: article.language,
    commentsClosed: article.commentsClosed,
    related: article.related.map((pin) => pin.slug).join(', '),
    authors: article.authors.map((author) => author.slug).join(', '),
    publishAt:
      article.status === 'scheduled' && article.publishedAt
        ? toZonedInputValue(article.publishedAt, timeZone)
        : '',
  }
}

/**
 * The preview of what the form holds; an unusable image address is simply not shown, and a body
 * past the renderer's bounds shows why instead (the save would refuse it with the same words).
 */
export function previewOf(values: ArticleFormValues): PreviewProps {
  const preview = {
    title: values.title,
    imageUrl: isImageUrl(values.imageUrl.trim()) ? values.imageUrl.trim() : null,
    imageAlt: values.imageAlt,
  }
  try {
    return { ...preview, html: previewMarkdown(values.bodyMd) }
  } catch (error) {
    if (!(error instanceof MarkdownLimitError)) throw error
    return { ...preview, html: '', problem: error.message }
  }
}

/** The form's props for a stored article, with the values shown (stored or as posted). */
export function formPropsFor(
  c: EditorContext,
  article: EditableArticle | null,
  categories: CategoryOption[],
  values: ArticleFormValues,
  extra: { errors?: Record<string, string>; notice?: Notice } = {},
): ArticleFormProps {
  const { user, csrfToken, config } = c.var
  return {
    article: article ?? undefined,
    values,
    categories,
    actions: article ? availableActions(user, article) : newArticleActions(c),
    canEdit: article ? canEditArticle(user, article) : true,
    csrfToken,
    preview: previewOf(values),
    timeZone: config.site.timeZone,
    ...extra,
  }
}

/** A new article can be saved straight into review, a schedule or the site; nothing else applies. */
function newArticleActions(c: EditorContext) {
  return availableActions(c.var.user, { authorId: c.var.user.id, status: 'draft' }).filter(
    (action) => action === 'submit' || action === 'schedule' || action === 'publish',
  )
}
