// Keyset pages for the site export's smaller tables: edition names, agency feeds and import memory.
import { and, asc, eq, gt, or } from 'drizzle-orm'
import type { Db } from '../client'
import {
  agencyFeedItems,
  agencyFeeds,
  categoryEditions,
  importMap,
  legacyPaths,
  tagEditions,
} from '../schema'

/** Sections as each edition names them; counts are left out, since triggers rebuild them. */
export function listSectionEditionsAfter(
  db: Db,
  after: { categoryId: number; language: string },
  limit: number,
) {
  return db
    .select({
      categoryId: categoryEditions.categoryId,
      language: categoryEditions.language,
      name: categoryEditions.name,
      description: categoryEditions.description,
    })
    .from(categoryEditions)
    .where(
      or(
        gt(categoryEditions.categoryId, after.categoryId),
        and(
          eq(categoryEditions.categoryId, after.categoryId),
          gt(categoryEditions.language, after.language),
        ),
      ),
    )
    .orderBy(asc(categoryEditions.categoryId), asc(categoryEditions.language))
    .limit(limit)
}

export function listTagEditionsAfter(
  db: Db,
  after: { tagId: number; language: string },
  limit: number,
) {
  return db
    .select({ tagId: tagEditions.tagId, language: tagEditions.language, name: tagEditions.name })
    .from(tagEditions)
    .where(
      or(
        gt(tagEditions.tagId, after.tagId),
        and(eq(tagEditions.tagId, after.tagId), gt(tagEditions.language, after.language)),
      ),
    )
    .orderBy(asc(tagEditions.tagId), asc(tagEditions.language))
    .limit(limit)
}

export function listAgencyFeedsAfter(db: Db, after: number, limit: number) {
  return db
    .select()
    .from(agencyFeeds)
    .where(gt(agencyFeeds.id, after))
    .orderBy(asc(agencyFeeds.id))
    .limit(limit)
}

export function listAgencyFeedItemsAfter(
  db: Db,
  after: { source: string; itemKey: string },
  limit: number,
) {
  return db
    .select()
    .from(agencyFeedItems)
    .where(
      or(
        gt(agencyFeedItems.source, after.source),
        and(eq(agencyFeedItems.source, after.source), gt(agencyFeedItems.itemKey, after.itemKey)),
      ),
    )
    .orderBy(asc(agencyFeedItems.source), asc(agencyFeedItems.itemKey))
    .limit(limit)
}

export function listImportMapAfter(
  db: Db,
  after: { source: string; kind: string; sourceId: string },
  limit: number,
) {
  const { source, kind, sourceId } = after
  return db
    .select()
    .from(importMap)
    .where(
      or(
        gt(importMap.source, source),
        and(eq(importMap.source, source), gt(importMap.kind, kind as 'article')),
        and(
          eq(importMap.source, source),
          eq(importMap.kind, kind as 'article'),
          gt(importMap.sourceId, sourceId),
        ),
      ),
    )
    .orderBy(asc(importMap.source), asc(importMap.kind), asc(importMap.sourceId))
    .limit(limit)
}

export function listLegacyPathsAfter(db: Db, after: string, limit: number) {
  return db
    .select()
    .from(legacyPaths)
    .where(gt(legacyPaths.path, after))
    .orderBy(asc(legacyPaths.path))
    .limit(limit)
}
