// The tables the site export reads whole, each in its key order, and static pages with their revisions.
import { asc, gt, inArray } from 'drizzle-orm'
import type { Db } from '../client'
import {
  agencyFeedItems,
  agencyFeeds,
  articleViews,
  authors,
  breakingAlerts,
  categories,
  categoryEditions,
  importMap,
  legacyPaths,
  media,
  pageRevisions,
  pages,
  relatedArticles,
  relatedPins,
  siteState,
  tagEditions,
  tags,
  trendingArticles,
  users,
} from '../schema'
import { keysetTable } from './export-keyset'

/** Each table by the export section it fills; articles and pages carry children, so read apart. */
export const EXPORT_TABLES = {
  siteState: keysetTable(siteState, ['key']),
  sections: keysetTable(categories, ['id']),
  // Counts are left out of editions, since triggers rebuild them.
  sectionEditions: keysetTable(
    categoryEditions,
    ['categoryId', 'language'],
    ['categoryId', 'language', 'name', 'description'],
  ),
  tags: keysetTable(tags, ['id']),
  tagEditions: keysetTable(tagEditions, ['tagId', 'language'], ['tagId', 'language', 'name']),
  // Never the password hash, by allowlist.
  users: keysetTable(
    users,
    ['id'],
    ['id', 'email', 'name', 'role', 'disabled', 'lastLoginAt', 'createdAt'],
  ),
  authors: keysetTable(authors, ['id']),
  media: keysetTable(media, ['id']),
  relatedPins: keysetTable(relatedPins, ['articleId', 'position']),
  related: keysetTable(relatedArticles, ['articleId', 'rank']),
  trending: keysetTable(trendingArticles, ['rank']),
  views: keysetTable(articleViews, ['day', 'articleId']),
  breakingAlerts: keysetTable(breakingAlerts, ['id']),
  agencyFeeds: keysetTable(agencyFeeds, ['id']),
  agencyFeedItems: keysetTable(agencyFeedItems, ['source', 'itemKey']),
  importMap: keysetTable(importMap, ['source', 'kind', 'sourceId']),
  legacyPaths: keysetTable(legacyPaths, ['path']),
}

export type ExportPage = Awaited<ReturnType<typeof listPagesAfter>>[number]

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
      .where(inArray(pageRevisions.pageId, page))
      .orderBy(asc(pageRevisions.id)),
  ])
  return rows.map((row) => ({ ...row, revisions: revisions.filter((r) => r.pageId === row.id) }))
}
