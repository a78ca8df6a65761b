// What an import writes per item: articles and pages with their status and dates, comments, authors.
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import {
  type ArticleStatus,
  articleAuthors,
  articles,
  articleTags,
  authors,
  comments,
  pages,
  tags,
} from '../schema'
import type { ArticleFields } from './editor-article-writes'

export interface ImportedArticleFields extends ArticleFields {
  status: ArticleStatus
  publishedAt: Date | null
  updatedAt: Date
  createdAt: Date
}

/**
 * Imported articles in one statement: one prepare (and one compile of the insert triggers) for a
 * whole group, not one per row. Each keeps its status and dates, and has no newsroom owner.
 */
export function insertImportedArticlesQuery(db: Db, rows: ImportedArticleFields[]) {
  return db.insert(articles).values(rows.map((fields) => ({ ...fields, authorId: null })))
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

export function pageIdBySlug(slug: string): SQL<number> {
  return sql<number>`(select ${pages.id} from ${pages} where ${pages.slug} = ${slug})`
}

/** Tags and bylines of re-imported articles, cleared before the group writes them again. */
export function clearImportedLinksQueries(db: Db, articleIds: number[]) {
  return [
    db.delete(articleTags).where(inArray(articleTags.articleId, articleIds)),
    db.delete(articleAuthors).where(inArray(articleAuthors.articleId, articleIds)),
  ] as const
}

/** Tags by slug (existing ones kept as they are), for a whole group at once. */
export function insertImportedTagsQuery(db: Db, rows: { slug: string; name: string }[]) {
  return db.insert(tags).values(rows).onConflictDoNothing()
}

/**
 * Article-tag links for a whole group; the tag is found by slug inside the statement. A trigger
 * copies the article's status, published_at and language (migrations/0004, 0010).
 */
export function insertImportedArticleTagsQuery(
  db: Db,
  rows: { articleId: number | SQL<number>; tagSlug: string }[],
) {
  return db
    .insert(articleTags)
    .values(
      rows.map((row) => ({
        articleId: row.articleId as number,
        tagId:
          sql`(select ${tags.id} from ${tags} where ${tags.slug} = ${row.tagSlug})` as unknown as number,
        status: null,
        publishedAt: null,
        language: null,
      })),
    )
    .onConflictDoNothing()
}

/** Bylines, in order, for a whole group. */
export function insertImportedArticleAuthorsQuery(
  db: Db,
  rows: { articleId: number | SQL<number>; authorId: number; position: number }[],
) {
  return db
    .insert(articleAuthors)
    .values(rows.map((row) => ({ ...row, articleId: row.articleId as number })))
    .onConflictDoNothing()
}

export interface ImportedComment {
  articleId: number | SQL<number>
  /** The top-level comment's idempotency key: replies attach to their thread (one level). */
  parentKey: string | null
  authorName: string
  body: string
  status: 'pending' | 'approved' | 'rejected' | 'spam'
  createdAt: Date
  idempotencyKey: string
}

/** Comments keyed by source id, so a re-run never doubles one; no IP was ever known for them. */
export function insertImportedCommentsQuery(db: Db, rows: ImportedComment[]) {
  return db
    .insert(comments)
    .values(
      rows.map(({ parentKey, ...row }) => ({
        ...row,
        articleId: row.articleId as number,
        parentId: (parentKey
          ? sql`(select ${comments.id} from ${comments} where ${comments.idempotencyKey} = ${parentKey})`
          : null) as number | null,
        ipHash: 'imported',
      })),
    )
    .onConflictDoNothing()
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
