// The front page.
import { Hono } from 'hono'
import { loadHomePage } from '../db/queries/home-page'
import type { AppEnv } from '../env'
import { HomePage } from '../views/pages/home-page'
import { siteChrome, siteOrigin } from './page-context'

export const home = new Hono<AppEnv>().get('/', async (c) => {
  const { navigation, lastUpdateAt, breakingAlert, ...page } = await loadHomePage(
    c.var.db,
    c.var.edition.code,
  )
  const chrome = siteChrome(c, { navigation, lastUpdateAt, breakingAlert })
  return c.render(<HomePage chrome={chrome} origin={siteOrigin(c)} {...page} />)
})
