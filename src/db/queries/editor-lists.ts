// Newsroom lists: the filtered, searchable article list and the dashboard, each in one round trip.
import { and, asc, count, desc, eq, gte, type SQL, sql, sum } from 'drizzle-orm'
import type { Db } from '../client'
import {
  type ArticleStatus,
  articles,
  articleViews,
  categories,
  comments,
  jobs,
  users,
} from '../schema'
import { categoryOptionsQuery } from './editor-articles'

export const EDITOR_PAGE_SIZE = 25

export interface ArticleListFilter {
  status?: ArticleStatus
  category?: string
  authorId?: number
  q?: string
}

export interface ArticleListRow {
  id: number
  slug: string
  title: string
  status: ArticleStatus
  categoryName: string
  authorName: string | null
  updatedAt: Date
  publishedAt: Date | null
}

const listColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  status: articles.status,
  categoryName: categories.name,
  authorName: users.name,
  updatedAt: articles.updatedAt,
  publishedAt: articles.publishedAt,
}

/** `%` and `_` typed by an editor are literal characters, not wildcards. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/** One page of the newsroom list with its total, sections and authors: one round trip. */
export async function loadArticleList(db: Db, filter: ArticleListFilter, page: number) {
  const conditions: SQL[] = []
  if (filter.status) conditions.push(eq(articles.status, filter.status))
  if (filter.category) conditions.push(eq(categories.slug, filter.category))
  if (filter.authorId) conditions.push(eq(articles.authorId, filter.authorId))
  if (filter.q) {
    const pattern = containsPattern(filter.q)
    conditions.push(
      sql`(${articles.title} like ${pattern} escape '\\' or ${articles.slug} like ${pattern} escape '\\')`,
    )
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined
  const [rows, total, options, authors] = await db.batch([
    db
      .select(listColumns)
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .leftJoin(users, eq(users.id, articles.authorId))
      .where(where)
      .orderBy(desc(articles.updatedAt), desc(articles.id))
      .limit(EDITOR_PAGE_SIZE)
      .offset((page - 1) * EDITOR_PAGE_SIZE),
    db
      .select({ total: count() })
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(where),
    categoryOptionsQuery(db),
    db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name)),
  ])
  return {
    rows: rows as ArticleListRow[],
    total: total[0]?.total ?? 0,
    categories: options,
    authors,
  }
}

export const DASHBOARD_LIST_SIZE = 8
export const CHART_DAYS = 14

export interface DashboardData {
  drafts: ArticleListRow[]
  review: ArticleListRow[]
  scheduled: ArticleListRow[]
  published: ArticleListRow[]
  pendingComments: {
    id: number
    authorName: string
    body: string
    createdAt: Date
    articleTitle: string
  }[]
  pendingTotal: number
  jobs: {
    name: string
    status: string
    lastStartedAt: Date | null
    lastFinishedAt: Date | null
    lastError: string | null
    counts: string
  }[]
  /** Reads per UTC day, oldest first, every one of the last CHART_DAYS days present. */
  views: { day: string; count: number }[]
}

/** The dashboard; an author's article lists show only their own work. */
export async function loadDashboard(
  db: Db,
  scope: { authorId?: number },
  now: Date,
): Promise<DashboardData> {
  const mine = scope.authorId ? eq(articles.authorId, scope.authorId) : undefined
  const byStatus = (status: ArticleStatus, order: SQL) =>
    db
      .select(listColumns)
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .leftJoin(users, eq(users.id, articles.authorId))
      .where(and(eq(articles.status, status), mine))
      .orderBy(order, desc(articles.id))
      .limit(DASHBOARD_LIST_SIZE)
  const days = Array.from({ length: CHART_DAYS }, (_, i) =>
    new Date(now.getTime() - (CHART_DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  )
  const [drafts, review, scheduled, published, pending, pendingTotal, jobRows, viewRows] =
    await db.batch([
      byStatus('draft', desc(articles.updatedAt)),
      byStatus('review', desc(articles.updatedAt)),
      byStatus('scheduled', asc(articles.publishedAt)),
      byStatus('published', desc(articles.publishedAt)),
      db
        .select({
          id: comments.id,
          authorName: comments.authorName,
          body: comments.body,
          createdAt: comments.createdAt,
          articleTitle: articles.title,
        })
        .from(comments)
        .innerJoin(articles, eq(articles.id, comments.articleId))
        .where(eq(comments.status, 'pending'))
        .orderBy(asc(comments.createdAt))
        .limit(5),
      db.select({ total: count() }).from(comments).where(eq(comments.status, 'pending')),
      db
        .select({
          name: jobs.name,
          status: jobs.status,
          lastStartedAt: jobs.lastStartedAt,
          lastFinishedAt: jobs.lastFinishedAt,
          lastError: jobs.lastError,
          counts: jobs.counts,
        })
        .from(jobs)
        .orderBy(asc(jobs.name)),
      db
        .select({ day: articleViews.day, count: sum(articleViews.count).mapWith(Number) })
        .from(articleViews)
        .where(gte(articleViews.day, days[0] ?? ''))
        .groupBy(articleViews.day),
    ])
  const perDay = new Map(viewRows.map((row) => [row.day, row.count]))
  return {
    drafts: drafts as ArticleListRow[],
    review: review as ArticleListRow[],
    scheduled: scheduled as ArticleListRow[],
    published: published as ArticleListRow[],
    pendingComments: pending,
    pendingTotal: pendingTotal[0]?.total ?? 0,
    jobs: jobRows,
    views: days.map((day) => ({ day, count: perDay.get(day) ?? 0 })),
  }
}
