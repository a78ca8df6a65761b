// Category queries: the navigation list, in editor-chosen order, with the footer's pages.
import { and, eq, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { categories, pages } from '../schema'
import { lastUpdateQuery, parseLastUpdate } from './site-state'

export interface NavigationItem {
  slug: string
  name: string
  /** 'page' for a static page in the footer menu (at `/<slug>`); a section otherwise. */
  kind?: 'category' | 'page'
}

/**
 * The site's menus in one statement: the sections for the header, then the published pages an
 * editor put in the footer, each in its own order. Every page's chrome reads it, so adding the
 * footer costs no query of its own.
 */
export function listCategoriesQuery(db: Db) {
  const sections = db
    .select({
      slug: categories.slug,
      name: categories.name,
      kind: sql<'category' | 'page'>`'category'`.as('kind'),
      position: categories.position,
    })
    .from(categories)
  const footer = db
    .select({
      slug: pages.slug,
      name: pages.title,
      kind: sql<'category' | 'page'>`'page'`.as('kind'),
      position: sql<number>`${pages.footerPosition}`.as('position'),
    })
    .from(pages)
    .where(and(isNotNull(pages.footerPosition), eq(pages.status, 'published')))
  return sections.unionAll(footer).orderBy(sql`3, 4, 2`)
}

/** Just the header and footer, for pages with no data of their own: one round trip. */
export async function loadChrome(db: Db) {
  const [navigation, lastUpdate] = await db.batch([listCategoriesQuery(db), lastUpdateQuery(db)])
  return { navigation, lastUpdateAt: parseLastUpdate(lastUpdate) }
}
