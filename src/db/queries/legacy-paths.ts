// Old paths of imported items and where they lead now: written by imports, read on a 404.
import { inArray, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, authors, categories, legacyPaths, pages, tags } from '../schema'

export type LegacyTargetKind = (typeof legacyPaths.$inferSelect)['targetKind']

export interface LegacyPathRow {
  path: string
  targetKind: LegacyTargetKind
  targetId: number | null
  targetPath: string | null
  source: string
}

/** Adds or repoints old paths; `targetId` may be a subquery for a row made in the same batch. */
export function upsertLegacyPathsQuery(
  db: Db,
  rows: (Omit<LegacyPathRow, 'targetId'> & { targetId: number | ReturnType<typeof sql> | null })[],
) {
  return db
    .insert(legacyPaths)
    .values(rows as LegacyPathRow[])
    .onConflictDoUpdate({
      target: legacyPaths.path,
      set: {
        targetKind: sql`excluded.target_kind`,
        targetId: sql`excluded.target_id`,
        targetPath: sql`excluded.target_path`,
        source: sql`excluded.source`,
      },
    })
}

export interface LegacyTarget {
  kind: LegacyTargetKind
  /** The slug of the row now, or the stored path; null when the row is gone or not public. */
  slug: string | null
  targetPath: string | null
}

/**
 * The first of `paths` that an import recorded, with its target's current slug, in one round trip.
 * Only public targets count: a draft must not be revealed by its old address.
 */
export async function findLegacyTarget(db: Db, paths: string[]): Promise<LegacyTarget | null> {
  const rows = await db
    .select({
      path: legacyPaths.path,
      kind: legacyPaths.targetKind,
      targetPath: legacyPaths.targetPath,
      slug: sql<string | null>`case ${legacyPaths.targetKind}
        when 'article' then (select ${articles.slug} from ${articles} where ${articles.id} = ${legacyPaths.targetId} and ${articles.status} = 'published')
        when 'page' then (select ${pages.slug} from ${pages} where ${pages.id} = ${legacyPaths.targetId} and ${pages.status} = 'published')
        when 'author' then (select ${authors.slug} from ${authors} where ${authors.id} = ${legacyPaths.targetId})
        when 'tag' then (select ${tags.slug} from ${tags} where ${tags.id} = ${legacyPaths.targetId})
        when 'section' then (select ${categories.slug} from ${categories} where ${categories.id} = ${legacyPaths.targetId})
        end`,
    })
    .from(legacyPaths)
    .where(inArray(legacyPaths.path, paths))
  for (const path of paths) {
    const row = rows.find((r) => r.path === path)
    if (row) return { kind: row.kind, slug: row.slug, targetPath: row.targetPath }
  }
  return null
}
