// Newsroom: "Translate into…" makes a draft of the article in another edition, linked to it.
import { Hono } from 'hono'
import { createTranslationDraft } from '../../db/queries/translations'
import { AppError } from '../../lib/errors'
import type { EditorEnv } from '../../middleware/auth'
import { formText, parseId, readForm } from './context'

export const translations = new Hono<EditorEnv>().post('/articles/:id/translations', async (c) => {
  // guardArticle (article-access.ts) has already refused anyone who may not see the article.
  const sourceId = parseId(c.req.param('id'), 'article')
  const form = await readForm(c)
  const language = formText(form, 'language')
  if (!c.var.config.editions.some((edition) => edition.code === language)) {
    throw new AppError('INVALID', 'Choose one of the site’s editions to translate into.')
  }
  const result = await createTranslationDraft(c.var.db, {
    sourceId,
    language,
    userId: c.var.user.id,
  })
  if (!result) throw new AppError('INVALID', 'This article is already in that language.')
  // The translator lands in the editor on the draft (or on the translation that already exists).
  return c.redirect(`/editor/articles/${result.id}`, 303)
})
