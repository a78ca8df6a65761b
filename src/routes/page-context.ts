// What every full page's route derives from the request: the site chrome and absolute URLs.
import type { Context } from 'hono'
import type { BreakingAlert } from '../db/queries/breaking-alerts'
import type { NavigationItem } from '../db/queries/categories'
import type { AppEnv } from '../env'
import { type Edition, editionPath } from '../lib/editions'
import { createI18n, nameLanguage } from '../lib/i18n/i18n'
import { requestUrl } from '../lib/request-url'
import type { EditionLink, SiteChrome } from '../views/site'

export function siteChrome(
  c: Context<AppEnv>,
  parts: {
    navigation: NavigationItem[]
    lastUpdateAt: Date | null
    breakingAlert?: BreakingAlert | null
    currentCategory?: string
    /** The page's edition when it is not the URL's: an article's is its language. */
    edition?: Edition
    /** Pages in other editions that translate this one, by edition code. */
    translations?: Record<string, string>
  },
): SiteChrome {
  const { edition = c.var.edition, translations = {}, ...rest } = parts
  return {
    site: c.var.config.site,
    // Lists carry each story's section under its own name; the edition's comes from the menu.
    i18n: createI18n(
      edition,
      Object.fromEntries(rest.navigation.map((item) => [item.slug, item.name])),
    ),
    editionLinks: listEditionLinks(c.var.config.editions, edition, translations),
    now: new Date(),
    ...rest,
  }
}

/** The switcher's links: each other edition's translation of the page, or else its home. */
export function listEditionLinks(
  editions: readonly Edition[],
  current: Edition,
  translations: Record<string, string>,
): EditionLink[] {
  return editions
    .filter((edition) => edition.code !== current.code)
    .map((edition) => ({
      code: edition.code,
      name: nameLanguage(edition.code),
      href: translations[edition.code] ?? editionPath(edition, '/'),
      translation: edition.code in translations,
    }))
}

/** The edition articles in this language belong to: the configured one, or the default. */
export function findEditionByCode(c: Context<AppEnv>, code: string): Edition {
  const { editions } = c.var.config
  return editions.find((edition) => edition.code === code) ?? (editions[0] as Edition)
}

/** The canonical origin: SITE_URL when configured, otherwise the origin the request came to. */
export function siteOrigin(c: Context<AppEnv>): string {
  return c.var.config.site.url ?? requestUrl(c.req.raw).origin
}
