// The data every full page needs for its header and footer, gathered by the route once per render.

import type { NavigationItem } from '../db/queries/categories'
import type { Config } from '../env'

export interface SiteChrome {
  site: Config['site']
  navigation: NavigationItem[]
  /** The moment the page was rendered, for "today's date" in the header. */
  now: Date
  lastUpdateAt: Date | null
  /** Highlights the current section in the navigation. */
  currentCategory?: string
}
