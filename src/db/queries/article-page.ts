// Everything the article page shows, fetched in a single libSQL batch: one round trip.
import { and, asc, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm'
import type { Db } from '../client'
import {
  articles,
  articleTags,
  categories,
  comments,
  relatedArticles,
  slugRedirects,
  tags,
  users,
} from '../schema'
import { type ArticleSummary, articleSummaryColumns, isPublic } from './articles'
import { listCategoriesQuery, type NavigationItem } from './categories'
import { COMMENTS_PAGE_SIZE, type CommentView, commentColumns } from './comments'
import { lastUpdateQuery, parseLastUpdate } from './site-state'
import { type TrendingItem, trendingQuery } from './trending'

export const RELATED_LIMIT = 6

export interface ArticleDetail extends ArticleSummary {
  bodyHtml: string
  byline: string
  authorName: string | null
  status: string
  language: string
  commentsClosed: boolean
}

export interface ArticlePageData {
  article: ArticleDetail
  tags: { slug: string; name: string }[]
  related: ArticleSummary[]
  comments: { items: CommentView[]; total: number; nextCursor: string | null }
  trending: TrendingItem[]
  navigation: NavigationItem[]
  lastUpdateAt: Date | null
}

export type ArticlePageResult =
  | { kind: 'found'; page: ArticlePageData }
  | { kind: 'moved'; slug: string }
  | { kind: 'gone' }
  | { kind: 'missing' }

/**
 * Loads the page for `slug`. Every query keys on the slug through a subquery, so the whole page,
 * an old slug's redirect target included, costs one batch.
 */
export async function loadArticlePage(db: Db, slug: string): Promise<ArticlePageResult> {
  const articleId = articleIdBySlug(db, slug)
  const categoryId = db
    .select({ id: articles.categoryId })
    .from(articles)
    .where(eq(articles.slug, slug))
  const firstCommentIds = db
    .select({ id: comments.id })
    .from(comments)
    .where(topLevelApproved(articleId))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(COMMENTS_PAGE_SIZE)

  const [
    found,
    moved,
    tagRows,
    related,
    sameSection,
    topLevel,
    replies,
    total,
    trending,
    nav,
    last,
  ] = await db.batch([
    db
      .select({
        ...articleSummaryColumns,
        bodyHtml: articles.bodyHtml,
        byline: articles.byline,
        authorName: users.name,
        status: articles.status,
        language: articles.language,
        commentsClosed: articles.commentsClosed,
      })
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .leftJoin(users, eq(users.id, articles.authorId))
      .where(eq(articles.slug, slug)),
    db
      .select({ slug: articles.slug })
      .from(slugRedirects)
      .innerJoin(articles, eq(articles.id, slugRedirects.articleId))
      .where(and(eq(slugRedirects.oldSlug, slug), isPublic)),
    db
      .select({ slug: tags.slug, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(inArray(articleTags.articleId, articleId))
      .orderBy(asc(tags.name)),
    db
      .select(articleSummaryColumns)
      .from(relatedArticles)
      .innerJoin(articles, eq(articles.id, relatedArticles.relatedId))
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(and(inArray(relatedArticles.articleId, articleId), isPublic))
      .orderBy(asc(relatedArticles.rank))
      .limit(RELATED_LIMIT),
    // The fallback until the cron has computed a related list: the latest in the same section.
    db
      .select(articleSummaryColumns)
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(and(inArray(articles.categoryId, categoryId), isPublic, ne(articles.slug, slug)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(RELATED_LIMIT),
    db
      .select(commentColumns)
      .from(comments)
      .where(topLevelApproved(articleId))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(COMMENTS_PAGE_SIZE + 1),
    db
      .select(commentColumns)
      .from(comments)
      .where(and(inArray(comments.parentId, firstCommentIds), eq(comments.status, 'approved')))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
    db
      .select({ total: count() })
      .from(comments)
      .where(and(inArray(comments.articleId, articleId), eq(comments.status, 'approved'))),
    trendingQuery(db),
    listCategoriesQuery(db),
    lastUpdateQuery(db),
  ])

  const article = found[0]
  if (!article) {
    const target = moved[0]
    return target ? { kind: 'moved', slug: target.slug } : { kind: 'missing' }
  }
  if (article.status === 'archived') return { kind: 'gone' }
  if (article.status !== 'published') return { kind: 'missing' }

  const hasMore = topLevel.length > COMMENTS_PAGE_SIZE
  const shown = topLevel.slice(0, COMMENTS_PAGE_SIZE)
  return {
    kind: 'found',
    page: {
      article,
      tags: tagRows,
      related: related.length > 0 ? related : sameSection,
      comments: {
        items: attachReplies(shown, replies),
        total: total[0]?.total ?? 0,
        nextCursor: hasMore ? commentCursor(shown[shown.length - 1]) : null,
      },
      trending,
      navigation: nav,
      lastUpdateAt: parseLastUpdate(last),
    },
  }
}

function articleIdBySlug(db: Db, slug: string) {
  return db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug))
}

function topLevelApproved(articleId: ReturnType<typeof articleIdBySlug>) {
  return and(
    inArray(comments.articleId, articleId),
    isNull(comments.parentId),
    eq(comments.status, 'approved'),
  )
}

function attachReplies(topLevel: CommentView[], replies: CommentView[]): CommentView[] {
  return topLevel.map((comment) => ({
    ...comment,
    replies: replies.filter((reply) => reply.parentId === comment.id),
  }))
}

/** Opaque keyset cursor: the last comment shown, as `<createdAt ms>.<id>`. */
export function commentCursor(comment: CommentView | undefined): string | null {
  return comment ? `${comment.createdAt.getTime()}.${comment.id}` : null
}
