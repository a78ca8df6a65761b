// Category queries: the navigation list, in editor-chosen order, with the footer's pages.
import { and, eq, isNotNull, type Placeholder, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { categories, categoryEditions, pages } from '../schema'
import { currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
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
export function listCategoriesQuery(db: Db, edition?: EditionKey) {
  const sections = db
    .select({
      slug: categories.slug,
      name: edition === undefined ? categories.name : sectionNameIn(db, edition),
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

/** An edition's code, or a subquery of one row that gives it (an article's language). */
export type EditionKey = string | SQL | Placeholder

/** A section's name in an edition: its translation (category_editions) or else its own. */
export function sectionNameIn(db: Db, edition: EditionKey) {
  const language = typeof edition === 'string' ? edition : sql`(${edition})`
  const translated = db
    .select({ name: categoryEditions.name })
    .from(categoryEditions)
    .where(
      and(eq(categoryEditions.categoryId, categories.id), eq(categoryEditions.language, language)),
    )
  return sql<string>`coalesce((${translated}), ${categories.name})`.as('name')
}

/** Just the header and footer, for pages with no data of their own: one round trip. */
export async function loadChrome(db: Db, edition?: string) {
  const [navigation, lastUpdate, breaking] = await db.batch([
    listCategoriesQuery(db, edition),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db),
  ])
  return {
    navigation,
    lastUpdateAt: parseLastUpdate(lastUpdate),
    breakingAlert: pickBreakingAlert(breaking),
  }
}
