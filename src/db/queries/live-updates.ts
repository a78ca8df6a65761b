// Live coverage reads: the updates an article page shows, and the desk's lists (polls: live-poll.ts).
import { and, desc, eq, inArray, isNull, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, liveBlogs, liveUpdates, users } from '../schema'
import { isPublic } from './articles'

/** How many updates a page or a poll shows; older ones stay in the database. */
export const LIVE_PAGE_SIZE = 50

export interface LiveUpdateView {
  id: number
  bodyHtml: string
  imageUrl: string | null
  imageAlt: string
  keyEvent: boolean
  pinned: boolean
  authorName: string | null
  createdAt: Date
  updatedAt: Date
  /** The coverage revision the update was posted at: a tab polling after it has never shown it. */
  addedRevision: number
}

export interface LiveBlogState {
  startedAt: Date
  endedAt: Date | null
  /** Moved by every update added, changed or removed (triggers): the readers' poll cursor. */
  revision: number
}

export interface LiveBlogView extends LiveBlogState {
  /** Newest first. */
  updates: LiveUpdateView[]
}

const updateColumns = {
  id: liveUpdates.id,
  bodyHtml: liveUpdates.bodyHtml,
  imageUrl: liveUpdates.imageUrl,
  imageAlt: liveUpdates.imageAlt,
  keyEvent: liveUpdates.keyEvent,
  pinned: liveUpdates.pinned,
  authorName: users.name,
  createdAt: liveUpdates.createdAt,
  updatedAt: liveUpdates.updatedAt,
  addedRevision: liveUpdates.addedRevision,
}

export const blogColumns = {
  startedAt: liveBlogs.startedAt,
  endedAt: liveBlogs.endedAt,
  revision: liveBlogs.revision,
}

/** The updates `where` picks as readers see them, newest first, a page at most: page and poll. */
export function selectLiveUpdates(db: Db, where: SQL | undefined) {
  return db
    .select(updateColumns)
    .from(liveUpdates)
    .leftJoin(users, eq(users.id, liveUpdates.authorId))
    .where(where)
    .orderBy(desc(liveUpdates.id))
    .limit(LIVE_PAGE_SIZE)
}

/**
 * The two statements the article page adds to its own batch, keyed by the article id subquery, so a
 * live page still costs one round trip. Assemble their rows with `assembleLiveBlog`.
 */
export function liveBlogQueries(db: Db, articleId: SQLWrapper) {
  return [
    db.select(blogColumns).from(liveBlogs).where(inArray(liveBlogs.articleId, articleId)),
    selectLiveUpdates(db, inArray(liveUpdates.articleId, articleId)),
  ] as const
}

export function assembleLiveBlog(
  blogRows: LiveBlogState[],
  updateRows: LiveUpdateView[],
): LiveBlogView | null {
  const blog = blogRows[0]
  if (!blog) return null
  return { ...blog, updates: updateRows }
}

export interface LiveDeskArticle {
  id: number
  slug: string
  title: string
  status: string
  authorId: number | null
}

export interface LiveDesk {
  article: LiveDeskArticle
  blog: LiveBlogState | null
  updates: (LiveUpdateView & { bodyMd: string; authorId: number | null })[]
}

/** The newsroom desk for one article: the article, its coverage and its updates, in one batch. */
export async function loadLiveDesk(db: Db, articleId: number): Promise<LiveDesk | null> {
  const [article, blog, updates] = await db.batch([
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        status: articles.status,
        authorId: articles.authorId,
      })
      .from(articles)
      .where(eq(articles.id, articleId)),
    db.select(blogColumns).from(liveBlogs).where(eq(liveBlogs.articleId, articleId)),
    db
      .select({ ...updateColumns, bodyMd: liveUpdates.bodyMd, authorId: liveUpdates.authorId })
      .from(liveUpdates)
      .leftJoin(users, eq(users.id, liveUpdates.authorId))
      .where(eq(liveUpdates.articleId, articleId))
      .orderBy(desc(liveUpdates.id))
      .limit(200),
  ])
  const found = article[0]
  if (!found) return null
  return { article: found, blog: blog[0] ?? null, updates }
}

export interface LiveListItem {
  articleId: number
  title: string
  slug: string
  startedAt: Date
  endedAt: Date | null
}

/** Every coverage, running ones first, for the desk's index. */
export async function listLiveBlogs(db: Db): Promise<LiveListItem[]> {
  return db
    .select({
      articleId: liveBlogs.articleId,
      title: articles.title,
      slug: articles.slug,
      startedAt: liveBlogs.startedAt,
      endedAt: liveBlogs.endedAt,
    })
    .from(liveBlogs)
    .innerJoin(articles, eq(articles.id, liveBlogs.articleId))
    .orderBy(desc(liveBlogs.startedAt))
    .limit(50)
}

/** The newest published stories not yet covered live: what the desk offers to go live on. */
export async function listLiveCandidates(db: Db): Promise<{ id: number; title: string }[]> {
  return db
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .leftJoin(liveBlogs, eq(liveBlogs.articleId, articles.id))
    .where(and(isPublic, isNull(liveBlogs.articleId)))
    .orderBy(desc(articles.publishedAt))
    .limit(30)
}
