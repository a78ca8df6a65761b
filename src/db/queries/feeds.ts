// Feed queries: the latest published articles of the site, a category or a tag, with their tags.
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { BylineAuthor } from '../../lib/byline'
import type { Db } from '../client'
import { articleAuthors, articles, articleTags, authors, categories, tags } from '../schema'
import { type ArticleSummary, articleSummaryColumns, isPublic } from './articles'
import { bylineAuthorsQuery, groupBylines } from './bylines'

/** How many items a feed carries. */
export const FEED_SIZE = 30

export interface FeedTag {
  slug: string
  name: string
}

export interface FeedArticle extends ArticleSummary {
  bodyHtml: string
  byline: string
  tags: FeedTag[]
  /** Linked authors in byline order; empty when only the free-text byline names anyone. */
  authors: BylineAuthor[]
}

export interface FeedData {
  /** The category's or tag's display name; null for the whole site. */
  scopeName: string | null
  items: FeedArticle[]
}

/** The whole site's feed (one edition's, given its code), in one batch. */
export async function loadSiteFeed(db: Db, limit = FEED_SIZE, edition?: string): Promise<FeedData> {
  const filter = inEdition(edition)
  const [rows, tagRows, authorRows] = await db.batch([
    feedArticlesQuery(db, filter, limit),
    feedTagsQuery(db, filter, limit),
    bylineAuthorsQuery(db, feedItemIdsQuery(db, filter, limit)),
  ])
  return { scopeName: null, items: attachTags(rows, tagRows, authorRows) }
}

/** One category's feed, in one batch; null when there is no such category. */
export async function loadCategoryFeed(
  db: Db,
  slug: string,
  limit = FEED_SIZE,
  edition?: string,
): Promise<FeedData | null> {
  const filter = and(eq(categories.slug, slug), inEdition(edition))
  const [found, rows, tagRows, authorRows] = await db.batch([
    db.select({ name: categories.name }).from(categories).where(eq(categories.slug, slug)),
    feedArticlesQuery(db, filter, limit),
    feedTagsQuery(db, filter, limit),
    bylineAuthorsQuery(db, feedItemIdsQuery(db, filter, limit)),
  ])
  const category = found[0]
  return category
    ? { scopeName: category.name, items: attachTags(rows, tagRows, authorRows) }
    : null
}

/**
 * One tag's feed, in one batch; null when there is no such tag. A tag that only drafts carry
 * counts as missing too, so a feed never gives away what is being written.
 */
export async function loadTagFeed(
  db: Db,
  slug: string,
  limit = FEED_SIZE,
  edition?: string,
): Promise<FeedData | null> {
  // The tag's newest published ids straight off its (tag_id, status, published_at) index: the
  // biggest tags of a large archive carry a hundred thousand stories, none of which need reading.
  const tagId = db.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug))
  const newestIds = db
    .select({ id: articleTags.articleId })
    .from(articleTags)
    .where(
      and(
        eq(articleTags.tagId, tagId),
        edition === undefined ? undefined : eq(articleTags.language, edition),
        eq(articleTags.status, 'published'),
      ),
    )
    .orderBy(desc(articleTags.publishedAt), desc(articleTags.articleId))
    .limit(limit)
  const filter = inArray(articles.id, newestIds)
  const [found, rows, tagRows, authorRows] = await db.batch([
    db.select({ name: tags.name }).from(tags).where(eq(tags.slug, slug)),
    feedArticlesQuery(db, filter, limit),
    feedTagsQuery(db, filter, limit),
    bylineAuthorsQuery(db, feedItemIdsQuery(db, filter, limit)),
  ])
  const tag = found[0]
  return tag && rows.length > 0
    ? { scopeName: tag.name, items: attachTags(rows, tagRows, authorRows) }
    : null
}

/** One author's feed, in one batch; null when there is no such author. */
export async function loadAuthorFeed(
  db: Db,
  slug: string,
  limit = FEED_SIZE,
): Promise<FeedData | null> {
  const theirIds = db
    .select({ id: articleAuthors.articleId })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(eq(authors.slug, slug))
  const filter = inArray(articles.id, theirIds)
  const [found, rows, tagRows, authorRows] = await db.batch([
    db.select({ name: authors.name }).from(authors).where(eq(authors.slug, slug)),
    feedArticlesQuery(db, filter, limit),
    feedTagsQuery(db, filter, limit),
    bylineAuthorsQuery(db, feedItemIdsQuery(db, filter, limit)),
  ])
  const author = found[0]
  return author ? { scopeName: author.name, items: attachTags(rows, tagRows, authorRows) } : null
}

/** One edition's articles only (by the language indexes); every edition's without a code. */
function inEdition(edition: string | undefined): SQL | undefined {
  return edition === undefined ? undefined : eq(articles.language, edition)
}

function feedArticlesQuery(db: Db, filter: SQL | undefined, limit: number) {
  return db
    .select({ ...articleSummaryColumns, bodyHtml: articles.bodyHtml, byline: articles.byline })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(isPublic, filter))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
}

/** The tags of exactly the articles `feedArticlesQuery` picks, keyed on the same subquery. */
function feedTagsQuery(db: Db, filter: SQL | undefined, limit: number) {
  const itemIds = feedItemIdsQuery(db, filter, limit)
  return db
    .select({ articleId: articleTags.articleId, slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(inArray(articleTags.articleId, itemIds))
    .orderBy(asc(tags.name))
}

/** The ids of exactly the articles `feedArticlesQuery` picks. */
function feedItemIdsQuery(db: Db, filter: SQL | undefined, limit: number) {
  return db
    .select({ id: articles.id })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(isPublic, filter))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
}

function attachTags<T extends { id: number }>(
  rows: T[],
  tagRows: (FeedTag & { articleId: number })[],
  authorRows: { articleId: number; slug: string; name: string }[],
): (T & { tags: FeedTag[]; authors: BylineAuthor[] })[] {
  const bylines = groupBylines(authorRows)
  return rows.map((row) => ({
    ...row,
    authors: bylines.get(row.id) ?? [],
    tags: tagRows
      .filter((tag) => tag.articleId === row.id)
      .map(({ slug, name }) => ({ slug, name })),
  }))
}
