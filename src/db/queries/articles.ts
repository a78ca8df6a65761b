// Article queries that return plain objects for views: summaries for lists, and the home page batch.
import { desc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, categories } from '../schema'
import { listCategoriesQuery } from './categories'
import { lastUpdateQuery, parseLastUpdate } from './site-state'

/** What a list item needs: headline, teaser, time, section and thumbnail. */
export interface ArticleSummary {
  id: number
  slug: string
  title: string
  summary: string
  publishedAt: Date | null
  updatedAt: Date
  imageUrl: string | null
  imageAlt: string
  imageWidth: number | null
  imageHeight: number | null
  categorySlug: string
  categoryName: string
}

export const articleSummaryColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  imageUrl: articles.imageUrl,
  imageAlt: articles.imageAlt,
  imageWidth: articles.imageWidth,
  imageHeight: articles.imageHeight,
  categorySlug: categories.slug,
  categoryName: categories.name,
}

/** Published articles only: drafts, scheduled and archived ones never reach a public list. */
export const isPublic = eq(articles.status, 'published')

export function latestPublishedQuery(db: Db, limit: number) {
  return db
    .select(articleSummaryColumns)
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(isPublic)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
}

/** Everything the home page shows, fetched in one libSQL batch: one round trip. */
export async function loadHomePage(db: Db) {
  const [navigation, latest, lastUpdate] = await db.batch([
    listCategoriesQuery(db),
    latestPublishedQuery(db, 20),
    lastUpdateQuery(db),
  ])
  return { navigation, latest, lastUpdateAt: parseLastUpdate(lastUpdate) }
}
