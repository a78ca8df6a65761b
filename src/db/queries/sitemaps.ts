// Sitemap queries: published article counts, pages of article URLs, sections and recent news.
import { and, asc, count, desc, eq, gte, max } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, articleTags, categories, tags } from '../schema'
import { isPublic } from './articles'

/** The sitemap protocol's limit on URLs in one file. */
export const SITEMAP_PAGE_SIZE = 50_000

/** Google News only takes articles published within the last two days. */
export const NEWS_SITEMAP_WINDOW_MS = 48 * 3_600_000

/** Google News reads at most this many URLs from a news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1_000

export interface SitemapEntry {
  slug: string
  lastModified: Date | null
}

export interface SectionSitemap {
  homeLastModified: Date | null
  categories: SitemapEntry[]
  tags: SitemapEntry[]
}

export interface NewsSitemapEntry {
  slug: string
  title: string
  publishedAt: Date
  language: string
}

/** How many article sitemaps there are: one per page of published articles, and never none. */
export async function countArticleSitemaps(db: Db, pageSize = SITEMAP_PAGE_SIZE): Promise<number> {
  const [row] = await db.select({ total: count() }).from(articles).where(isPublic)
  return Math.max(1, Math.ceil((row?.total ?? 0) / pageSize))
}

/**
 * Page `page` (1-based) of published article URLs, oldest first, so a new article only ever
 * changes the last page. Null when the page is past the end; page 1 exists even when empty.
 * OFFSET costs a scan of the pages before, which for sitemap-sized pages is a few index reads.
 */
export async function listArticleSitemapPage(
  db: Db,
  page: number,
  pageSize = SITEMAP_PAGE_SIZE,
): Promise<SitemapEntry[] | null> {
  if (!Number.isSafeInteger(page) || page < 1) return null
  const rows = await db
    .select({ slug: articles.slug, lastModified: articles.updatedAt })
    .from(articles)
    .where(isPublic)
    .orderBy(asc(articles.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  return rows.length > 0 || page === 1 ? rows : null
}

/**
 * Every section page: categories and the tags that at least one published article carries (a tag
 * only drafts carry would give the draft away). Each with its newest published change.
 */
export async function loadSectionSitemap(db: Db): Promise<SectionSitemap> {
  const [site, categoryRows, tagRows] = await db.batch([
    db
      .select({ lastModified: max(articles.updatedAt) })
      .from(articles)
      .where(isPublic),
    db
      .select({ slug: categories.slug, lastModified: max(articles.updatedAt) })
      .from(categories)
      .leftJoin(articles, and(eq(articles.categoryId, categories.id), isPublic))
      .groupBy(categories.id)
      .orderBy(asc(categories.position), asc(categories.name)),
    db
      .select({ slug: tags.slug, lastModified: max(articles.updatedAt) })
      .from(tags)
      .innerJoin(articleTags, eq(articleTags.tagId, tags.id))
      .innerJoin(articles, and(eq(articles.id, articleTags.articleId), isPublic))
      .groupBy(tags.id)
      .orderBy(desc(max(articles.updatedAt)), asc(tags.slug))
      // Room for home and the categories within one sitemap file.
      .limit(SITEMAP_PAGE_SIZE - 1_000),
  ])
  return {
    homeLastModified: site[0]?.lastModified ?? null,
    categories: categoryRows,
    tags: tagRows,
  }
}

/** Articles published since `since`, newest first, for the Google News sitemap. */
export async function listNewsSitemap(db: Db, since: Date): Promise<NewsSitemapEntry[]> {
  const rows = await db
    .select({
      slug: articles.slug,
      title: articles.title,
      publishedAt: articles.publishedAt,
      language: articles.language,
    })
    .from(articles)
    .where(and(isPublic, gte(articles.publishedAt, since)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(NEWS_SITEMAP_LIMIT)
  return rows.flatMap((row) => (row.publishedAt ? [{ ...row, publishedAt: row.publishedAt }] : []))
}
