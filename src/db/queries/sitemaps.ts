// Sitemap queries: article and tag URLs in files by id range, sections and recent news; seeks only.
import { and, asc, desc, eq, gt, gte, lte, max, sql } from 'drizzle-orm'
import type { LanguageVersion } from '../../lib/alternates'
import type { Db } from '../client'
import { articles, articleTags, categories, pages, tags } from '../schema'
import { isPublic, isPublicRow } from './articles'

/**
 * Ids per article or tag sitemap file. A file never moves (an article's id fixes its file, so a
 * change purges one), and a thousand URLs render in a few milliseconds of CPU, well inside the
 * Workers Free plan's 10 ms, where the protocol's 50,000 took half a second.
 */
export const SITEMAP_IDS_PER_FILE = 1_000

/** Google News only takes articles published within the last two days. */
export const NEWS_SITEMAP_WINDOW_MS = 48 * 3_600_000

/** Google News reads at most this many URLs from a news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1_000

export interface SitemapEntry {
  slug: string
  lastModified: Date | null
}

/** An article's entry: its language, and its published translations' for hreflang pairs. */
export interface ArticleSitemapEntry extends SitemapEntry {
  language: string
  /** The other published versions in its translation group. */
  translations: LanguageVersion[]
}

/** How many numbered files of each kind the sitemap index lists. */
export interface SitemapFiles {
  articles: number
  tags: number
}

export interface SectionSitemap {
  homeLastModified: Date | null
  categories: SitemapEntry[]
  /** Published static pages (About, Contact…), served at `/<slug>`. */
  pages: SitemapEntry[]
}

export interface NewsSitemapEntry {
  slug: string
  title: string
  publishedAt: Date
  language: string
}

/** The numbered file (1-based) that holds the URL of the article or tag with this id. */
export function sitemapFileOf(id: number): number {
  return Math.max(1, Math.ceil(id / SITEMAP_IDS_PER_FILE))
}

function newestPublishedQuery(db: Db) {
  return db
    .select({ id: articles.id })
    .from(articles)
    .where(isPublicRow)
    .orderBy(desc(articles.id))
    .limit(1)
}

function newestTagQuery(db: Db) {
  return db.select({ id: max(tags.id) }).from(tags)
}

function toFiles(
  newestArticle: { id: number }[],
  newestTag: { id: number | null }[],
): SitemapFiles {
  const tagId = newestTag[0]?.id ?? 0
  return {
    articles: sitemapFileOf(newestArticle[0]?.id ?? 0),
    tags: tagId ? sitemapFileOf(tagId) : 0,
  }
}

/**
 * The files the index lists, from the newest published article's id and the highest tag id: two
 * seeks, whatever the archive's size. Article file 1 exists even when empty.
 */
export async function loadSitemapFiles(db: Db): Promise<SitemapFiles> {
  const [newestArticle, newestTag] = await db.batch([newestPublishedQuery(db), newestTagQuery(db)])
  return toFiles(newestArticle, newestTag)
}

function idRange(column: typeof articles.id | typeof tags.id, file: number) {
  return and(
    gt(column, (file - 1) * SITEMAP_IDS_PER_FILE),
    lte(column, file * SITEMAP_IDS_PER_FILE),
  )
}

function isFileNumber(file: number): boolean {
  return Number.isSafeInteger(file) && file >= 1
}

/**
 * Article file `file`: the published articles with ids in its range, oldest first, so a new
 * article only ever changes the last file. Null when the index does not list the file. A file
 * whose range holds only drafts is listed, and empty, until one is published.
 */
export async function listArticleSitemap(
  db: Db,
  file: number,
): Promise<ArticleSitemapEntry[] | null> {
  if (!isFileNumber(file)) return null
  const [rows, newestArticle, newestTag] = await db.batch([
    db
      .select({
        slug: articles.slug,
        lastModified: articles.updatedAt,
        language: articles.language,
        // Untranslated articles have no group and find nothing; a group is a few index entries.
        // Spelled out: drizzle leaves a one-table select's columns unqualified, and inside the
        // subquery an unqualified name would be t's own.
        versions: sql<string | null>`(select group_concat(t.language || ':' || t.slug, ' ')
          from ${articles} t where t.translation_group = "articles"."translation_group"
          and t.id <> "articles"."id" and t.status = 'published')`,
      })
      .from(articles)
      .where(and(idRange(articles.id, file), isPublicRow))
      .orderBy(asc(articles.id)),
    newestPublishedQuery(db),
    newestTagQuery(db),
  ])
  if (file > toFiles(newestArticle, newestTag).articles) return null
  // Slugs and language codes hold neither spaces nor colons.
  return rows.map(({ versions, ...row }) => ({
    ...row,
    translations: (versions?.split(' ') ?? []).map((version) => {
      const [language = '', slug = ''] = version.split(':')
      return { language, slug }
    }),
  }))
}

/**
 * Tag file `file`: the tags with ids in its range that a published article carries (a tag only
 * drafts carry would give the draft away), each with the last change to its newest article.
 * Each tag is one seek down its (tag, article) index to the newest published article.
 */
export async function listTagSitemap(db: Db, file: number): Promise<SitemapEntry[] | null> {
  if (!isFileNumber(file)) return null
  // A builder, not a sql`` string: a single-table select writes its columns unqualified, and an
  // unqualified `id` in here would be the article's, not the tag's.
  const newest = db
    .select({ updatedAt: articles.updatedAt })
    .from(articleTags)
    .innerJoin(articles, eq(articles.id, articleTags.articleId))
    .where(and(eq(articleTags.tagId, tags.id), isPublic))
    .orderBy(desc(articleTags.articleId))
    .limit(1)
  const [rows, newestArticle, newestTag] = await db.batch([
    db
      .select({ slug: tags.slug, lastModified: sql`(${newest})`.mapWith(articles.updatedAt) })
      .from(tags)
      .where(idRange(tags.id, file))
      .orderBy(asc(tags.id)),
    newestPublishedQuery(db),
    newestTagQuery(db),
  ])
  if (file > toFiles(newestArticle, newestTag).tags) return null
  return rows.filter((row) => row.lastModified !== null)
}

/** Home and every category, each with the last change to its newest published article. */
export async function loadSectionSitemap(db: Db): Promise<SectionSitemap> {
  const newestInCategory = db
    .select({ updatedAt: articles.updatedAt })
    .from(articles)
    .where(and(eq(articles.categoryId, categories.id), isPublic))
    .orderBy(desc(articles.publishedAt))
    .limit(1)
  const [site, categoryRows, pageRows] = await db.batch([
    db
      .select({ lastModified: articles.updatedAt })
      .from(articles)
      .where(isPublicRow)
      .orderBy(desc(articles.updatedAt))
      .limit(1),
    db
      .select({
        slug: categories.slug,
        lastModified: sql`(${newestInCategory})`.mapWith(articles.updatedAt),
      })
      .from(categories)
      .orderBy(asc(categories.position), asc(categories.name)),
    db
      .select({ slug: pages.slug, lastModified: pages.updatedAt })
      .from(pages)
      .where(eq(pages.status, 'published'))
      .orderBy(asc(pages.slug)),
  ])
  return {
    homeLastModified: site[0]?.lastModified ?? null,
    categories: categoryRows,
    pages: pageRows,
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
