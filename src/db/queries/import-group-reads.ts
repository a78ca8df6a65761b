// What a group of imported items must know before it is written, read in one round trip.
import type { InStatement, InValue } from '@libsql/client'
import type { Db } from '../client'
import type { ImportKind, MappedRow } from './import-map'

const marks = (count: number) => Array.from({ length: count }, () => '?').join(', ')

/**
 * Rows of `table` whose `column` is one of the bases or a numbered variant (`base-2`…). The
 * variants are an index range ('-' then '.'), not LIKE, which would scan every row per base.
 */
function variantsStatement(table: string, column: string, bases: string[]): InStatement {
  const args: InValue[] = [...bases]
  const ranges = bases.map((base) => {
    args.push(`${base}-`, `${base}.`)
    return `("${column}" >= ? and "${column}" < ?)`
  })
  return {
    sql: `select "${column}" from "${table}" where "${column}" in (${marks(bases.length)}) or ${ranges.join(' or ')}`,
    args,
  }
}

/**
 * The rows earlier runs made for these source ids (by source id), and which of these slugs or
 * their variants articles or pages already use or used (an article's old slugs still redirect, so
 * they stay taken): one batch instead of a round trip each. Plain SQL, as in import-batch.ts.
 */
export async function findGroupState(
  db: Db,
  source: string,
  kind: 'article' | 'page',
  sourceIds: string[],
  bases: string[],
): Promise<{ mapped: Map<string, MappedRow>; taken: Set<string> }> {
  const mapped = new Map<string, MappedRow>()
  const taken = new Set<string>()
  if (sourceIds.length === 0) return { mapped, taken }
  const statements: InStatement[] = [
    {
      sql: `select "source_id", "target_id", "content_hash" from "import_map" where "source" = ? and "kind" = ? and "source_id" in (${marks(sourceIds.length)})`,
      args: [source, kind satisfies ImportKind, ...sourceIds],
    },
  ]
  if (bases.length > 0) {
    statements.push(variantsStatement(kind === 'page' ? 'pages' : 'articles', 'slug', bases))
    if (kind === 'article') statements.push(variantsStatement('slug_redirects', 'old_slug', bases))
  }
  const [mappedRows, ...slugRows] = await db.$client.batch(statements)
  // Rows are array-like, not iterable: read by position, in the order of the select.
  for (const row of mappedRows?.rows ?? []) {
    const sourceId = String(row[0])
    mapped.set(sourceId, { sourceId, targetId: Number(row[1]), contentHash: String(row[2]) })
  }
  for (const result of slugRows) for (const row of result.rows) taken.add(String(row[0]))
  return { mapped, taken }
}
