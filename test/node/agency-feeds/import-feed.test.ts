// `npm run import -- feed FILE`: a feed file lands once as drafts, through the same ingest as the cron.
import { fileURLToPath } from 'node:url'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../src/cli/import'
import { agencyFeedItems, articles, users } from '../../../src/db/schema'
import { addCategory, freshDb } from '../db/fresh-db'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/feeds/${name}`, import.meta.url))

async function siteWithAdmin() {
  const db = await freshDb()
  await addCategory(db, 'world')
  await db
    .insert(users)
    .values({ email: 'admin@newsroom.test', name: 'Admin', role: 'admin', passwordHash: 'x' })
  return db
}

describe('npm run import -- feed FILE', () => {
  it('lands each item as a draft with the agency byline and the source link as canonical credit', async () => {
    const db = await siteWithAdmin()
    const { report, error } = await runImport(db, { source: 'feed', file: fixture('wire-rss.xml') })
    expect(error).toBeUndefined()
    expect(report.count('imported')).toBe(2)
    const rows = await db.select().from(articles).orderBy(articles.id)
    expect(rows.map((row) => [row.title, row.status, row.byline, row.canonicalUrl])).toEqual([
      [
        'Markets open higher',
        'draft',
        'Staff, Agencies',
        'https://wire.example/2026/11/markets-open',
      ],
      [
        'Talks resume in Geneva – delegates arrive',
        'draft',
        'Staff, Agencies',
        'https://wire.example/2026/11/talks-resume',
      ],
    ])
    const geneva = rows[1]
    expect(geneva?.imageUrl).toBe('https://wire.example/photos/geneva.jpg')
    expect(geneva?.imageAlt).toBe('Delegates outside the Palais des Nations')
    expect(geneva?.bodyHtml).not.toMatch(/<script|<iframe|javascript:/)
  })

  it('changes nothing when the same file is imported again', async () => {
    const db = await siteWithAdmin()
    await runImport(db, { source: 'feed', file: fixture('wire-atom.xml') })
    const again = await runImport(db, { source: 'feed', file: fixture('wire-atom.xml') })
    expect(again.report.count('imported')).toBe(0)
    expect(again.report.count('skipped')).toBe(2)
    expect(await db.select().from(articles)).toHaveLength(2)
    expect(
      await db
        .select()
        .from(agencyFeedItems)
        .where(eq(agencyFeedItems.source, 'file:wire-atom.xml')),
    ).toHaveLength(2)
  })

  it('writes nothing on a dry run, and reports what it would do', async () => {
    const db = await siteWithAdmin()
    const { report } = await runImport(db, {
      source: 'feed',
      file: fixture('wire-rss.xml'),
      dryRun: true,
    })
    expect(report.count('imported')).toBe(2)
    expect(await db.select().from(articles)).toHaveLength(0)
  })

  it('stops at malformed XML with its line and column, writing nothing', async () => {
    const db = await siteWithAdmin()
    const { error } = await runImport(db, { source: 'feed', file: fixture('malformed.xml') })
    expect(error?.message).toMatch(/line 7, column 3/)
    expect(await db.select().from(articles)).toHaveLength(0)
  })
})
