// The gate in front of every newsroom route under /editor/articles/<id>: a person who may not see an
// article learns nothing about it, whatever the method, the intent or the rest of the path.
import { createMiddleware } from 'hono/factory'
import { findArticleAccess } from '../../db/queries/editor-articles'
import { AppError } from '../../lib/errors'
import type { EditorEnv } from '../../middleware/auth'
import { canViewArticle } from '../../services/editorial-permissions'
import { parseId } from './context'

/** Paths it guards: `/articles/5` and everything below it (`/*` matches the bare path too). */
export const ARTICLE_PATHS = '/articles/:id{[0-9]+}/*'

/**
 * Runs right after sign-in and CSRF, before any handler reads the form or loads the article: an
 * unknown id is a 404 and someone else's article a 403, both saying nothing about its content.
 * Handlers still check what they do (edit, restore), and services check again.
 */
export const guardArticle = () =>
  createMiddleware<EditorEnv>(async (c, next) => {
    const id = parseId(c.req.param('id'), 'article')
    const article = await findArticleAccess(c.var.db, id)
    if (!article) throw new AppError('NOT_FOUND', 'There is no such article.')
    if (!canViewArticle(c.var.user, article)) {
      throw new AppError('FORBIDDEN', 'You can only open your own articles.')
    }
    await next()
  })
