// The related refresh reads no article row: on a cold million-article archive each one is a disk seek.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client, InStatement } from '@libsql/client'
import { describe, expect, it, onTestFinished } from 'vitest'
import { migrateDatabase, openClient } from '../../../../src/cli/migrate'
import { createDb } from '../../../../src/db/client'
import { loadPurgeFacts } from '../../../../src/db/queries/purge'
import { relatedPins } from '../../../../src/db/schema'
import { purgeContent } from '../../../../src/services/purge'
import { purgeTargetsFor } from '../../../../src/services/purge-targets'
import { refreshChangedLists, refreshListChunk } from '../../../../src/services/related-refresh'
import { addArticle, addCategory, addTag } from '../fresh-db'

const DAY = 86_400_000
const NOW = Date.parse('2026-11-20T12:00:00Z')

/** A client that keeps every statement sent through it, batched or not. */
function recordStatements(client: Client) {
  const sent: InStatement[] = []
  const recording = new Proxy(client, {
    get(target, key) {
      if (key === 'execute') {
        return (statement: InStatement) => {
          sent.push(statement)
          return target.execute(statement)
        }
      }
      if (key === 'batch') {
        return (statements: InStatement[], mode?: 'write' | 'read' | 'deferred') => {
          sent.push(...statements)
          return target.batch(statements, mode)
        }
      }
      const value = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { recording, sent }
}

/**
 * The plan lines that read a row of `articles` or `article_tags`, or scan either: an index that
 * is not covering, a lookup by rowid (only `tags` may be read so, for its names), a table scan.
 * The one exception is `st`, the sources' own tags, for their edition: those few rows sit together
 * (a chunk's ids are consecutive, the changed stories are the newest), unlike the candidates'.
 */
function rowReads(plan: readonly string[]): string[] {
  return plan.filter(
    (line) =>
      (/USING INDEX (articles_|article_tags_|sqlite_autoindex_article_tags_)/.test(line) &&
        !/^SEARCH st /.test(line)) ||
      (/USING INTEGER PRIMARY KEY/.test(line) && !/^SEARCH tags /.test(line)) ||
      /^SCAN (articles|article_tags)\b(?! USING COVERING)/.test(line),
  )
}

async function planOf(client: Client, statement: InStatement): Promise<string[]> {
  const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement
  const plan = await client.execute({ sql: `explain query plan ${sql}`, args })
  return plan.rows.map((row) => String(row.detail))
}

/** Six stories of one section on two tags, one pinned, in a file whose statements are recorded. */
async function recordedNewsroom() {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-related-plan-'))
  const file = openClient(`file:${dir}/t.db`)
  onTestFinished(() => {
    file.close()
    rmSync(dir, { recursive: true, force: true })
  })
  await migrateDatabase(file)
  const { recording, sent } = recordStatements(file)
  const db = createDb(recording)
  const world = await addCategory(db, 'world')
  const [russia, france] = [await addTag(db, 'Russia'), await addTag(db, 'France')]
  const ids: number[] = []
  for (let i = 0; i < 6; i++) {
    const id = await addArticle(db, {
      slug: `s${i}`,
      categoryId: world,
      publishedAt: NOW - (10 - i) * DAY,
      updatedAt: NOW - i * 60_000,
      tagIds: i % 2 ? [russia, france] : [russia],
      title: `Talks in Moscow, day ${i}`,
    })
    ids.push(id)
  }
  await db
    .insert(relatedPins)
    .values({ articleId: ids[0] ?? 0, position: 1, relatedId: ids[5] ?? 0 })
  sent.length = 0
  return { file, db, sent, ids }
}

const textOf = (statement: InStatement) =>
  typeof statement === 'string' ? statement : statement.sql

/** The b-trees (tables and indexes, by name) a statement's bytecode opens, and its FK opcodes. */
async function btreesOpenedBy(client: Client, statement: InStatement): Promise<string[]> {
  const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement
  const roots = await client.execute('select name, rootpage from sqlite_master where rootpage > 0')
  const nameOf = new Map(roots.rows.map((row) => [Number(row.rootpage), String(row.name)]))
  const code = await client.execute({ sql: `explain ${sql}`, args })
  return code.rows.flatMap((row) => {
    const opcode = String(row.opcode)
    // FkCheck ends every write while the checks are on; these two are a check of a reference.
    if (opcode === 'FkCounter' || opcode === 'FkIfZero') return [opcode]
    if (opcode !== 'OpenRead' && opcode !== 'OpenWrite') return []
    return [nameOf.get(Number(row.p2)) ?? `page ${row.p2}`]
  })
}

describe('the related refresh', () => {
  it('reads candidates, targets and changed stories from indexes alone, never a story’s row', async () => {
    const { file, db, sent } = await recordedNewsroom()
    const purge = async () => ({ paths: [], tags: [], deleted: 0, failures: [] })
    const deps = { db, purge, now: new Date(NOW) }
    await refreshListChunk(deps, 0, 200)
    await refreshChangedLists(deps, { updatedAt: NOW - DAY, id: 0 }, 200)
    const reads = sent.filter(
      (statement) =>
        !/^\s*(insert|delete from "related_articles" where "related_articles"\."article_id" in)/i.test(
          textOf(statement),
        ),
    )
    expect(reads.length).toBeGreaterThan(8)
    const rowReading: string[] = []
    for (const statement of reads) rowReading.push(...rowReads(await planOf(file, statement)))
    expect(rowReading).toEqual([])
  })

  it('writes its lists touching related_articles alone, with no check of the articles they name', async () => {
    const { file, db, sent } = await recordedNewsroom()
    const purge = async () => ({ paths: [], tags: [], deleted: 0, failures: [] })
    await refreshListChunk({ db, purge, now: new Date(NOW) }, 0, 200)
    const writes = sent.filter((statement) =>
      /^\s*(insert into "related_articles"|delete from "related_articles" where "related_articles"\."article_id" in \(\?)/i.test(
        textOf(statement),
      ),
    )
    expect(writes.length).toBeGreaterThan(1)
    // A foreign-key check of each pick read its two articles' table pages: a seek apiece when cold.
    const opened = new Set<string>()
    for (const statement of writes) {
      for (const name of await btreesOpenedBy(file, statement)) opened.add(name)
    }
    expect([...opened].sort()).toEqual([
      'related_articles',
      'related_articles_related_idx',
      'sqlite_autoindex_related_articles_1',
    ])
  })

  it('purges the pages of the lists it changed reading their slugs alone, the same pages as before', async () => {
    const { db, sent, ids } = await recordedNewsroom()
    const changes = [{ kind: 'related-recomputed' as const, articleIds: ids.slice(0, 3) }]
    const report = await purgeContent({ db, cache: undefined, origin: 'http://localhost' }, changes)
    // One statement: the full facts (sections, tags, comments, the lists showing each story) are
    // seven, and on a cold million-article archive they cost a second a chunk.
    expect(sent.map(textOf)).toEqual([
      expect.stringMatching(/^select "id", "slug" from "articles"/),
    ])
    const full = purgeTargetsFor(changes, await loadPurgeFacts(db, ids.slice(0, 3)))
    expect(report.paths).toEqual(full.paths)
    expect(report.tags).toEqual(full.tags)
    expect(report.paths).toContain('/news/s0')
  })
})
