// The front page.
import { Hono } from 'hono'
import { loadHomePage } from '../db/queries/articles'
import type { AppEnv } from '../env'
import { HomePage } from '../views/pages/home-page'
import { siteChrome } from './page-context'

export const home = new Hono<AppEnv>().get('/', async (c) => {
  const { navigation, latest, lastUpdateAt } = await loadHomePage(c.var.db)
  return c.render(<HomePage chrome={siteChrome(c, { navigation, lastUpdateAt })} latest={latest} />)
})
