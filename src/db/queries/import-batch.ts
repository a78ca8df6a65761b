// An import group's multi-row inserts as plain parameterised SQL, bound straight into one batch.
import type { InStatement, InValue } from '@libsql/client'
import type { Db } from '../client'
import type { ArticleStatus } from '../schema'
import {
  ARTICLE_AUTHORS_HEAD,
  ARTICLE_TAGS_HEAD,
  ARTICLES_HEAD,
  BY_SLUG,
  CATEGORY_BY_SLUG,
  COMMENT_BY_KEY,
  COMMENTS_HEAD,
  DO_NOTHING,
  TAG_BY_SLUG,
  TAGS_HEAD,
} from './import-batch-sql'

/**
 * Why not drizzle here: building a 100-row insert through its query builder (an object per value,
 * an entity check per chunk) was a quarter of the importer's main thread. So only the builder is
 * skipped: each statement's fixed texts (its head, tail and lookups, in import-batch-sql.ts) are
 * built once, when the module loads, from the schema's own table and column names, so a renamed
 * column changes them and a removed one fails the type check. Each row's tuple below is a fixed
 * text too, and its values go into `args` in the same pass, every one a bound parameter. The texts
 * are the ones drizzle wrote for these inserts.
 */

/** A row the group points at: by id when it exists, by its fresh (unique) slug when the group inserts it. */
export type ImportTarget = { id: number } | { kind: 'article' | 'page'; slug: string }

export function targetSql(target: ImportTarget, args: InValue[]): string {
  if ('id' in target) {
    args.push(target.id)
    return '?'
  }
  args.push(target.slug)
  return BY_SLUG[target.kind]
}

/** One statement for all rows: `head`, then each row's tuple (which pushes its values), then `tail`. */
export function rowsStatement<T>(
  head: string,
  rows: T[],
  tuple: (row: T, args: InValue[]) => string,
  tail = '',
): InStatement {
  const args: InValue[] = []
  const tuples = rows.map((row) => tuple(row, args))
  return { sql: `${head} values ${tuples.join(', ')}${tail}`, args }
}

const ms = (date: Date | null) => (date === null ? null : date.getTime())

export interface ImportedArticleRow {
  slug: string
  title: string
  summary: string
  bodyMd: string
  bodyHtml: string
  sectionSlug: string
  byline: string
  imageUrl: string | null
  imageWidth: number | null
  imageHeight: number | null
  status: ArticleStatus
  publishedAt: Date | null
  updatedAt: Date
  createdAt: Date
}

const ARTICLE_TUPLE = `(null, ?, ?, ?, ?, ?, ${CATEGORY_BY_SLUG}, ?, null, ?, '', ?, ?, ?, ?, ?, ?, 'en', 0, null, null)`

/** New imported articles: no newsroom owner, no alt text yet, English, comments open. */
export function insertImportedArticlesStatement(rows: ImportedArticleRow[]): InStatement {
  return rowsStatement(ARTICLES_HEAD, rows, (row, args) => {
    args.push(row.slug, row.title, row.summary, row.bodyMd, row.bodyHtml, row.sectionSlug)
    args.push(row.byline, row.imageUrl, row.imageWidth, row.imageHeight, row.status)
    args.push(ms(row.publishedAt), ms(row.updatedAt), ms(row.createdAt))
    return ARTICLE_TUPLE
  })
}

/** Tags by slug (existing ones kept as they are). */
export function insertImportedTagsStatement(rows: { slug: string; name: string }[]): InStatement {
  return rowsStatement(
    TAGS_HEAD,
    rows,
    (row, args) => {
      args.push(row.slug, row.name)
      return '(null, ?, ?, 0)'
    },
    DO_NOTHING,
  )
}

/**
 * Article-tag links, the tag found by slug; a trigger copies the article's status, published_at
 * and language (migrations/0004, 0010).
 */
export function insertImportedArticleTagsStatement(
  rows: { article: ImportTarget; tagSlug: string }[],
): InStatement {
  return rowsStatement(
    ARTICLE_TAGS_HEAD,
    rows,
    (row, args) => {
      const article = targetSql(row.article, args)
      args.push(row.tagSlug)
      return `(${article}, ${TAG_BY_SLUG}, null, null, null)`
    },
    DO_NOTHING,
  )
}

/** Bylines, in order. */
export function insertImportedArticleAuthorsStatement(
  rows: { article: ImportTarget; authorId: number; position: number }[],
): InStatement {
  return rowsStatement(
    ARTICLE_AUTHORS_HEAD,
    rows,
    (row, args) => {
      const article = targetSql(row.article, args)
      args.push(row.authorId, row.position)
      return `(${article}, ?, ?)`
    },
    DO_NOTHING,
  )
}

export interface ImportedCommentRow {
  article: ImportTarget
  /** The top-level comment's idempotency key: replies attach to their thread (one level). */
  parentKey: string | null
  authorName: string
  body: string
  status: 'pending' | 'approved' | 'rejected' | 'spam'
  createdAt: Date
  idempotencyKey: string
}

/** Comments keyed by source id, so a re-run never doubles one; no IP was ever known for them. */
export function insertImportedCommentsStatement(rows: ImportedCommentRow[]): InStatement {
  return rowsStatement(
    COMMENTS_HEAD,
    rows,
    (row, args) => {
      const article = targetSql(row.article, args)
      let parent = 'null'
      if (row.parentKey !== null) {
        args.push(row.parentKey)
        parent = COMMENT_BY_KEY
      }
      args.push(row.authorName, row.body, row.status, ms(row.createdAt), row.idempotencyKey)
      return `(null, ${article}, ${parent}, ?, ?, ?, ?, 'imported', ?)`
    },
    DO_NOTHING,
  )
}

/** A drizzle query as a statement of the same batch (its values already in the driver's form). */
export function toStatement(query: { toSQL(): { sql: string; params: unknown[] } }): InStatement {
  const { sql, params } = query.toSQL()
  return { sql, args: params as InValue[] }
}

/** Runs a group's statements as one batch, so one transaction: written whole or not at all. */
export async function runImportBatch(db: Db, statements: InStatement[]): Promise<void> {
  if (statements.length > 0) await db.$client.batch(statements)
}
