// /api/v1/articles: list, get, create, update (PUT is idempotent), publish and unpublish.
import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { loadArticleEditor } from '../../db/queries/editor-articles'
import { EDITOR_PAGE_SIZE, loadArticleList } from '../../db/queries/editor-lists'
import { ARTICLE_STATUSES } from '../../db/schema'
import { AppError } from '../../lib/errors'
import { requestUrl } from '../../lib/request-url'
import { type ApiEnv, requireScope } from '../../middleware/auth'
import { createArticle, updateArticle } from '../../services/editorial'
import { parseArticleInput } from '../../services/editorial-input'
import { can, canViewArticle, requireArticleEdit } from '../../services/editorial-permissions'
import { changeArticleStatus } from '../../services/editorial-status'
import { countPages } from '../../views/components/pagination'
import { editorialDeps, parseId } from '../editor/context'
import { articleJson, readJson, validate } from './json'

const ListQuery = v.object({
  status: v.optional(
    v.picklist(ARTICLE_STATUSES, `status must be one of ${ARTICLE_STATUSES.join(', ')}.`),
  ),
  category: v.optional(v.pipe(v.string(), v.maxLength(200))),
  q: v.optional(v.pipe(v.string(), v.maxLength(200, 'q can be at most 200 characters.'))),
  page: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9]\d{0,5}$/, 'page must be a whole number from 1.'),
      v.transform(Number),
    ),
    '1',
  ),
})

const PublishBody = v.optional(
  v.object({
    publishAt: v.optional(
      v.pipe(
        v.string('publishAt must be an ISO 8601 date-time.'),
        v.isoTimestamp('publishAt must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z.'),
        v.transform((value) => new Date(value)),
      ),
    ),
  }),
  {},
)

export const apiArticles = new Hono<ApiEnv>()
  .get('/v1/articles', requireScope('articles:read'), async (c) => {
    const query = validate(ListQuery, c.req.query())
    const page = Number(query.page)
    const { user } = c.var
    // A token acts as its account: an author's token lists only that author's articles.
    const authorId = can(user, 'articles:edit-any') ? undefined : user.id
    const filter = { status: query.status, category: query.category, q: query.q, authorId }
    const data = await loadArticleList(c.var.db, filter, page)
    return c.json({
      data: data.rows,
      page,
      pages: countPages(data.total, EDITOR_PAGE_SIZE),
      total: data.total,
    })
  })
  .get('/v1/articles/:id', requireScope('articles:read'), async (c) => {
    const article = await loadForApi(c.var.db, c.var.user, parseId(c.req.param('id'), 'article'))
    return c.json(articleJson(article, origin(c)))
  })
  .post('/v1/articles', requireScope('articles:write'), async (c) => {
    const input = parseArticleInput(await readJson(c))
    const { id } = await createArticle(editorialDeps(c), c.var.user, input)
    const article = await loadForApi(c.var.db, c.var.user, id)
    c.header('Location', `/api/v1/articles/${id}`)
    return c.json(articleJson(article, origin(c)), 201)
  })
  .put('/v1/articles/:id', requireScope('articles:write'), async (c) => {
    const id = parseId(c.req.param('id'), 'article')
    // Edit rights first, so a refused token learns nothing from the body's validation.
    requireArticleEdit(c.var.user, await loadForApi(c.var.db, c.var.user, id))
    const input = parseArticleInput(await readJson(c))
    await updateArticle(editorialDeps(c), c.var.user, id, input)
    const article = await loadForApi(c.var.db, c.var.user, id)
    return c.json(articleJson(article, origin(c)))
  })
  .post('/v1/articles/:id/publish', requireScope('articles:publish'), async (c) => {
    const id = parseId(c.req.param('id'), 'article')
    await loadForApi(c.var.db, c.var.user, id)
    // The body is optional: none publishes now, `{ "publishAt": … }` schedules.
    const body = validate(PublishBody, c.req.header('content-type') ? await readJson(c) : undefined)
    const action = body.publishAt ? 'schedule' : 'publish'
    await changeArticleStatus(editorialDeps(c), c.var.user, id, action, {
      publishAt: body.publishAt,
    })
    const article = await loadForApi(c.var.db, c.var.user, id)
    return c.json(articleJson(article, origin(c)))
  })
  .post('/v1/articles/:id/unpublish', requireScope('articles:publish'), async (c) => {
    const id = parseId(c.req.param('id'), 'article')
    await loadForApi(c.var.db, c.var.user, id)
    await changeArticleStatus(editorialDeps(c), c.var.user, id, 'unpublish')
    const article = await loadForApi(c.var.db, c.var.user, id)
    return c.json(articleJson(article, origin(c)))
  })

/** SITE_URL when configured, otherwise the origin the request came to. */
function origin(c: Context<ApiEnv>): string {
  return c.var.config.site.url ?? requestUrl(c.req.raw).origin
}

async function loadForApi(
  db: Parameters<typeof loadArticleEditor>[0],
  user: ApiEnv['Variables']['user'],
  id: number,
) {
  const { article } = await loadArticleEditor(db, id)
  // Another author's article does not exist as far as an author's token can tell.
  if (!article || !canViewArticle(user, article)) {
    throw new AppError('NOT_FOUND', 'There is no article with this id.')
  }
  return article
}
