// The import map: which rows an import made from which source ids, and how each looked then.
import { and, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client'
import { articles, categories, importMap, pages, slugRedirects } from '../schema'

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

/**
 * Which of these slugs, or their numbered variants (`base-2`…), articles or pages already use or
 * used (an article's old slugs still redirect, so they stay taken).
 */
export async function findTakenSlugs(
  db: Db,
  kind: 'article' | 'page',
  bases: string[],
): Promise<Set<string>> {
  if (bases.length === 0) return new Set()
  const taken = new Set<string>()
  // `base-…` as an index range ('-' then '.'), not LIKE, which would scan every row per base.
  const variants = (column: SQLiteColumn) =>
    or(
      inArray(column, bases),
      ...bases.map((base) => and(gte(column, `${base}-`), lt(column, `${base}.`))),
    )
  if (kind === 'page') {
    const rows = await db.select({ slug: pages.slug }).from(pages).where(variants(pages.slug))
    for (const row of rows) taken.add(row.slug)
    return taken
  }
  const [current, old] = await db.batch([
    db.select({ slug: articles.slug }).from(articles).where(variants(articles.slug)),
    db
      .select({ slug: slugRedirects.oldSlug })
      .from(slugRedirects)
      .where(variants(slugRedirects.oldSlug)),
  ])
  for (const row of [...current, ...old]) taken.add(row.slug)
  return taken
}

/** Inserts sections that do not exist yet (an existing slug is reused, never renamed). */
export function insertSectionsQuery(db: Db, rows: { slug: string; name: string }[]) {
  return db.insert(categories).values(rows).onConflictDoNothing()
}

/** A section's id inside the batch that may create it. */
export function sectionIdBySlug(slug: string): SQL<number> {
  return sql<number>`(select ${categories.id} from ${categories} where ${categories.slug} = ${slug})`
}
