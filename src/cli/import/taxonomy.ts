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

/** A section, tag or author as the source names it, with its old paths (`/category/a/b`, `/tag/x`). */
export interface SourceEntry {
  sourceId: string
  slug: string
  name: string
  paths: string[]
}

/** Writes sections and tags (existing slugs are reused), with their map rows and old paths. */
function taxonomyQueries(
  db: Db,
  source: string,
  sections: SourceEntry[],
  tags: SourceEntry[],
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
async function ensureAuthors(
  db: Db,
  source: string,
  list: SourceEntry[],
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

/**
 * Writes a source's sections, tags and authors ahead of its items. Returns the authors' profile ids
 * and `record`, which reports one of them as imported, or as unchanged when an earlier run mapped it.
 */
export async function writeTaxonomy(
  run: ImportRun,
  source: string,
  {
    sections,
    tags,
    authors,
  }: { sections: SourceEntry[]; tags: SourceEntry[]; authors: SourceEntry[] },
) {
  const now = new Date(run.now)
  // Read before this run writes, so that what it adds now still counts as imported.
  const before = new Set<string>()
  for (const [kind, list] of [
    ['section', sections],
    ['tag', tags],
    ['author', authors],
  ] as const) {
    const ids = list.map((entry) => entry.sourceId)
    for (const id of (await findMapped(run.db, source, kind, ids)).keys())
      before.add(`${kind}:${id}`)
  }
  if (!run.dryRun) {
    const queries = taxonomyQueries(run.db, source, sections, tags, now)
    if (queries.length > 0) await run.db.batch(queries as [BatchItem<'sqlite'>])
  }
  const authorIds = await ensureAuthors(run.db, source, authors, run.dryRun, now)
  const record = (
    kind: 'section' | 'tag' | 'author',
    sourceId: string,
    reason: string,
    label: string,
  ) =>
    before.has(`${kind}:${sourceId}`)
      ? run.report.record('skipped', 'unchanged since the last import', label)
      : run.report.record('imported', reason, label)
  return { authorIds, record }
}
