// Category and tag pages: one page of published stories, the total, and the chrome, in one batch.
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, articleTags, categories, categoryEditions, tagEditions, tags } from '../schema'
import { type ArticleSummary, articleSummaryColumns } from './articles'
import { type BreakingAlert, currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
import { attachBylines, bylineAuthorsQuery } from './bylines'
import { listCategoriesQuery, type NavigationItem } from './categories'
import { pageIdsQuery } from './section-page-ids'
import { lastUpdateQuery, parseLastUpdate } from './site-state'

export const SECTION_PAGE_SIZE = 20

export interface Section {
  kind: 'category' | 'tag'
  slug: string
  name: string
  /** Editor-written for categories; tags have none. */
  description: string
}

export interface SectionPageData {
  section: Section
  items: ArticleSummary[]
  /** Published stories in the whole section, for the page count. */
  total: number
  navigation: NavigationItem[]
  lastUpdateAt: Date | null
  /** The current breaking alert, read in the same batch (issue 21). */
  breakingAlert: BreakingAlert | null
}

/**
 * One page (1-based) of a category, or null when no category has this slug. A page past the end
 * comes back with no items; whether that is a 404 is the route's call.
 */
export async function loadCategoryPage(
  db: Db,
  slug: string,
  page: number,
  edition: string,
): Promise<SectionPageData | null> {
  // The section as this edition has it: its translated name and its own count (triggers, 0010).
  const ids = pageIdsQuery({
    from: articles,
    id: articles.id,
    publishedAt: articles.publishedAt,
    status: articles.status,
    owner: articles.categoryId,
    ownerId: db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)),
    total: db
      .select({ total: categoryEditions.publishedCount })
      .from(categoryEditions)
      .innerJoin(categories, eq(categories.id, categoryEditions.categoryId))
      .where(and(eq(categories.slug, slug), eq(categoryEditions.language, edition))),
    page: { number: page, size: SECTION_PAGE_SIZE },
    language: { column: articles.language, code: edition },
  })
  const [found, rows, navigation, lastUpdate, breaking, bylines] = await db.batch([
    db
      .select({
        slug: categories.slug,
        name: sql<string>`coalesce(${categoryEditions.name}, ${categories.name})`,
        description: sql<string>`coalesce(${categoryEditions.description}, ${categories.description})`,
        total: sql<number>`coalesce(${categoryEditions.publishedCount}, 0)`,
      })
      .from(categories)
      .leftJoin(
        categoryEditions,
        and(eq(categoryEditions.categoryId, categories.id), eq(categoryEditions.language, edition)),
      )
      .where(eq(categories.slug, slug)),
    pageItemsQuery(db, ids),
    listCategoriesQuery(db, edition),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db),
    bylineAuthorsQuery(db, ids),
  ])
  const category = found[0]
  if (!category) return null
  const items = attachBylines(rows, bylines)
  const { total, ...section } = category
  return {
    section: { kind: 'category', ...section },
    items,
    total,
    navigation,
    lastUpdateAt: parseLastUpdate(lastUpdate),
    breakingAlert: pickBreakingAlert(breaking),
  }
}

/** One page (1-based) of a tag, or null when no tag has this slug. */
export async function loadTagPage(
  db: Db,
  slug: string,
  page: number,
  edition: string,
): Promise<SectionPageData | null> {
  const ids = pageIdsQuery({
    from: articleTags,
    id: articleTags.articleId,
    publishedAt: articleTags.publishedAt,
    status: articleTags.status,
    owner: articleTags.tagId,
    ownerId: db.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)),
    total: db
      .select({ total: tagEditions.publishedCount })
      .from(tagEditions)
      .innerJoin(tags, eq(tags.id, tagEditions.tagId))
      .where(and(eq(tags.slug, slug), eq(tagEditions.language, edition))),
    page: { number: page, size: SECTION_PAGE_SIZE },
    language: { column: articleTags.language, code: edition },
  })
  const [found, rows, navigation, lastUpdate, breaking, bylines] = await db.batch([
    db
      .select({
        slug: tags.slug,
        name: sql<string>`coalesce(${tagEditions.name}, ${tags.name})`,
        total: sql<number>`coalesce(${tagEditions.publishedCount}, 0)`,
      })
      .from(tags)
      .leftJoin(tagEditions, and(eq(tagEditions.tagId, tags.id), eq(tagEditions.language, edition)))
      .where(eq(tags.slug, slug)),
    pageItemsQuery(db, ids),
    listCategoriesQuery(db, edition),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db),
    bylineAuthorsQuery(db, ids),
  ])
  const tag = found[0]
  if (!tag) return null
  const items = attachBylines(rows, bylines)
  const { total, ...section } = tag
  return {
    section: { kind: 'tag', ...section, description: '' },
    items,
    total,
    navigation,
    lastUpdateAt: parseLastUpdate(lastUpdate),
    breakingAlert: pickBreakingAlert(breaking),
  }
}

/**
 * The stories of one page, newest first, by the ids `pageIdsQuery` picked (published ones only).
 * No status test here: with one, SQLite would rather walk every published article in date order.
 */
function pageItemsQuery(db: Db, ids: ReturnType<typeof pageIdsQuery>) {
  return db
    .select(articleSummaryColumns)
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(inArray(articles.id, ids))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
}
