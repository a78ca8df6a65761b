// The front page.
import { Hono } from 'hono'
import { loadHomePage } from '../db/queries/articles'
import type { AppEnv } from '../env'
import { HomePage } from '../views/pages/home-page'

export const home = new Hono<AppEnv>().get('/', async (c) => {
  const { navigation, latest, lastUpdateAt } = await loadHomePage(c.var.db)
  const chrome = { site: c.var.config.site, navigation, now: new Date(), lastUpdateAt }
  return c.render(<HomePage chrome={chrome} latest={latest} />)
})
