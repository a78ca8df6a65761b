// The statements that write one group of items: a handful per group, each covering every item.
import type { InStatement } from '@libsql/client'
import type { Db } from '../../db/client'
import {
  type ImportedArticleRow,
  type ImportedCommentRow,
  type ImportTarget,
  insertImportedArticleAuthorsStatement,
  insertImportedArticlesStatement,
  insertImportedArticleTagsStatement,
  insertImportedCommentsStatement,
  insertImportedTagsStatement,
  toStatement,
} from '../../db/queries/import-batch'
import {
  type ImportedItemRef,
  upsertImportedMappingsStatement,
  upsertImportedPathsStatement,
} from '../../db/queries/import-item-records'
import { type MappedRow, sectionIdBySlug } from '../../db/queries/import-map'
import {
  clearImportedLinksQueries,
  type ImportedArticleFields,
  type ImportedPageFields,
  insertImportedPagesQuery,
  updateImportedArticleQuery,
  updateImportedPageQuery,
} from '../../db/queries/import-writes'
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

/** A new article's row; `articleFields` (an update) sets the same columns. */
function articleRow(write: ItemWrite): ImportedArticleRow {
  const { item } = write
  return {
    ...contentOf(write),
    sectionSlug: item.sectionSlug,
    byline: item.byline,
    imageUrl: item.imageUrl,
    imageWidth: item.imageSize?.width ?? null,
    imageHeight: item.imageSize?.height ?? null,
    status: item.status,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    createdAt: item.publishedAt ?? item.updatedAt,
  }
}

function articleFields(write: ItemWrite): ImportedArticleFields {
  const { sectionSlug, ...row } = articleRow(write)
  return {
    ...row,
    categoryId: sectionIdBySlug(sectionSlug) as unknown as number,
    imageAlt: '',
    language: 'en',
    commentsClosed: false,
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
function refOf({ item, previous }: ItemWrite): ImportedItemRef {
  const target: ImportTarget = previous
    ? { id: previous.targetId }
    : { kind: item.kind, slug: item.slug }
  return { kind: item.kind, target }
}

function commentRows(
  source: string,
  writes: ItemWrite[],
  targetOf: (write: ItemWrite) => ImportTarget,
): ImportedCommentRow[] {
  const key = (commentId: string) => `import:${source}:${commentId}`
  return writes.flatMap((write) => {
    const article = targetOf(write)
    return write.item.comments.map((comment) => ({
      article,
      parentKey: comment.threadId === comment.sourceId ? null : key(comment.threadId),
      authorName: comment.authorName,
      body: comment.body,
      status: comment.status,
      createdAt: comment.createdAt,
      idempotencyKey: key(comment.sourceId),
    }))
  })
}

/**
 * One group's writes, in dependency order: rows, then what points at them. Each kind of row is one
 * multi-row statement, since preparing a statement (and compiling its triggers) costs more than
 * running it; only re-imported rows are updated one by one.
 */
export function groupStatements(
  db: Db,
  source: string,
  writes: ItemWrite[],
  now: Date,
): InStatement[] {
  const statements: InStatement[] = []
  const articles = writes.filter((w) => w.item.kind === 'article')
  const freshArticles = articles.filter((w) => !w.previous)
  const freshPages = writes.filter((w) => w.item.kind === 'page' && !w.previous)
  if (freshArticles.length > 0)
    statements.push(insertImportedArticlesStatement(freshArticles.map(articleRow)))
  if (freshPages.length > 0)
    statements.push(
      toStatement(
        insertImportedPagesQuery(
          db,
          freshPages.map((w) => pageFields(w, source)),
        ),
      ),
    )
  for (const write of writes) {
    const id = write.previous?.targetId
    if (id === undefined) continue
    const query =
      write.item.kind === 'page'
        ? updateImportedPageQuery(db, id, pageFields(write, source))
        : updateImportedArticleQuery(db, id, articleFields(write))
    statements.push(toStatement(query))
  }
  const updatedIds = articles.flatMap((w) => (w.previous ? [w.previous.targetId] : []))
  if (updatedIds.length > 0)
    statements.push(...clearImportedLinksQueries(db, updatedIds).map(toStatement))
  const refs = new Map(writes.map((write) => [write, refOf(write)]))
  const targetOf = (write: ItemWrite) => (refs.get(write) as ImportedItemRef).target
  const tags = new Map(articles.flatMap((w) => w.item.tags.map((t) => [t.slug, t] as const)))
  if (tags.size > 0) statements.push(insertImportedTagsStatement([...tags.values()]))
  const links = articles.flatMap((w) =>
    w.item.tags.map((tag) => ({ article: targetOf(w), tagSlug: tag.slug })),
  )
  if (links.length > 0) statements.push(insertImportedArticleTagsStatement(links))
  const bylines = articles.flatMap((w) =>
    w.item.authorIds.map((authorId, position) => ({ article: targetOf(w), authorId, position })),
  )
  if (bylines.length > 0) statements.push(insertImportedArticleAuthorsStatement(bylines))
  const comments = commentRows(source, articles, targetOf)
  // Threads first, in their own statement, so that each reply finds its parent's new id.
  const threads = comments.filter((row) => row.parentKey === null)
  const replies = comments.filter((row) => row.parentKey !== null)
  if (threads.length > 0) statements.push(insertImportedCommentsStatement(threads))
  if (replies.length > 0) statements.push(insertImportedCommentsStatement(replies))
  const paths = writes.flatMap((write) =>
    [...new Set(write.item.legacyPaths)].map((path) => ({
      ...(refs.get(write) as ImportedItemRef),
      path,
      source,
    })),
  )
  if (paths.length > 0) statements.push(upsertImportedPathsStatement(paths))
  const mappings = writes.map((write) => ({
    ...(refs.get(write) as ImportedItemRef),
    source,
    sourceId: write.item.sourceId,
    contentHash: write.hash,
  }))
  if (mappings.length > 0) statements.push(upsertImportedMappingsStatement(mappings, now))
  return statements
}
