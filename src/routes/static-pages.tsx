// Static pages at `/:slug`, mounted after every other route so they can never shadow one.
import { Hono } from 'hono'
import { loadStaticPage } from '../db/queries/pages'
import type { AppEnv } from '../env'
import { isReservedSlug } from '../lib/reserved-slugs'
import { isValidSlug } from '../lib/slug'
import { addCacheTags } from '../middleware/edge-cache'
import { StaticPage } from '../views/pages/static-page'
import { siteChrome, siteOrigin } from './page-context'

export const staticPages = new Hono<AppEnv>().get('/:slug', async (c, next) => {
  const slug = c.req.param('slug')
  // Not a page name at all: leave it to the not-found handler without asking the database.
  if (!isValidSlug(slug) || isReservedSlug(slug)) return next()
  const data = await loadStaticPage(c.var.db, slug) // one batch
  if (!data) return next()
  addCacheTags(c, `page:${data.page.id}`)
  return c.render(
    <StaticPage
      chrome={siteChrome(c, {
        navigation: data.navigation,
        lastUpdateAt: data.lastUpdateAt,
        breakingAlert: data.breakingAlert,
      })}
      page={data.page}
      origin={siteOrigin(c)}
    />,
  )
})
