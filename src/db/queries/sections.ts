// Category and tag pages: one page of published stories, the total, and the chrome, in one batch.
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { prepareBatch, slot } from '../prepared-batch'
import { articles, articleTags, categories, categoryEditions, tagEditions, tags } from '../schema'
import { type ArticleSummary, articleSummaryColumns } from './articles'
import { type BreakingAlert, currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
import { attachBylines, bylineAuthorsQuery } from './bylines'
import { listCategoriesQuery, type NavigationItem } from './categories'
import { pageIdsQuery, skippedBefore } from './section-page-ids'
import { lastUpdateQuery, parseLastUpdate } from './site-state'
import { tagEditionOf, tagNameInEdition } from './tag-names'

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

const SLUG = slot<string>('slug')
const SKIPPED = slot<number>('skipped')
const EDITION = slot<string>('edition')
const NOW = slot<Date>('now')

/** A category page's batch, built once (prepareBatch): the slug, page and edition are its values. */
const categoryPageBatch = prepareBatch((db) => {
  // The section as this edition has it: its translated name and its own count (triggers, 0010).
  const ids = pageIdsQuery({
    from: articles,
    id: articles.id,
    publishedAt: articles.publishedAt,
    status: articles.status,
    owner: articles.categoryId,
    ownerId: db.select({ id: categories.id }).from(categories).where(eq(categories.slug, SLUG)),
    total: db
      .select({ total: categoryEditions.publishedCount })
      .from(categoryEditions)
      .innerJoin(categories, eq(categories.id, categoryEditions.categoryId))
      .where(and(eq(categories.slug, SLUG), eq(categoryEditions.language, EDITION))),
    page: { skipped: SKIPPED, size: SECTION_PAGE_SIZE },
    language: { column: articles.language, code: EDITION },
  })
  return [
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
        and(eq(categoryEditions.categoryId, categories.id), eq(categoryEditions.language, EDITION)),
      )
      .where(eq(categories.slug, SLUG)),
    ...pageQueries(db, ids),
  ] as const
})

/** A tag page's batch, built once: the slug, page and edition are its values. */
const tagPageBatch = prepareBatch((db) => {
  const ids = pageIdsQuery({
    from: articleTags,
    id: articleTags.articleId,
    publishedAt: articleTags.publishedAt,
    status: articleTags.status,
    owner: articleTags.tagId,
    ownerId: db.select({ id: tags.id }).from(tags).where(eq(tags.slug, SLUG)),
    total: db
      .select({ total: tagEditions.publishedCount })
      .from(tagEditions)
      .innerJoin(tags, eq(tags.id, tagEditions.tagId))
      .where(and(eq(tags.slug, SLUG), eq(tagEditions.language, EDITION))),
    page: { skipped: SKIPPED, size: SECTION_PAGE_SIZE },
    language: { column: articleTags.language, code: EDITION },
  })
  return [
    db
      .select({
        slug: tags.slug,
        name: tagNameInEdition,
        total: sql<number>`coalesce(${tagEditions.publishedCount}, 0)`,
      })
      .from(tags)
      .leftJoin(tagEditions, tagEditionOf(EDITION))
      .where(eq(tags.slug, SLUG)),
    ...pageQueries(db, ids),
  ] as const
})

/** What both kinds of section page read besides the section: its stories and the chrome. */
function pageQueries(db: Db, ids: ReturnType<typeof pageIdsQuery>) {
  return [
    pageItemsQuery(db, ids),
    listCategoriesQuery(db, EDITION),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db, NOW),
    bylineAuthorsQuery(db, ids),
  ] as const
}

function pageValues(slug: string, page: number, edition: string, now: Date) {
  return { slug, skipped: skippedBefore(page, SECTION_PAGE_SIZE), edition, now }
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
  now = new Date(),
): Promise<SectionPageData | null> {
  const [found, rows, navigation, lastUpdate, breaking, bylines] = await categoryPageBatch(
    db,
    pageValues(slug, page, edition, now),
  )
  const category = found[0]
  if (!category) return null
  const { total, ...section } = category
  return {
    section: { kind: 'category', ...section },
    items: attachBylines(rows, bylines),
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
  now = new Date(),
): Promise<SectionPageData | null> {
  const [found, rows, navigation, lastUpdate, breaking, bylines] = await tagPageBatch(
    db,
    pageValues(slug, page, edition, now),
  )
  const tag = found[0]
  if (!tag) return null
  const { total, ...section } = tag
  return {
    section: { kind: 'tag', ...section, description: '' },
    items: attachBylines(rows, bylines),
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
