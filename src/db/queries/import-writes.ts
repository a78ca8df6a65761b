// What an import writes per item: articles and pages with their status and dates, comments, authors.
import { eq, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { type ArticleStatus, articles, authors, comments, pages } from '../schema'
import type { ArticleFields } from './editor-article-writes'

export interface ImportedArticleFields extends ArticleFields {
  status: ArticleStatus
  publishedAt: Date | null
  updatedAt: Date
  createdAt: Date
}

/** An imported article keeps its status and dates, and has no newsroom account as owner. */
export function insertImportedArticleQuery(db: Db, fields: ImportedArticleFields) {
  return db.insert(articles).values({ ...fields, authorId: null })
}

export function updateImportedArticleQuery(db: Db, id: number, fields: ImportedArticleFields) {
  const { createdAt: _created, slug: _slug, ...changes } = fields
  return db.update(articles).set(changes).where(eq(articles.id, id))
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

export function insertImportedPageQuery(db: Db, fields: ImportedPageFields) {
  return db.insert(pages).values(fields)
}

export function updateImportedPageQuery(db: Db, id: number, fields: ImportedPageFields) {
  const { slug: _slug, ...changes } = fields
  return db.update(pages).set(changes).where(eq(pages.id, id))
}

export function pageIdBySlug(slug: string): SQL<number> {
  return sql<number>`(select ${pages.id} from ${pages} where ${pages.slug} = ${slug})`
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
