// The statements that write one group of items: a handful per group, each covering every item.
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../db/client'
import { articleIdBySlug } from '../../db/queries/editor-article-writes'
import { type MappedRow, sectionIdBySlug, upsertMappingsQuery } from '../../db/queries/import-map'
import {
  clearImportedLinksQueries,
  type ImportedArticleFields,
  type ImportedComment,
  type ImportedPageFields,
  insertImportedArticleAuthorsQuery,
  insertImportedArticlesQuery,
  insertImportedArticleTagsQuery,
  insertImportedCommentsQuery,
  insertImportedPagesQuery,
  insertImportedTagsQuery,
  pageIdBySlug,
  updateImportedArticleQuery,
  updateImportedPageQuery,
} from '../../db/queries/import-writes'
import { upsertLegacyPathsQuery } from '../../db/queries/legacy-paths'
import { SUMMARY_MAX, TITLE_MAX } from '../../lib/article-input-limits'
import type { ImportItem } from './model'

/** An item that will be written: its content hash, its rendered body, and its earlier row if any. */
export interface ItemWrite {
  item: ImportItem
  hash: string
  bodyHtml: string
  previous?: MappedRow
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

function contentOf({ item, bodyHtml }: ItemWrite) {
  return {
    slug: item.slug,
    title: clip(item.title, TITLE_MAX),
    summary: clip(item.summary, SUMMARY_MAX),
    bodyMd: item.bodyMd,
    bodyHtml,
  }
}

function articleFields(write: ItemWrite): ImportedArticleFields {
  const { item } = write
  return {
    ...contentOf(write),
    categoryId: sectionIdBySlug(item.sectionSlug) as unknown as number,
    byline: item.byline,
    imageUrl: item.imageUrl,
    imageAlt: '',
    imageWidth: item.imageSize?.width ?? null,
    imageHeight: item.imageSize?.height ?? null,
    language: 'en',
    commentsClosed: false,
    status: item.status,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    createdAt: item.publishedAt ?? item.updatedAt,
  }
}

function pageFields(write: ItemWrite, source: string): ImportedPageFields {
  const { item } = write
  return {
    ...contentOf(write),
    status: item.status === 'published' ? 'published' : 'draft',
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    source,
    sourceId: item.sourceId,
  }
}

/** The row's id: known for a re-import, else found by its (fresh, unique) slug in the batch. */
function targetIdOf({ item, previous }: ItemWrite) {
  if (previous) return previous.targetId
  return item.kind === 'page' ? pageIdBySlug(item.slug) : articleIdBySlug(item.slug)
}

function commentRows(source: string, writes: ItemWrite[]): ImportedComment[] {
  const key = (commentId: string) => `import:${source}:${commentId}`
  return writes.flatMap((write) =>
    write.item.comments.map((comment) => ({
      articleId: targetIdOf(write),
      parentKey: comment.threadId === comment.sourceId ? null : key(comment.threadId),
      authorName: comment.authorName,
      body: comment.body,
      status: comment.status,
      createdAt: comment.createdAt,
      idempotencyKey: key(comment.sourceId),
    })),
  )
}

/**
 * One group's writes, in dependency order: rows, then what points at them. Each kind of row is one
 * multi-row statement, since preparing a statement (and compiling its triggers) costs more than
 * running it; only re-imported rows are updated one by one.
 */
export function groupQueries(
  db: Db,
  source: string,
  writes: ItemWrite[],
  now: Date,
): BatchItem<'sqlite'>[] {
  const queries: BatchItem<'sqlite'>[] = []
  const articles = writes.filter((w) => w.item.kind === 'article')
  const pages = writes.filter((w) => w.item.kind === 'page')
  const freshArticles = articles.filter((w) => !w.previous)
  const freshPages = pages.filter((w) => !w.previous)
  if (freshArticles.length > 0)
    queries.push(insertImportedArticlesQuery(db, freshArticles.map(articleFields)))
  if (freshPages.length > 0)
    queries.push(
      insertImportedPagesQuery(
        db,
        freshPages.map((w) => pageFields(w, source)),
      ),
    )
  for (const write of writes) {
    const id = write.previous?.targetId
    if (id === undefined) continue
    queries.push(
      write.item.kind === 'page'
        ? updateImportedPageQuery(db, id, pageFields(write, source))
        : updateImportedArticleQuery(db, id, articleFields(write)),
    )
  }
  const updatedIds = articles.flatMap((w) => (w.previous ? [w.previous.targetId] : []))
  if (updatedIds.length > 0) queries.push(...clearImportedLinksQueries(db, updatedIds))
  const tags = new Map(articles.flatMap((w) => w.item.tags.map((t) => [t.slug, t] as const)))
  if (tags.size > 0) queries.push(insertImportedTagsQuery(db, [...tags.values()]))
  const links = articles.flatMap((w) =>
    w.item.tags.map((tag) => ({ articleId: targetIdOf(w), tagSlug: tag.slug })),
  )
  if (links.length > 0) queries.push(insertImportedArticleTagsQuery(db, links))
  const bylines = articles.flatMap((w) =>
    w.item.authorIds.map((authorId, position) => ({
      articleId: targetIdOf(w),
      authorId,
      position,
    })),
  )
  if (bylines.length > 0) queries.push(insertImportedArticleAuthorsQuery(db, bylines))
  const comments = commentRows(source, articles)
  // Threads first, in their own statement, so that each reply finds its parent's new id.
  const threads = comments.filter((row) => row.parentKey === null)
  const replies = comments.filter((row) => row.parentKey !== null)
  if (threads.length > 0) queries.push(insertImportedCommentsQuery(db, threads))
  if (replies.length > 0) queries.push(insertImportedCommentsQuery(db, replies))
  const paths = writes.flatMap((write) =>
    [...new Set(write.item.legacyPaths)].map((path) => ({
      path,
      targetKind: write.item.kind,
      targetId: targetIdOf(write),
      targetPath: null,
      source,
    })),
  )
  if (paths.length > 0) queries.push(upsertLegacyPathsQuery(db, paths))
  const mappings = writes.map((write) => ({
    source,
    kind: write.item.kind,
    sourceId: write.item.sourceId,
    targetId: targetIdOf(write),
    contentHash: write.hash,
  }))
  if (mappings.length > 0) queries.push(upsertMappingsQuery(db, mappings, now))
  return queries
}
