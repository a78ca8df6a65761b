// Page-script URLs of earlier builds: a page cached before a deploy still names the script it had.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { PAGE_SCRIPT_URL } from '../views/assets'

/**
 * The current /vendor/page-<hash>.js and site-<hash>.js are static assets and never reach the
 * Worker; any other is named by a page cached before the last deploy (pages stay cached for hours),
 * so it is sent on to the current script with htmx, which works on any of our pages, rather than
 * leaving that page without it.
 */
export const pageScript = new Hono<AppEnv>().get(
  '/vendor/:file{(?:page|site)-[0-9a-f]+\\.js}',
  (c) => {
    c.header('Cache-Control', 'public, max-age=300')
    return c.redirect(PAGE_SCRIPT_URL, 302)
  },
)
