// The fixed SQL texts of import-batch.ts, built once from the schema's table and column names.
import {
  articleAuthors,
  articles,
  articleTags,
  categories,
  comments,
  importMap,
  legacyPaths,
  pages,
  tags,
} from '../schema'
import { buildInsertHead, buildSelectIdBy, buildUpsertTail } from '../sql-names'

// Each head lists its columns in the order of the row tuples in import-batch.ts.

/** A row the group inserts itself, found by its fresh (unique) slug. */
export const BY_SLUG = {
  article: buildSelectIdBy(articles.id, articles.slug),
  page: buildSelectIdBy(pages.id, pages.slug),
}

const a = articles
export const ARTICLES_HEAD = buildInsertHead(articles, [
  a.id,
  a.slug,
  a.title,
  a.summary,
  a.bodyMd,
  a.bodyHtml,
  a.categoryId,
  a.byline,
  a.authorId,
  a.imageUrl,
  a.imageAlt,
  a.imageWidth,
  a.imageHeight,
  a.status,
  a.publishedAt,
  a.updatedAt,
  a.createdAt,
  a.language,
  a.commentsClosed,
  a.translationGroup,
  a.canonicalUrl,
])
export const CATEGORY_BY_SLUG = buildSelectIdBy(categories.id, categories.slug)

/** The tail of an insert that keeps rows already there. */
export const DO_NOTHING = ' on conflict do nothing'

export const TAGS_HEAD = buildInsertHead(tags, [tags.id, tags.slug, tags.name, tags.publishedCount])

const t = articleTags
export const ARTICLE_TAGS_HEAD = buildInsertHead(articleTags, [
  t.articleId,
  t.tagId,
  t.status,
  t.publishedAt,
  t.language,
])
export const TAG_BY_SLUG = buildSelectIdBy(tags.id, tags.slug)

export const ARTICLE_AUTHORS_HEAD = buildInsertHead(articleAuthors, [
  articleAuthors.articleId,
  articleAuthors.authorId,
  articleAuthors.position,
])

const c = comments
export const COMMENTS_HEAD = buildInsertHead(comments, [
  c.id,
  c.articleId,
  c.parentId,
  c.authorName,
  c.body,
  c.status,
  c.createdAt,
  c.ipHash,
  c.idempotencyKey,
])
export const COMMENT_BY_KEY = buildSelectIdBy(comments.id, comments.idempotencyKey)

const p = legacyPaths
export const PATHS_HEAD = buildInsertHead(legacyPaths, [
  p.path,
  p.targetKind,
  p.targetId,
  p.targetPath,
  p.source,
  p.createdAt,
])
export const PATHS_TAIL = buildUpsertTail(
  [p.path],
  [p.targetKind, p.targetId, p.targetPath, p.source],
)

const m = importMap
export const MAPPINGS_HEAD = buildInsertHead(importMap, [
  m.source,
  m.kind,
  m.sourceId,
  m.targetId,
  m.contentHash,
  m.importedAt,
])
export const MAPPINGS_TAIL = buildUpsertTail(
  [m.source, m.kind, m.sourceId],
  [m.targetId, m.contentHash, m.importedAt],
)
