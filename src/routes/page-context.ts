// What every full page's route derives from the request: the site chrome and absolute URLs.
import type { Context } from 'hono'
import type { NavigationItem } from '../db/queries/categories'
import type { AppEnv } from '../env'
import type { SiteChrome } from '../views/site'

export function siteChrome(
  c: Context<AppEnv>,
  parts: { navigation: NavigationItem[]; lastUpdateAt: Date | null; currentCategory?: string },
): SiteChrome {
  return { site: c.var.config.site, now: new Date(), ...parts }
}

/** The canonical origin: SITE_URL when configured, otherwise the origin the request came to. */
export function siteOrigin(c: Context<AppEnv>): string {
  return c.var.config.site.url ?? new URL(c.req.url).origin
}
