// Comment queries: pages of approved comments with one level of replies (posting: comment-posting.ts).
import { and, asc, count, eq, gt, inArray, isNull, or, type SQLWrapper, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, comments } from '../schema'
import { currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
import { listCategoriesQuery } from './categories'
import { lastUpdateQuery, parseLastUpdate } from './site-state'

/** Top-level comments per page; replies come with their parent. */
export const COMMENTS_PAGE_SIZE = 20

export interface CommentView {
  id: number
  parentId: number | null
  authorName: string
  body: string
  createdAt: Date
  replies?: CommentView[]
}

export const commentColumns = {
  id: comments.id,
  parentId: comments.parentId,
  authorName: comments.authorName,
  body: comments.body,
  createdAt: comments.createdAt,
}

export interface CommentCursor {
  createdAt: number
  id: number
}

/** Opaque keyset cursor: the last comment shown, as `<createdAt ms>.<id>`. */
export function encodeCommentCursor(comment: CommentView | undefined): string | null {
  return comment ? `${comment.createdAt.getTime()}.${comment.id}` : null
}

export function decodeCommentCursor(value: string | undefined): CommentCursor | null {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(value ?? '')
  return match ? { createdAt: Number(match[1]), id: Number(match[2]) } : null
}

/** An article id, or a subquery yielding one (the article page looks articles up by slug). */
export type ArticleIdRef = number | SQLWrapper

/**
 * By id, or by a subquery of one id compared with `=`: with `IN`, SQLite cannot read the
 * (article_id, status, created_at) index in order, and walks every approved comment of the site
 * by the status index instead (200 ms for a story with none, on a million-article archive).
 */
function matchArticle(articleId: ArticleIdRef) {
  return eq(comments.articleId, typeof articleId === 'number' ? articleId : sql`${articleId}`)
}

/** Approved, as a check on rows found by another index (a parent's replies), never the walk. */
const isApprovedRow = sql`+${comments.status} = ${'approved'}`

function topLevelApproved(articleId: ArticleIdRef, after: CommentCursor | null) {
  return and(
    matchArticle(articleId),
    isNull(comments.parentId),
    eq(comments.status, 'approved'),
    after
      ? or(
          gt(comments.createdAt, new Date(after.createdAt)),
          and(eq(comments.createdAt, new Date(after.createdAt)), gt(comments.id, after.id)),
        )
      : undefined,
  )
}

/** Builds the page from the top-level rows (fetched one extra to know if more follow) and replies. */
export function assembleCommentPage(topLevel: CommentView[], replies: CommentView[]) {
  const shown = topLevel.slice(0, COMMENTS_PAGE_SIZE)
  return {
    items: shown.map((comment) => ({
      ...comment,
      replies: replies.filter((reply) => reply.parentId === comment.id),
    })),
    nextCursor:
      topLevel.length > COMMENTS_PAGE_SIZE ? encodeCommentCursor(shown[shown.length - 1]) : null,
  }
}

/** The queries for one page of approved comments after `after`, for use inside a batch. */
export function commentPageQueries(db: Db, articleId: ArticleIdRef, after: CommentCursor | null) {
  const pageIds = db
    .select({ id: comments.id })
    .from(comments)
    .where(topLevelApproved(articleId, after))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(COMMENTS_PAGE_SIZE)
  return [
    db
      .select(commentColumns)
      .from(comments)
      .where(topLevelApproved(articleId, after))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(COMMENTS_PAGE_SIZE + 1),
    db
      .select(commentColumns)
      .from(comments)
      .where(and(inArray(comments.parentId, pageIds), isApprovedRow))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
  ] as const
}

/** One page of comments for the "Load more" fragment, in one round trip. */
export async function loadCommentPage(db: Db, articleId: number, after: CommentCursor | null) {
  const [article, topLevel, replies] = await db.batch([
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        language: articles.language,
        commentsClosed: articles.commentsClosed,
        publishedAt: articles.publishedAt,
      })
      .from(articles)
      .where(and(eq(articles.id, articleId), eq(articles.status, 'published'))),
    ...commentPageQueries(db, articleId, after),
  ])
  const found = article[0]
  return found ? { article: found, ...assembleCommentPage(topLevel, replies) } : null
}

/**
 * The article a reply form answers in, when `commentId` is a comment readers may reply to there:
 * approved, top level (replies are one deep), on this published article. Null otherwise.
 */
export async function findReplyTarget(db: Db, articleId: number, commentId: number) {
  const [row] = await db
    .select({ commentsClosed: articles.commentsClosed, publishedAt: articles.publishedAt })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(
      and(
        eq(comments.id, commentId),
        eq(comments.articleId, articleId),
        isNull(comments.parentId),
        eq(comments.status, 'approved'),
        eq(articles.status, 'published'),
      ),
    )
  return row ?? null
}

export function approvedCountQuery(db: Db, articleId: ArticleIdRef) {
  return db
    .select({ total: count() })
    .from(comments)
    .where(and(matchArticle(articleId), eq(comments.status, 'approved')))
}

/** The standalone comments page (for readers without JavaScript): article, a page, the count. */
export async function loadCommentsPageBySlug(db: Db, slug: string, after: CommentCursor | null) {
  const articleId = db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug))
  // The page is in its article's edition, section names included.
  const language = db
    .select({ language: articles.language })
    .from(articles)
    .where(eq(articles.slug, slug))
  const [article, topLevel, replies, total, navigation, lastUpdate, breaking] = await db.batch([
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        commentsClosed: articles.commentsClosed,
        publishedAt: articles.publishedAt,
        language: articles.language,
      })
      .from(articles)
      .where(and(eq(articles.slug, slug), eq(articles.status, 'published'))),
    ...commentPageQueries(db, articleId, after),
    approvedCountQuery(db, articleId),
    listCategoriesQuery(db, language.getSQL()),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db),
  ])
  const found = article[0]
  if (!found) return null
  return {
    article: found,
    ...assembleCommentPage(topLevel, replies),
    total: total[0]?.total ?? 0,
    navigation,
    lastUpdateAt: parseLastUpdate(lastUpdate),
    breakingAlert: pickBreakingAlert(breaking),
  }
}
