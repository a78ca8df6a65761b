// Sections, tags and authors an import needs before its items: made once, mapped, and given old paths.
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../../db/client'
import {
  findMapped,
  insertSectionsQuery,
  sectionIdBySlug,
  upsertMappingQuery,
} from '../../db/queries/import-map'
import { insertTagsQuery, tagIdBySlugQuery } from '../../db/queries/import-tags'
import {
  findAuthorSlugs,
  findImportedAuthorIds,
  insertImportedAuthorsQuery,
} from '../../db/queries/import-writes'
import { upsertLegacyPathsQuery } from '../../db/queries/legacy-paths'
import { firstFreeSlug, slugify } from '../../services/editorial-slug'
import type { ImportRun } from './types'

export interface SourceSection {
  sourceId: string
  slug: string
  name: string
  /** Old paths of the category (`/category/parent/child`). */
  paths: string[]
}

export interface SourceTag {
  sourceId: string
  slug: string
  name: string
  paths: string[]
}

export interface SourceAuthor {
  sourceId: string
  slug: string
  name: string
  paths: string[]
}

/** Writes sections and tags (existing slugs are reused), with their map rows and old paths. */
export function taxonomyQueries(
  db: Db,
  source: string,
  sections: SourceSection[],
  tags: SourceTag[],
  now: Date,
): BatchItem<'sqlite'>[] {
  const queries: BatchItem<'sqlite'>[] = []
  if (sections.length > 0)
    queries.push(
      insertSectionsQuery(
        db,
        sections.map(({ slug, name }) => ({ slug, name })),
      ),
    )
  if (tags.length > 0)
    queries.push(
      insertTagsQuery(
        db,
        tags.map(({ slug, name }) => ({ slug, name })),
      ),
    )
  for (const section of sections) {
    const targetId = sectionIdBySlug(section.slug)
    queries.push(
      upsertMappingQuery(
        db,
        { source, kind: 'section', sourceId: section.sourceId, targetId },
        '',
        now,
      ),
    )
  }
  for (const tag of tags) {
    const targetId = tagIdBySlugQuery(tag.slug)
    queries.push(
      upsertMappingQuery(db, { source, kind: 'tag', sourceId: tag.sourceId, targetId }, '', now),
    )
  }
  const paths = [
    ...sections.flatMap((s) =>
      s.paths.map((path) => ({
        path,
        targetKind: 'section' as const,
        targetId: sectionIdBySlug(s.slug),
      })),
    ),
    ...tags.flatMap((t) =>
      t.paths.map((path) => ({
        path,
        targetKind: 'tag' as const,
        targetId: tagIdBySlugQuery(t.slug),
      })),
    ),
  ]
  if (paths.length > 0)
    queries.push(
      upsertLegacyPathsQuery(
        db,
        paths.map((p) => ({ ...p, targetPath: null, source })),
      ),
    )
  return queries
}

/**
 * Author profiles keyed by (source, source id): an existing profile is kept as the newsroom left
 * it. Returns profile ids by source id (empty in a dry run, which writes nothing).
 */
export async function ensureAuthors(
  db: Db,
  source: string,
  list: SourceAuthor[],
  dryRun: boolean,
  now: Date,
): Promise<Map<string, number>> {
  if (list.length === 0 || dryRun) return dryRun ? new Map() : findImportedAuthorIds(db, source)
  const existing = await findImportedAuthorIds(db, source)
  const taken = await findAuthorSlugs(db)
  const fresh = list.filter((a) => !existing.has(a.sourceId))
  const rows = fresh.map((author) => {
    const slug = firstFreeSlug(slugify(author.name) || slugify(author.slug) || 'author', taken)
    taken.add(slug)
    return {
      slug,
      name: author.name,
      source,
      sourceId: author.sourceId,
      sourceSlug: author.slug,
      now,
    }
  })
  if (rows.length > 0) await db.batch([insertImportedAuthorsQuery(db, rows)])
  const ids = await findImportedAuthorIds(db, source)
  const queries: BatchItem<'sqlite'>[] = []
  for (const author of list) {
    const id = ids.get(author.sourceId)
    if (id === undefined) continue
    queries.push(
      upsertMappingQuery(
        db,
        { source, kind: 'author', sourceId: author.sourceId, targetId: id },
        '',
        now,
      ),
    )
    if (author.paths.length > 0)
      queries.push(
        upsertLegacyPathsQuery(
          db,
          author.paths.map((path) => ({
            path,
            targetKind: 'author' as const,
            targetId: id,
            targetPath: null,
            source,
          })),
        ),
      )
  }
  if (queries.length > 0) await db.batch(queries as [BatchItem<'sqlite'>])
  return ids
}

/** Which of these were mapped by an earlier run (`kind:sourceId`), read before this run writes. */
export async function mappedBefore(
  run: ImportRun,
  source: string,
  entries: { kind: 'section' | 'tag' | 'author'; sourceId: string }[],
): Promise<Set<string>> {
  const found = new Set<string>()
  for (const kind of ['section', 'tag', 'author'] as const) {
    const ids = entries.filter((e) => e.kind === kind).map((e) => e.sourceId)
    for (const id of (await findMapped(run.db, source, kind, ids)).keys())
      found.add(`${kind}:${id}`)
  }
  return found
}
