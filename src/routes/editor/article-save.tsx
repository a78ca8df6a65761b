// Handling a posted article form: validate, save, apply the chosen move, and answer with or without htmx.
import { loadArticleEditor } from '../../db/queries/editor-articles'
import { AppError } from '../../lib/errors'
import { isHtmxRequest } from '../../lib/htmx'
import { fromZonedInputValue } from '../../lib/time'
import { toAppError } from '../../middleware/errors'
import { createArticle, updateArticle } from '../../services/editorial'
import { type ArticleFormValues, formToInput, readArticleForm } from '../../services/editorial-form'
import { InvalidFields, parseArticleInput } from '../../services/editorial-input'
import { requireArticleEdit } from '../../services/editorial-permissions'
import {
  changeArticleStatus,
  isStatusAction,
  STATUS_ACTIONS,
} from '../../services/editorial-status'
import type { Notice } from '../../views/editor/chrome'
import { ArticleForm } from '../../views/editor/fragments/article-form'
import { ArticleEditPage } from '../../views/editor/pages/article-edit-page'
import { formPropsFor, formValuesOf, NOTICES } from './article-form-state'
import { type EditorContext, editorChrome, editorialDeps, formText, readForm } from './context'

type Outcome = { errors?: Record<string, string>; notice?: Notice }

/** Every button the article form may post; anything else is answered with a 422. */
export const ARTICLE_INTENTS = ['save', 'preview', ...STATUS_ACTIONS] as const
type ArticleIntent = (typeof ARTICLE_INTENTS)[number]

function isArticleIntent(value: string): value is ArticleIntent {
  return (ARTICLE_INTENTS as readonly string[]).includes(value)
}

/** Saves the posted form for a new (`id` null) or existing article. */
export async function saveArticleForm(c: EditorContext, id: number | null) {
  const { db, user, config } = c.var
  const form = await readForm(c)
  const values = readArticleForm(form)
  const intent = formText(form, 'intent') || 'save'
  const htmx = isHtmxRequest(c.req.raw.headers)
  const { article: current, categories } = await loadArticleEditor(db, id ?? 0)
  if (id !== null && !current) throw new AppError('NOT_FOUND', 'There is no such article.')
  /** The form again, as posted, with what went wrong: nothing typed is lost. */
  const again = (status: number, outcome: Outcome, shown: ArticleFormValues = values) => {
    const props = formPropsFor(c, current, categories, shown, outcome)
    c.status(status as 422)
    if (htmx && current) return c.html(<ArticleForm {...props} />)
    return c.render(<ArticleEditPage chrome={editorChrome(c, 'articles')} form={props} />)
  }

  // guardArticle let this person see the article; a button that writes needs them able to edit it,
  // and that is settled before the input is checked against the database (slugs, pins). They may
  // see it, so the form comes back as typed (say, an editor moved it past review meanwhile).
  if (current && intent !== 'preview' && isArticleIntent(intent)) {
    try {
      requireArticleEdit(user, current)
    } catch (error) {
      return again(403, { notice: { kind: 'error', text: toAppError(error).message } })
    }
  }
  if (intent === 'preview') {
    return again(200, { notice: { kind: 'info', text: 'Preview updated. Nothing is saved yet.' } })
  }
  if (!isArticleIntent(intent)) {
    return again(422, { errors: { form: 'That button does not do anything here.' } })
  }
  const now = new Date()
  const publishAt =
    intent === 'schedule' ? fromZonedInputValue(values.publishAt, config.site.timeZone) : null
  if (intent === 'schedule' && (!publishAt || publishAt.getTime() <= now.getTime())) {
    return again(422, { errors: { publishAt: 'Choose a date and time in the future.' } })
  }

  const deps = editorialDeps(c)
  let articleId: number
  let notice: string
  try {
    const input = parseArticleInput(formToInput(values))
    if (id === null) {
      articleId = (await createArticle(deps, user, input)).id
      notice = 'created'
    } else {
      const version = /^\d{1,15}$/.test(formText(form, 'version'))
        ? Number(formText(form, 'version'))
        : undefined
      const result = await updateArticle(deps, user, id, input, { version })
      articleId = id
      notice = result.changed.length > 0 ? 'saved' : 'unchanged'
    }
  } catch (error) {
    if (error instanceof InvalidFields) return again(422, { errors: error.fields })
    const appError = toAppError(error)
    if (appError.code !== 'CONFLICT') throw error
    return again(409, { notice: { kind: 'error', text: appError.message } })
  }

  let failure: Notice | undefined
  if (isStatusAction(intent)) {
    try {
      await changeArticleStatus(deps, user, articleId, intent, { publishAt })
      notice = intent
    } catch (error) {
      const appError = toAppError(error)
      if (appError.code !== 'INVALID' && appError.code !== 'FORBIDDEN') throw error
      failure = { kind: 'error', text: `Saved, but: ${appError.message}` }
    }
  }
  if (!failure && (!htmx || id === null)) {
    return c.redirect(`/editor/articles/${articleId}?notice=${notice}`, 303)
  }
  // The saved article, fresh from the database: its new version, slug and status.
  const saved = await loadArticleEditor(db, articleId)
  if (!saved.article) throw new AppError('NOT_FOUND', 'There is no such article.')
  const shown = formValuesOf(saved.article, config.site.timeZone)
  const props = formPropsFor(c, saved.article, saved.categories, shown, {
    notice: failure ?? NOTICES[notice],
  })
  if (failure) c.status(422)
  if (htmx && current) return c.html(<ArticleForm {...props} />)
  return c.render(<ArticleEditPage chrome={editorChrome(c, 'articles')} form={props} />)
}
