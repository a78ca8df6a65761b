// Category and tag pages: one page of published stories, the total, and the chrome, in one batch.
import { and, count, desc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, articleTags, categories, tags } from '../schema'
import { type ArticleSummary, articleSummaryColumns, isPublic } from './articles'
import { listCategoriesQuery, type NavigationItem } from './categories'
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
}

/**
 * One page (1-based) of a category, or null when no category has this slug. A page past the end
 * comes back with no items; whether that is a 404 is the route's call.
 */
export async function loadCategoryPage(
  db: Db,
  slug: string,
  page: number,
): Promise<SectionPageData | null> {
  const inCategory = and(eq(categories.slug, slug), isPublic)
  const [found, items, total, navigation, lastUpdate] = await db.batch([
    db
      .select({ slug: categories.slug, name: categories.name, description: categories.description })
      .from(categories)
      .where(eq(categories.slug, slug)),
    db
      .select(articleSummaryColumns)
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(inCategory)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(SECTION_PAGE_SIZE)
      .offset(pageOffset(page)),
    db
      .select({ total: count() })
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(inCategory),
    listCategoriesQuery(db),
    lastUpdateQuery(db),
  ])
  const category = found[0]
  if (!category) return null
  return {
    section: { kind: 'category', ...category },
    items,
    total: total[0]?.total ?? 0,
    navigation,
    lastUpdateAt: parseLastUpdate(lastUpdate),
  }
}

/** One page (1-based) of a tag, or null when no tag has this slug. */
export async function loadTagPage(
  db: Db,
  slug: string,
  page: number,
): Promise<SectionPageData | null> {
  const tagged = and(eq(tags.slug, slug), isPublic)
  const [found, items, total, navigation, lastUpdate] = await db.batch([
    db.select({ slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug)),
    db
      .select(articleSummaryColumns)
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .innerJoin(articles, eq(articles.id, articleTags.articleId))
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(tagged)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(SECTION_PAGE_SIZE)
      .offset(pageOffset(page)),
    db
      .select({ total: count() })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .innerJoin(articles, eq(articles.id, articleTags.articleId))
      .where(tagged),
    listCategoriesQuery(db),
    lastUpdateQuery(db),
  ])
  const tag = found[0]
  if (!tag) return null
  return {
    section: { kind: 'tag', ...tag, description: '' },
    items,
    total: total[0]?.total ?? 0,
    navigation,
    lastUpdateAt: parseLastUpdate(lastUpdate),
  }
}

function pageOffset(page: number): number {
  return (Math.max(1, Math.trunc(page)) - 1) * SECTION_PAGE_SIZE
}
