// Category queries: the navigation list, in editor-chosen order.
import { asc } from 'drizzle-orm'
import type { Db } from '../client'
import { categories } from '../schema'
import { lastUpdateQuery, parseLastUpdate } from './site-state'

export interface NavigationItem {
  slug: string
  name: string
}

export function listCategoriesQuery(db: Db) {
  return db
    .select({ slug: categories.slug, name: categories.name })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name))
}

/** Just the header and footer, for pages with no data of their own: one round trip. */
export async function loadChrome(db: Db) {
  const [navigation, lastUpdate] = await db.batch([listCategoriesQuery(db), lastUpdateQuery(db)])
  return { navigation, lastUpdateAt: parseLastUpdate(lastUpdate) }
}
