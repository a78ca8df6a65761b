// The Ghost import against a fresh database: multiple authors and tags, pages, re-runs, bad input.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc, eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../src/cli/import'
import type { Db } from '../../../src/db/client'
import {
  articleAuthors,
  articles,
  articleTags,
  authors,
  categories,
  importMap,
  legacyPaths,
  pages,
  tags,
} from '../../../src/db/schema'
import { freshDb } from '../db/fresh-db'

const FIXTURE = 'test/fixtures/import/ghost-v5.json'
const NOW = Date.UTC(2026, 10, 30)

function importFile(db: Db, file = FIXTURE) {
  return runImport(db, { source: 'ghost', file, now: NOW })
}

describe('the Ghost import', () => {
  it('brings posts in with their authors in byline order and their public tags', async () => {
    const db = await freshDb()
    const { error, report } = await importFile(db)
    expect(error).toBeUndefined()
    const [port] = await db.select().from(articles).where(eq(articles.slug, 'port-reopens'))
    expect(port?.status).toBe('published')
    expect(port?.summary).toBe('Ships are moving again.')
    expect(port?.imageUrl).toBe('https://harbour.example/content/images/2025/03/port-wide.jpg')
    expect(port?.byline).toBe('Sami Nasr and Maya Khoury')
    const byline = await db
      .select({ name: authors.name })
      .from(articleAuthors)
      .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
      .where(eq(articleAuthors.articleId, port?.id ?? 0))
      .orderBy(asc(articleAuthors.position))
    expect(byline.map((a) => a.name)).toEqual(['Sami Nasr', 'Maya Khoury'])
    const tagSlugs = await db
      .select({ slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, port?.id ?? 0))
    expect(tagSlugs.map((t) => t.slug).sort()).toEqual(['economy', 'shipping'])
    const [section] = await db
      .select()
      .from(categories)
      .where(eq(categories.id, port?.categoryId ?? 0))
    expect(section?.slug).toBe('shipping')
    expect(report.summary().skipped['internal #tag']).toBe(1)
  })

  it('converts bodies through the same sanitiser, reporting what it made inert', async () => {
    const db = await freshDb()
    const { report } = await importFile(db)
    const [port] = await db.select().from(articles).where(eq(articles.slug, 'port-reopens'))
    const html = parse(port?.bodyHtml ?? '')
    expect(html.querySelector('strong')?.text).toBe('port')
    expect(html.querySelector('img')?.getAttribute('src')).toBe(
      'https://harbour.example/content/images/2025/03/port.jpg',
    )
    expect(html.querySelectorAll('a')).toHaveLength(0)
    expect(
      report.summary().warned['unsafe link made plain text (javascript:, data: or similar)'],
    ).toBe(1)
  })

  it('keeps drafts as drafts, members-only posts as drafts, and pages as static pages', async () => {
    const db = await freshDb()
    await importFile(db)
    const statuses = Object.fromEntries(
      (await db.select().from(articles)).map((a) => [a.slug, a.status]),
    )
    expect(statuses).toEqual({
      'port-reopens': 'published',
      'fish-prices': 'draft',
      'members-briefing': 'draft',
    })
    const [about] = await db.select().from(pages)
    expect(about?.slug).toBe('about')
    const paths = (await db.select().from(legacyPaths)).map((p) => p.path)
    expect(paths).toEqual(
      expect.arrayContaining(['/port-reopens', '/tag/shipping', '/author/maya']),
    )
  })

  it('changes nothing when the same export is imported again', async () => {
    const db = await freshDb()
    await importFile(db)
    const before = await db.select().from(articles).orderBy(asc(articles.id))
    const mapped = (await db.select().from(importMap)).length
    const { report } = await importFile(db)
    expect(await db.select().from(articles).orderBy(asc(articles.id))).toEqual(before)
    expect((await db.select().from(importMap)).length).toBe(mapped)
    expect(report.count('imported')).toBe(0)
    expect(report.count('updated')).toBe(0)
  })

  it('refuses a file that is not a Ghost export with a clear message', async () => {
    const db = await freshDb()
    const dir = mkdtempSync(join(tmpdir(), 'ghost-'))
    const xml = join(dir, 'export.xml')
    writeFileSync(xml, '<?xml version="1.0"?><rss></rss>')
    expect((await importFile(db, xml)).error?.message).toMatch(/XML file, not a Ghost export/)
    const other = join(dir, 'other.json')
    writeFileSync(other, '{"hello": 1}')
    expect((await importFile(db, other)).error?.message).toMatch(/no db\[0\]\.data\.posts/)
  })
})
