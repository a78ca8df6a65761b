// Article queries that return plain objects for views: summaries for lists, and the home page batch.
import { and, asc, desc, eq, inArray, type Placeholder, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { BylineAuthor } from '../../lib/byline'
import type { Db } from '../client'
import { articles, categories, slugRedirects } from '../schema'
import { currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
import { attachBylines, bylineAuthorsQuery } from './bylines'
import { listCategoriesQuery } from './categories'
import { lastUpdateQuery, parseLastUpdate } from './site-state'
import { trendingQuery } from './trending'

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
  /** The free-text byline, kept as typed (lists built by hand may leave it out). */
  byline?: string
  /** Linked authors, for lists that read them in their batch (bylines.ts); cards link them. */
  authors?: BylineAuthor[]
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
  byline: articles.byline,
}

/** Published articles only: drafts, scheduled and archived ones never reach a public list. */
export const isPublic = eq(articles.status, 'published')

/**
 * `isPublic` that no index can serve, for rows found some other way (by id, or walked by rowid).
 * Nearly every article is published, so the (status, published_at) index SQLite would otherwise
 * pick reads the whole archive: a million rows to find a story's six related ones.
 */
export const isPublicRow = sql`+${articles.status} = ${'published'}`

/** Where an old slug points now: the current slug of a published article, if any. */
export function movedSlugQuery(db: Db, oldSlug: string | Placeholder<string, string>) {
  return db
    .select({ slug: articles.slug })
    .from(slugRedirects)
    .innerJoin(articles, eq(articles.id, slugRedirects.articleId))
    .where(and(eq(slugRedirects.oldSlug, oldSlug), isPublic))
}

/** What a public address for a slug resolves to; only a published article is ever `found`. */
export type SlugLookup<T> =
  | { kind: 'found'; article: T }
  | { kind: 'moved'; slug: string }
  | { kind: 'gone' }
  | { kind: 'missing' }

/**
 * Archived articles are gone (410); drafts, articles in review and scheduled ones are missing, so
 * no public page or embed reveals they exist; an old slug of a published article has moved.
 */
export function resolveSlug<T extends { status: string }>(
  found: T | undefined,
  moved: { slug: string } | undefined,
): SlugLookup<T> {
  if (!found) return moved ? { kind: 'moved', slug: moved.slug } : { kind: 'missing' }
  if (found.status === 'archived') return { kind: 'gone' }
  if (found.status !== 'published') return { kind: 'missing' }
  return { kind: 'found', article: found }
}

/** The newest published stories; with an edition's code, that edition's only. */
export function latestPublishedQuery(db: Db, limit: number, edition?: string) {
  return db
    .select(articleSummaryColumns)
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(latestFilter(edition))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
}

/** The ids latestPublishedQuery lists: the same bounded index seek, for their bylines. */
function latestIdsQuery(db: Db, limit: number, edition?: string) {
  return db
    .select({ id: articles.id })
    .from(articles)
    .where(latestFilter(edition))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
}

function latestFilter(edition?: string) {
  return and(isPublic, edition === undefined ? undefined : eq(articles.language, edition))
}

export const HOME_LATEST_COUNT = 13
export const HOME_SECTION_COUNT = 4

/**
 * The newest `perSection` published stories of every category, in navigation order. Driven from
 * the categories, each one a bounded seek on its (category, status, published) index: the cost
 * follows the number of sections, not the size of the archive.
 */
function sectionLeadsQuery(db: Db, perSection: number, edition?: string) {
  return db
    .select(articleSummaryColumns)
    .from(categories)
    .innerJoin(articles, inArray(articles.id, sectionLeadIds(db, perSection, edition)))
    .orderBy(asc(categories.position), desc(articles.publishedAt), desc(articles.id))
}

/** The newest `perSection` ids of the current category, correlated with `categories`. */
function sectionLeadIds(db: Db, perSection: number, edition?: string) {
  const lead = alias(articles, 'lead')
  // (category, language, status, published_at) is one index range per section.
  const leadIds = db
    .select({ id: lead.id })
    .from(lead)
    .where(
      and(
        eq(lead.categoryId, categories.id),
        edition === undefined ? undefined : eq(lead.language, edition),
        eq(lead.status, 'published'),
      ),
    )
    .orderBy(desc(lead.publishedAt), desc(lead.id))
    .limit(perSection)
  return leadIds
}

/**
 * Everything one edition's home page shows (every edition's, without one), fetched in one libSQL
 * batch: one round trip.
 */
export async function loadHomePage(db: Db, edition?: string) {
  const leadIds = db
    .select({ id: articles.id })
    .from(categories)
    .innerJoin(articles, inArray(articles.id, sectionLeadIds(db, HOME_SECTION_COUNT, edition)))
  const [navigation, latestRows, leadRows, trending, lastUpdate, breaking, latestBy, leadsBy] =
    await db.batch([
      listCategoriesQuery(db, edition),
      latestPublishedQuery(db, HOME_LATEST_COUNT, edition),
      sectionLeadsQuery(db, HOME_SECTION_COUNT, edition),
      trendingQuery(db, undefined, edition),
      lastUpdateQuery(db),
      currentBreakingAlertQuery(db),
      bylineAuthorsQuery(db, latestIdsQuery(db, HOME_LATEST_COUNT, edition)),
      bylineAuthorsQuery(db, leadIds),
    ])
  const latest = attachBylines(latestRows, latestBy)
  const sectionLeads = attachBylines(leadRows, leadsBy)
  const sections = navigation
    .filter((item) => item.kind !== 'page')
    .map((category) => ({
      ...category,
      stories: sectionLeads.filter((story) => story.categorySlug === category.slug),
    }))
    .filter((section) => section.stories.length > 0)
  return {
    navigation,
    latest,
    sections,
    trending,
    lastUpdateAt: parseLastUpdate(lastUpdate),
    breakingAlert: pickBreakingAlert(breaking),
  }
}
