// Newsroom articles: the list, the editor for new and existing articles, saves, moves and previews.
import { Hono } from 'hono'
import { loadArticleEditor } from '../../db/queries/editor-articles'
import { EDITOR_PAGE_SIZE, loadArticleList } from '../../db/queries/editor-lists'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../db/schema'
import { AppError } from '../../lib/errors'
import { isHtmxRequest } from '../../lib/htmx'
import { nameLanguage } from '../../lib/i18n/i18n'
import type { EditorEnv } from '../../middleware/auth'
import { readArticleForm } from '../../services/editorial-form'
import { can } from '../../services/editorial-permissions'
import { countPages } from '../../views/components/pagination'
import { ArticlePreview } from '../../views/editor/fragments/article-preview'
import { ArticleTable } from '../../views/editor/fragments/article-table'
import { ArticleEditPage } from '../../views/editor/pages/article-edit-page'
import { ArticleListPage } from '../../views/editor/pages/article-list-page'
import { parsePage } from '../sections'
import {
  emptyFormValues,
  formPropsFor,
  formValuesOf,
  NOTICES,
  previewOf,
} from './article-form-state'
import { saveArticleForm } from './article-save'
import { editorChrome, parseId, readForm } from './context'

function parseStatus(value: string | undefined): ArticleStatus | undefined {
  return ARTICLE_STATUSES.find((status) => status === value)
}

export const articles = new Hono<EditorEnv>()
  .get('/articles', async (c) => {
    const { user } = c.var
    const page = parsePage(c.req.query('page'))
    const seesAll = can(user, 'articles:edit-any')
    const author = c.req.query('author')
    const filter = {
      status: parseStatus(c.req.query('status')),
      category: c.req.query('category') || undefined,
      // An author's list is their own work, whatever the URL asks for.
      authorId: seesAll ? (author && /^\d+$/.test(author) ? Number(author) : undefined) : user.id,
      q: c.req.query('q')?.trim().slice(0, 200) || undefined,
    }
    const data = await loadArticleList(c.var.db, filter, page)
    const lastPage = countPages(data.total, EDITOR_PAGE_SIZE)
    const query = new URLSearchParams(
      Object.entries({ ...c.req.query(), page: '' }).filter(([, value]) => value),
    )
    const table = {
      rows: data.rows,
      total: data.total,
      page,
      lastPage,
      pageHref: (n: number) =>
        `/editor/articles?${new URLSearchParams([...query, ['page', String(n)]])}`,
      timeZone: c.var.config.site.timeZone,
    }
    c.header('Vary', 'HX-Request')
    if (isHtmxRequest(c.req.raw.headers)) return c.html(<ArticleTable {...table} />)
    return c.render(
      <ArticleListPage
        chrome={editorChrome(c, 'articles')}
        filter={filter}
        categories={data.categories}
        authors={seesAll ? data.authors : null}
        table={table}
      />,
    )
  })
  .get('/articles/new', async (c) => {
    const { categories } = await loadArticleEditor(c.var.db, 0)
    const values = emptyFormValues(c.var.config.site.language)
    return c.render(
      <ArticleEditPage
        chrome={editorChrome(c, 'new-article')}
        form={formPropsFor(c, null, categories, values)}
      />,
    )
  })
  .post('/articles', (c) => saveArticleForm(c, null))
  .get('/articles/:id', async (c) => {
    const id = parseId(c.req.param('id'), 'article')
    // guardArticle (article-access.ts) has already refused anyone who may not see it.
    const { article, categories } = await loadArticleEditor(c.var.db, id)
    if (!article) throw new AppError('NOT_FOUND', 'There is no such article.')
    const values = formValuesOf(article, c.var.config.site.timeZone)
    const notice = NOTICES[c.req.query('notice') ?? '']
    const translateInto = c.var.config.editions
      .filter((edition) => edition.code !== article.language)
      .map((edition) => ({ code: edition.code, name: nameLanguage(edition.code) }))
    return c.render(
      <ArticleEditPage
        chrome={editorChrome(c, 'articles')}
        form={formPropsFor(c, article, categories, values, { notice })}
        translateInto={translateInto}
      />,
    )
  })
  .post('/articles/:id', (c) => saveArticleForm(c, parseId(c.req.param('id'), 'article')))
  /** The live preview: what the body would look like, rendered and sanitised as a save would. */
  .post('/preview', async (c) => {
    const preview = previewOf(readArticleForm(await readForm(c)))
    // Past a bound the pane says why, with the save's status; the textarea keeps what was typed.
    if (preview.problem) c.status(422)
    return c.html(<ArticlePreview {...preview} />)
  })
