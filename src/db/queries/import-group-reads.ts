// What a group of imported items must know before it is written, read in one round trip.
import type { InStatement, InValue } from '@libsql/client'
import type { Column } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, importMap, pages, slugRedirects } from '../schema'
import { quoteColumn, quoteTable } from '../sql-names'
import type { ImportKind, MappedRow } from './import-map'

const marks = (count: number) => Array.from({ length: count }, () => '?').join(', ')

// The fixed texts, from the schema's names, built once when the module loads.
const m = importMap
const MAPPED_HEAD = `select ${quoteColumn(m.sourceId)}, ${quoteColumn(m.targetId)}, ${quoteColumn(m.contentHash)} from ${quoteTable(importMap)} where ${quoteColumn(m.source)} = ? and ${quoteColumn(m.kind)} = ? and ${quoteColumn(m.sourceId)} in (`

/** A variants lookup's texts: its head up to the `in` list, and one range. */
function buildVariantsTexts(column: Column): { head: string; range: string } {
  const name = quoteColumn(column)
  return {
    head: `select ${name} from ${quoteTable(column.table)} where ${name} in (`,
    range: `(${name} >= ? and ${name} < ?)`,
  }
}

const VARIANTS = {
  article: buildVariantsTexts(articles.slug),
  page: buildVariantsTexts(pages.slug),
  redirect: buildVariantsTexts(slugRedirects.oldSlug),
}

/**
 * Rows whose column is one of the bases or a numbered variant (`base-2`…). The variants are an
 * index range ('-' then '.'), not LIKE, which would scan every row per base.
 */
function variantsStatement(texts: { head: string; range: string }, bases: string[]): InStatement {
  const args: InValue[] = [...bases]
  const ranges = bases.map((base) => {
    args.push(`${base}-`, `${base}.`)
    return texts.range
  })
  return { sql: `${texts.head}${marks(bases.length)}) or ${ranges.join(' or ')}`, args }
}

/**
 * The rows earlier runs made for these source ids (by source id), and which of these slugs or
 * their variants articles or pages already use or used (an article's old slugs still redirect, so
 * they stay taken): one batch instead of a round trip each. Plain SQL, as in import-batch.ts: names
 * from the schema, values bound, only drizzle's builder skipped.
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
      sql: `${MAPPED_HEAD}${marks(sourceIds.length)})`,
      args: [source, kind satisfies ImportKind, ...sourceIds],
    },
  ]
  if (bases.length > 0) {
    statements.push(variantsStatement(VARIANTS[kind], bases))
    if (kind === 'article') statements.push(variantsStatement(VARIANTS.redirect, bases))
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
