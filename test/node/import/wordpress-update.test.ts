// A WXR file imported again after it changed: rows updated in place, their links rewritten.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../src/cli/import'
import {
  articles,
  articleTags,
  comments,
  importMap,
  legacyPaths,
  pages,
  tags,
} from '../../../src/db/schema'
import { freshDb } from '../db/fresh-db'

const FIXTURE = 'test/fixtures/import/wordpress.xml'
const NOW = Date.UTC(2026, 10, 30)

describe('a WordPress file imported again after it changed', () => {
  it('updates the same rows in place and moves their tags, keeping comments and old paths', async () => {
    const db = await freshDb()
    await runImport(db, { source: 'wordpress', file: FIXTURE, now: NOW })
    const before = await db.select().from(articles).where(eq(articles.slug, 'municipal-vote'))
    const commentCount = (await db.select().from(comments)).length
    const changed = readFileSync(FIXTURE, 'utf8')
      .replaceAll('<title>', '<title>Revised ')
      .replaceAll(
        'nicename="beirut"><![CDATA[Beirut]]>',
        'nicename="beirut-city"><![CDATA[Beirut city]]>',
      )
    const file = join(mkdtempSync(join(tmpdir(), 'wxr-update-')), 'changed.xml')
    writeFileSync(file, changed)

    const { report, error } = await runImport(db, { source: 'wordpress', file, now: NOW })

    expect(error).toBeUndefined()
    expect(report.count('imported')).toBe(0)
    expect(report.summary().updated).toMatchObject({ articles: 8, pages: 1 })
    const after = await db.select().from(articles).where(eq(articles.slug, 'municipal-vote'))
    expect(after.map((a) => [a.id, a.title])).toEqual([
      [before[0]?.id, 'Revised Élections municipales : & the “big” vote — 選挙'],
    ])
    expect((await db.select().from(pages)).map((p) => p.title)).toEqual(['Revised About us'])
    const voteTags = await db
      .select({ slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, after[0]?.id ?? 0))
    expect(voteTags.map((t) => t.slug)).toContain('beirut-city')
    expect(voteTags.map((t) => t.slug)).not.toContain('beirut')
    expect(await db.select().from(comments)).toHaveLength(commentCount)
    const [path] = await db.select().from(legacyPaths).where(eq(legacyPaths.path, '/?p=101'))
    expect(path?.targetId).toBe(after[0]?.id)
    const [mapping] = await db.select().from(importMap).where(eq(importMap.sourceId, '101'))
    expect(mapping?.targetId).toBe(after[0]?.id)
  })
})
