// The import map: which rows an import made from which source ids, and how each looked then.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { categories, importMap } from '../schema'

export type ImportKind = (typeof importMap.$inferSelect)['kind']

export interface MappedRow {
  sourceId: string
  targetId: number
  contentHash: string
}

/** The rows earlier runs made for these source ids, by source id. */
export async function findMapped(
  db: Db,
  source: string,
  kind: ImportKind,
  sourceIds: string[],
): Promise<Map<string, MappedRow>> {
  if (sourceIds.length === 0) return new Map()
  const rows = await db
    .select({
      sourceId: importMap.sourceId,
      targetId: importMap.targetId,
      contentHash: importMap.contentHash,
    })
    .from(importMap)
    .where(
      and(
        eq(importMap.source, source),
        eq(importMap.kind, kind),
        inArray(importMap.sourceId, sourceIds),
      ),
    )
  return new Map(rows.map((row) => [row.sourceId, row]))
}

/** Records (or moves) a mapping; `targetId` may be a subquery for a row made in the same batch. */
export function upsertMappingQuery(
  db: Db,
  row: { source: string; kind: ImportKind; sourceId: string; targetId: number | SQL<number> },
  contentHash: string,
  now: Date,
) {
  return db
    .insert(importMap)
    .values({ ...row, targetId: row.targetId as number, contentHash, importedAt: now })
    .onConflictDoUpdate({
      target: [importMap.source, importMap.kind, importMap.sourceId],
      set: { targetId: row.targetId as number, contentHash, importedAt: now },
    })
}

/** Inserts sections that do not exist yet (an existing slug is reused, never renamed). */
export function insertSectionsQuery(db: Db, rows: { slug: string; name: string }[]) {
  return db.insert(categories).values(rows).onConflictDoNothing()
}

/** A section's id inside the batch that may create it. */
export function sectionIdBySlug(slug: string): SQL<number> {
  return sql<number>`(select ${categories.id} from ${categories} where ${categories.slug} = ${slug})`
}
