// Article queries that return plain objects for views: summary columns, the public filter, slug lookups.
import { and, eq, type Placeholder, sql } from 'drizzle-orm'
import type { BylineAuthor } from '../../lib/byline'
import type { Db } from '../client'
import { articles, categories, slugRedirects } from '../schema'

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
