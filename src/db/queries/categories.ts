// Category queries: the navigation list, in editor-chosen order.
import { asc } from 'drizzle-orm'
import type { Db } from '../client'
import { categories } from '../schema'

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
