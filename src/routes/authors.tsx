// Author pages: `/author/:slug`, 20 published stories a page; an imported old slug answers 301.
import { Hono } from 'hono'
import { AUTHOR_PAGE_SIZE, loadAuthorPage } from '../db/queries/authors'
import type { AppEnv } from '../env'
import { AppError } from '../lib/errors'
import { isValidSlug } from '../lib/slug'
import { addCacheTags } from '../middleware/edge-cache'
import { countPages } from '../views/components/pagination'
import { AuthorPage } from '../views/pages/author-page'
import { siteChrome, siteOrigin } from './page-context'
import { parsePage } from './sections'

export const authorPages = new Hono<AppEnv>().get('/author/:slug', async (c) => {
  const slug = c.req.param('slug')
  const page = parsePage(c.req.query('page'))
  if (!isValidSlug(slug)) throw new AppError('NOT_FOUND', 'There is no such author.')
  const result = await loadAuthorPage(c.var.db, slug, page) // one batch
  if (!result) throw new AppError('NOT_FOUND', 'There is no such author.')
  if (result.kind === 'moved') return c.redirect(`/author/${result.slug}`, 301)
  const { page: data } = result
  const lastPage = countPages(data.total, AUTHOR_PAGE_SIZE)
  if (page > lastPage) throw new AppError('NOT_FOUND', `${data.author.name} has no page ${page}.`)
  addCacheTags(c, `author:${data.author.slug}`, ...data.items.map((item) => `article:${item.id}`))
  return c.render(
    <AuthorPage
      chrome={siteChrome(c, {
        navigation: data.navigation,
        lastUpdateAt: data.lastUpdateAt,
        breakingAlert: data.breakingAlert,
      })}
      data={data}
      page={page}
      lastPage={lastPage}
      origin={siteOrigin(c)}
    />,
  )
})
