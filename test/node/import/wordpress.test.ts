// The WordPress import end to end against a fresh database: statuses, bodies, comments, re-runs, faults.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc, eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../src/cli/import'
import type { Db } from '../../../src/db/client'
import {
  articles,
  categories,
  comments,
  importMap,
  legacyPaths,
  pages,
  tags,
} from '../../../src/db/schema'
import { freshDb } from '../db/fresh-db'

const FIXTURE = 'test/fixtures/import/wordpress.xml'
const NOW = Date.UTC(2026, 10, 30)

async function importFile(db: Db, file = FIXTURE, dryRun = false) {
  return runImport(db, { source: 'wordpress', file, dryRun, now: NOW })
}

async function snapshot(db: Db) {
  return {
    articles: await db.select().from(articles).orderBy(asc(articles.id)),
    comments: await db.select().from(comments).orderBy(asc(comments.id)),
    pages: await db.select().from(pages),
    tags: await db.select().from(tags),
    categories: await db.select().from(categories),
    paths: await db.select().from(legacyPaths),
    map: await db.select().from(importMap),
  }
}

describe('the WordPress import', () => {
  it('maps every status as the issue says and accounts for every item in the file', async () => {
    const db = await freshDb()
    const { report, error } = await importFile(db)
    expect(error).toBeUndefined()
    const bySlug = new Map((await db.select().from(articles)).map((a) => [a.slug, a]))
    expect(bySlug.get('municipal-vote')?.status).toBe('published')
    expect(bySlug.get('budget-preview')?.status).toBe('scheduled')
    expect(bySlug.get('draft-idea')?.status).toBe('draft')
    expect(bySlug.get('awaiting-review')?.status).toBe('review')
    expect(bySlug.get('private-memo')?.status).toBe('draft')
    expect(bySlug.get('members-only')?.status).toBe('draft')
    expect(bySlug.size).toBe(8)
    const summary = report.summary()
    expect(summary.skipped['in the trash']).toBe(1)
    expect(summary.skipped['auto-draft ignored']).toBe(1)
    expect(summary.skipped['menu item ignored']).toBe(1)
    expect(summary.skipped['revision ignored']).toBe(1)
    expect(summary.warned['private: imported as a draft']).toBe(1)
    expect(Object.keys(summary.warned).some((w) => w.startsWith('password-protected'))).toBe(true)
    expect(Object.keys(summary.warned).some((w) => w.startsWith('sticky'))).toBe(true)
    // 15 <item>s, 4 categories, 2 tags, 2 authors, 6 comments on posts.
    expect(report.items).toBe(15 + 4 + 2 + 2 + 6)
  })

  it('keeps unicode and entities in titles, names untitled posts and makes duplicate slugs unique', async () => {
    const db = await freshDb()
    const { report } = await importFile(db)
    const titles = (await db.select().from(articles)).map((a) => a.title)
    expect(titles).toContain('Élections municipales : & the “big” vote — 選挙')
    expect(titles).toContain('Untitled (post 102)')
    const slugs = (await db.select().from(articles)).map((a) => a.slug)
    expect(slugs).toEqual(expect.arrayContaining(['municipal-vote', 'municipal-vote-2']))
    expect(
      report.summary().warned['duplicate slug made unique (municipal-vote → municipal-vote-2)'],
    ).toBe(1)
  })

  it('turns block markup and shortcodes into Markdown, and the sanitised HTML shows them', async () => {
    const db = await freshDb()
    const { report } = await importFile(db)
    const [article] = await db.select().from(articles).where(eq(articles.slug, 'municipal-vote'))
    const html = parse(article?.bodyHtml ?? '')
    expect(html.querySelector('h2')?.text).toBe('Turnout')
    expect(html.querySelectorAll('li').map((li) => li.text)).toEqual(['North: 61%', 'South: 48%'])
    expect(html.querySelector('a[href="https://www.youtube.com/watch?v=vote2025"]')).not.toBeNull()
    const images = html.querySelectorAll('img').map((img) => img.getAttribute('src'))
    expect(images).toContain('https://cedar.example/wp-content/uploads/2025/03/market.jpg')
    expect(html.querySelector('em')?.text).toBe('Polling stations opened at dawn.')
    expect(html.text).toContain('[newsletter_signup list="daily"]')
    expect(report.summary().warned['unknown shortcode [newsletter_signup] kept as text']).toBe(1)
    expect(article?.summary).toBe('Turnout was higher in the north.')
    expect(article?.imageUrl).toBe('https://cedar.example/wp-content/uploads/2025/03/hills.jpg')
  })

  it('makes scripts, unknown iframes and javascript: links inert, and reports each', async () => {
    const db = await freshDb()
    const { report } = await importFile(db)
    const [article] = await db.select().from(articles).where(eq(articles.slug, 'untitled-post-102'))
    const html = parse(article?.bodyHtml ?? '')
    expect(html.querySelectorAll('script, iframe')).toHaveLength(0)
    expect(html.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([])
    expect(html.querySelectorAll('p')).toHaveLength(2)
    const warned = report.summary().warned
    expect(warned['script removed']).toBe(1)
    expect(warned['iframe from an unknown host removed']).toBe(1)
    expect(warned['unsafe link made plain text (javascript:, data: or similar)']).toBe(1)
  })

  it('maps categories to top-level sections, keeps child categories as tags, and imports pages', async () => {
    const db = await freshDb()
    await importFile(db)
    expect((await db.select().from(categories)).map((c) => c.slug).sort()).toEqual([
      'culture',
      'politics',
      'uncategorized',
    ])
    const [vote] = await db.select().from(articles).where(eq(articles.slug, 'municipal-vote'))
    const [politics] = await db.select().from(categories).where(eq(categories.slug, 'politics'))
    expect(vote?.categoryId).toBe(politics?.id)
    expect((await db.select().from(tags)).map((t) => t.slug)).toEqual(
      expect.arrayContaining(['municipal', 'elections', 'beirut', 'cafe-culture']),
    )
    const [about] = await db.select().from(pages)
    expect(about?.slug).toBe('about')
    expect(about?.status).toBe('published')
  })

  it('threads replies deeper than one level onto their top-level comment, in order, with statuses', async () => {
    const db = await freshDb()
    await importFile(db)
    const rows = await db.select().from(comments).orderBy(asc(comments.id))
    const nadia = rows.find((c) => c.authorName === 'Nadia')
    expect(rows.filter((c) => c.parentId === nadia?.id).map((c) => c.authorName)).toEqual([
      'Karim',
      'Lina',
    ])
    expect(rows.find((c) => c.authorName === 'Spammer')?.status).toBe('spam')
    expect(rows.find((c) => c.authorName === 'Waiting')?.status).toBe('pending')
    expect(rows.some((c) => c.authorName === 'Other blog')).toBe(false)
  })

  it('changes nothing when the same file is imported again', async () => {
    const db = await freshDb()
    await importFile(db)
    const before = await snapshot(db)
    const { report } = await importFile(db)
    expect(await snapshot(db)).toEqual({
      ...before,
      map: before.map.map((row) => ({ ...row, importedAt: expect.any(Date) })),
    })
    expect(report.count('imported')).toBe(0)
    expect(report.count('updated')).toBe(0)
  })

  it('writes nothing on a dry run and reports the same outcomes as a real one', async () => {
    const db = await freshDb()
    const dry = await importFile(db, FIXTURE, true)
    expect(await db.select().from(articles)).toHaveLength(0)
    expect(await db.select().from(importMap)).toHaveLength(0)
    const real = await importFile(db)
    expect(dry.report.count('imported')).toBe(real.report.count('imported'))
    expect(dry.report.count('skipped')).toBe(real.report.count('skipped'))
  })

  it('stops at malformed XML with its line and column, keeping the items before it', async () => {
    const db = await freshDb()
    const dir = mkdtempSync(join(tmpdir(), 'wxr-'))
    const text = readFileSync(FIXTURE, 'utf8')
    const cut = text.indexOf('<title>Budget preview</title>')
    const broken = `${text.slice(0, cut)}<title>Budget <b>preview</title>${text.slice(cut + 29)}`
    const file = join(dir, 'broken.xml')
    writeFileSync(file, broken)
    const line = broken.slice(0, broken.indexOf('Budget <b>')).split('\n').length
    const { error } = await importFile(db, file)
    expect(error?.message).toMatch(new RegExp(`^Malformed XML at line ${line}, column \\d+`))
    const slugs = (await db.select().from(articles)).map((a) => a.slug)
    expect(slugs).toEqual(['municipal-vote', 'untitled-post-102', 'municipal-vote-2'])
    // Fixed, the file resumes: the rest lands and nothing earlier is doubled.
    await importFile(db)
    expect(await db.select().from(articles)).toHaveLength(8)
  })

  it('refuses a file that is not a WordPress export at once', async () => {
    const db = await freshDb()
    const dir = mkdtempSync(join(tmpdir(), 'wxr-'))
    const feed = join(dir, 'feed.xml')
    writeFileSync(feed, '<rss version="2.0"><channel><item><title>x</title></item></channel></rss>')
    expect((await importFile(db, feed)).error?.message).toMatch(/not a WordPress export/)
    const json = join(dir, 'ghost.json')
    writeFileSync(json, '{"db":[]}')
    expect((await importFile(db, json)).error?.message).toMatch(/This is a JSON file/)
  })
})
