// The JSON export of the seeded site, restored into an empty database, gives the same site back.
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { readExportFile } from '../../../src/cli/import/bulletin-reader'
import { restoreExport } from '../../../src/cli/import/bulletin-restore'
import { ImportReport } from '../../../src/cli/import/report'
import { REFERENCE_SLUG } from '../../../src/cli/seed/reference-article'
import type { Db } from '../../../src/db/client'
import { articles, corrections, slugRedirects } from '../../../src/db/schema'
import { streamJsonExport } from '../../../src/services/export-json'
import { renderMarkdown } from '../../../src/services/markdown'
import { createSite, NOW, type Site } from './sites'

const CORRECTION = 'An earlier version misdated the **last** call.'
const SITE = { name: 'Bulletin', tagline: '', url: undefined, language: 'en', timeZone: 'UTC' }

async function exportTo(site: Site): Promise<string> {
  const file = join(site.dir, 'export.json')
  await pipeline(
    Readable.from(streamJsonExport(site.db, { site: SITE, now: new Date(NOW) })),
    createWriteStream(file),
  )
  return file
}

async function restoreInto(db: Db, file: string) {
  const report = new ImportReport()
  await restoreExport(db, readExportFile(file), { dryRun: false, report })
  return report
}

/** The parts of the article page a reader sees, as text. */
async function readArticlePage(site: Site, path: string) {
  const response = await site.render(path)
  expect(response.status).toBe(200)
  const page = parse(await response.text())
  const texts = (selector: string) =>
    page.querySelectorAll(selector).map((node) => node.text.trim())
  return {
    title: texts('h1'),
    byline: texts('.article__byline'),
    body: texts('.article__body p'),
    tags: texts('.article__tags a'),
    comments: texts('.comments__list > li.comment'),
    commentCount: texts('.comments__count'),
    article: texts('main article'),
  }
}

/** Gives the reference article a correction and an old slug, so the trip carries those too. */
async function addHistory(db: Db): Promise<number> {
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.slug, REFERENCE_SLUG))
  const articleId = row?.id as number
  await db.insert(corrections).values({
    articleId,
    bodyMd: CORRECTION,
    // As the corrections service stores it: rendered once, at save time.
    bodyHtml: renderMarkdown(CORRECTION),
    correctedAt: new Date(NOW - 3_600_000),
  })
  await db.insert(slugRedirects).values({ oldSlug: 'putin-macron-call', articleId })
  return articleId
}

describe('the Bulletin round trip', () => {
  it('renders the same reference article page, comments and tags included, after export and import', async () => {
    const source = await createSite()
    await addHistory(source.db)
    const file = await exportTo(source)
    const target = await createSite({ empty: true })
    const report = await restoreInto(target.db, file)
    expect(report.count('skipped')).toBe(0)

    const before = await readArticlePage(source, `/news/${REFERENCE_SLUG}`)
    const after = await readArticlePage(target, `/news/${REFERENCE_SLUG}`)
    expect(before.comments.length).toBeGreaterThan(5)
    expect(before.tags.length).toBeGreaterThan(1)
    expect(before.body.length).toBeGreaterThan(3)
    expect(before.article.join(' ')).toContain('misdated the last call')
    expect(after).toEqual(before)
  })

  it('keeps old slugs answering with a redirect to the article', async () => {
    const source = await createSite()
    await addHistory(source.db)
    const target = await createSite({ empty: true })
    await restoreInto(target.db, await exportTo(source))
    const response = await target.render('/news/putin-macron-call')
    expect(response.status).toBe(301)
    expect(new URL(response.headers.get('location') ?? '', 'http://bulletin.test').pathname).toBe(
      `/news/${REFERENCE_SLUG}`,
    )
  })

  it('refuses to import into a database that already has content, and writes nothing', async () => {
    const source = await createSite()
    const file = await exportTo(source)
    const target = await createSite()
    const before = await target.db.$count(articles)
    await expect(restoreInto(target.db, file)).rejects.toThrow(
      /already has articles.*empty database/,
    )
    expect(await target.db.$count(articles)).toBe(before)
  })

  it('with --dry-run, reads and reports every record but writes nothing', async () => {
    const source = await createSite()
    const file = await exportTo(source)
    const target = await createSite({ empty: true })
    const report = new ImportReport()
    await restoreExport(target.db, readExportFile(file), { dryRun: true, report })
    expect(report.summary().imported.articles).toBe(await source.db.$count(articles))
    expect(await target.db.$count(articles)).toBe(0)
  })
})
