// What a group's items became, in one statement each: their old paths and their import-map rows.
import type { InStatement } from '@libsql/client'
import { type ImportTarget, rowsStatement, targetSql } from './import-batch'
import { MAPPINGS_HEAD, MAPPINGS_TAIL, PATHS_HEAD, PATHS_TAIL } from './import-batch-sql'

/** An item of the group: what it is, and the row it became. */
export interface ImportedItemRef {
  kind: 'article' | 'page'
  target: ImportTarget
}

/** Old paths of the group's items, added or repointed. */
export function upsertImportedPathsStatement(
  rows: (ImportedItemRef & { path: string; source: string })[],
): InStatement {
  return rowsStatement(
    PATHS_HEAD,
    rows,
    (row, args) => {
      args.push(row.path, row.kind)
      const target = targetSql(row.target, args)
      args.push(row.source)
      return `(?, ?, ${target}, null, ?, (unixepoch('subsec') * 1000))`
    },
    PATHS_TAIL,
  )
}

/** The group's import-map rows, recorded or moved, with each item's content hash. */
export function upsertImportedMappingsStatement(
  rows: (ImportedItemRef & { source: string; sourceId: string; contentHash: string })[],
  now: Date,
): InStatement {
  return rowsStatement(
    MAPPINGS_HEAD,
    rows,
    (row, args) => {
      args.push(row.source, row.kind, row.sourceId)
      const target = targetSql(row.target, args)
      args.push(row.contentHash, now.getTime())
      return `(?, ?, ?, ${target}, ?, ?)`
    },
    MAPPINGS_TAIL,
  )
}
