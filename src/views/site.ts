// The data every full page needs for its header and footer, gathered by the route once per render.

import type { BreakingAlert } from '../db/queries/breaking-alerts'
import type { NavigationItem } from '../db/queries/categories'
import type { Config } from '../env'
import type { I18n } from '../lib/i18n/i18n'

/** A link to this page in another edition: its translation, or that edition's home. */
export interface EditionLink {
  code: string
  /** What the language calls itself: "العربية". */
  name: string
  href: string
  /** The page's own translation, not just the edition's home: an hreflang alternate. */
  translation: boolean
}

export interface SiteChrome {
  site: Config['site']
  /** The interface language: the page's edition. */
  i18n: I18n
  /** The other editions, for the language switcher; empty with one edition. */
  editionLinks: EditionLink[]
  navigation: NavigationItem[]
  /** The moment the page was rendered, for "today's date" in the header. */
  now: Date
  lastUpdateAt: Date | null
  /** The current breaking alert, read in the page's batch so that it shows without JavaScript. */
  breakingAlert?: BreakingAlert | null
  /** Highlights the current section in the navigation. */
  currentCategory?: string
}
