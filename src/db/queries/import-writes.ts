// What an import writes per item: articles and pages with their status and dates, comments, authors.
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../client'
import {
  type ArticleStatus,
  articleAuthors,
  articles,
  articleTags,
  authors,
  pages,
} from '../schema'
import type { ArticleFields } from './editor-article-writes'

export interface ImportedArticleFields extends ArticleFields {
  status: ArticleStatus
  publishedAt: Date | null
  updatedAt: Date
  createdAt: Date
}

export function updateImportedArticleQuery(db: Db, id: number, fields: ImportedArticleFields) {
  const { createdAt: _created, slug: _slug, ...changes } = fields
  return db.update(articles).set(changes).where(eq(articles.id, id))
}

/**
 * An imported article's featured image, set once the file reaches an attachment after its post;
 * only where it has none, so a hero an editor chose since is kept.
 */
export function setImportedArticleImageQuery(
  db: Db,
  id: number,
  image: { imageUrl: string; imageWidth: number | null; imageHeight: number | null },
) {
  return db
    .update(articles)
    .set(image)
    .where(and(eq(articles.id, id), isNull(articles.imageUrl)))
}

export interface ImportedPageFields {
  slug: string
  title: string
  summary: string
  bodyMd: string
  bodyHtml: string
  status: 'draft' | 'published'
  publishedAt: Date | null
  updatedAt: Date
  source: string
  sourceId: string
}

export function insertImportedPagesQuery(db: Db, rows: ImportedPageFields[]) {
  return db.insert(pages).values(rows)
}

export function updateImportedPageQuery(db: Db, id: number, fields: ImportedPageFields) {
  const { slug: _slug, ...changes } = fields
  return db.update(pages).set(changes).where(eq(pages.id, id))
}

/** Tags and bylines of re-imported articles, cleared before the group writes them again. */
export function clearImportedLinksQueries(db: Db, articleIds: number[]) {
  return [
    db.delete(articleTags).where(inArray(articleTags.articleId, articleIds)),
    db.delete(articleAuthors).where(inArray(articleAuthors.articleId, articleIds)),
  ] as const
}

export interface ImportedAuthor {
  slug: string
  name: string
  source: string
  sourceId: string
  sourceSlug: string
  now: Date
}

/** Profiles keyed by (source, source id); an existing one is left as the newsroom edited it. */
export function insertImportedAuthorsQuery(db: Db, rows: ImportedAuthor[]) {
  return db
    .insert(authors)
    .values(rows.map(({ now, ...row }) => ({ ...row, updatedAt: now, createdAt: now })))
    .onConflictDoNothing()
}

export async function findImportedAuthorIds(db: Db, source: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: authors.id, sourceId: authors.sourceId })
    .from(authors)
    .where(eq(authors.source, source))
  return new Map(rows.map((row) => [row.sourceId ?? '', row.id]))
}

export async function findAuthorSlugs(db: Db): Promise<Set<string>> {
  const rows = await db.select({ slug: authors.slug }).from(authors)
  return new Set(rows.map((row) => row.slug))
}
