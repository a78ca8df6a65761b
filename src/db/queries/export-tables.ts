// Keyset pages of whole tables for the site export: each call reads one bounded page after a cursor.
import { and, asc, eq, gt, or } from 'drizzle-orm'
import type { Db } from '../client'
import {
  authors,
  breakingAlerts,
  categories,
  media,
  pageRevisions,
  pages,
  relatedArticles,
  relatedPins,
  siteState,
  tags,
  trendingArticles,
  users,
} from '../schema'
import { inPage } from './export-articles'

/** The columns of `users` an export may carry: never the password hash, by allowlist. */
const SAFE_USER_COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
}

export type ExportPage = Awaited<ReturnType<typeof listPagesAfter>>[number]
export type ExportUser = Awaited<ReturnType<typeof listUsersAfter>>[number]

export function listSectionsAfter(db: Db, after: number, limit: number) {
  return db
    .select()
    .from(categories)
    .where(gt(categories.id, after))
    .orderBy(asc(categories.id))
    .limit(limit)
}

export function listTagsAfter(db: Db, after: number, limit: number) {
  return db.select().from(tags).where(gt(tags.id, after)).orderBy(asc(tags.id)).limit(limit)
}

export function listUsersAfter(db: Db, after: number, limit: number) {
  return db
    .select(SAFE_USER_COLUMNS)
    .from(users)
    .where(gt(users.id, after))
    .orderBy(asc(users.id))
    .limit(limit)
}

export function listAuthorsAfter(db: Db, after: number, limit: number) {
  return db
    .select()
    .from(authors)
    .where(gt(authors.id, after))
    .orderBy(asc(authors.id))
    .limit(limit)
}

export function listMediaAfter(db: Db, after: number, limit: number) {
  return db.select().from(media).where(gt(media.id, after)).orderBy(asc(media.id)).limit(limit)
}

export function listBreakingAlertsAfter(db: Db, after: number, limit: number) {
  return db
    .select()
    .from(breakingAlerts)
    .where(gt(breakingAlerts.id, after))
    .orderBy(asc(breakingAlerts.id))
    .limit(limit)
}

/** A page of static pages with their revisions, in one round trip. */
export async function listPagesAfter(db: Db, after: number, limit: number) {
  const page = db
    .select({ id: pages.id })
    .from(pages)
    .where(gt(pages.id, after))
    .orderBy(asc(pages.id))
    .limit(limit)
  const [rows, revisions] = await db.batch([
    db.select().from(pages).where(gt(pages.id, after)).orderBy(asc(pages.id)).limit(limit),
    db
      .select()
      .from(pageRevisions)
      .where(inPage(pageRevisions.pageId, page))
      .orderBy(asc(pageRevisions.id)),
  ])
  return rows.map((row) => ({ ...row, revisions: revisions.filter((r) => r.pageId === row.id) }))
}

export function listSiteStateAfter(db: Db, after: string, limit: number) {
  return db
    .select()
    .from(siteState)
    .where(gt(siteState.key, after))
    .orderBy(asc(siteState.key))
    .limit(limit)
}

export function listRelatedPinsAfter(
  db: Db,
  after: { articleId: number; position: number },
  limit: number,
) {
  return db
    .select()
    .from(relatedPins)
    .where(
      or(
        gt(relatedPins.articleId, after.articleId),
        and(eq(relatedPins.articleId, after.articleId), gt(relatedPins.position, after.position)),
      ),
    )
    .orderBy(asc(relatedPins.articleId), asc(relatedPins.position))
    .limit(limit)
}

export function listRelatedAfter(
  db: Db,
  after: { articleId: number; rank: number },
  limit: number,
) {
  return db
    .select()
    .from(relatedArticles)
    .where(
      or(
        gt(relatedArticles.articleId, after.articleId),
        and(eq(relatedArticles.articleId, after.articleId), gt(relatedArticles.rank, after.rank)),
      ),
    )
    .orderBy(asc(relatedArticles.articleId), asc(relatedArticles.rank))
    .limit(limit)
}

export function listTrendingAfter(db: Db, after: number, limit: number) {
  return db
    .select()
    .from(trendingArticles)
    .where(gt(trendingArticles.rank, after))
    .orderBy(asc(trendingArticles.rank))
    .limit(limit)
}
