// Order in a WXR file: attachments after their posts, and worker threads that must keep file order.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../src/cli/import'
import type { Db } from '../../../src/db/client'
import { articles, importMap } from '../../../src/db/schema'
import { freshDb } from '../db/fresh-db'

const NOW = Date.UTC(2026, 10, 30)
const MISSING = 'featured image not found in the file'

function post(id: number, thumbnail: number, body = `<p>Story ${id}.</p>`) {
  return `<item><title>Story ${id}</title><link>https://late.example/story-${id}/</link>
<dc:creator><![CDATA[rana]]></dc:creator><content:encoded><![CDATA[${body}]]></content:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date_gmt><![CDATA[2025-03-0${id % 9} 08:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[story-${id}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${thumbnail}]]></wp:meta_value></wp:postmeta>
<category domain="category" nicename="news"><![CDATA[News]]></category></item>`
}

function attachment(id: number, parent: number) {
  return `<item><title>Photo ${id}</title><wp:post_id>${id}</wp:post_id><wp:status><![CDATA[inherit]]></wp:status>
<wp:post_parent>${parent}</wp:post_parent><wp:post_type><![CDATA[attachment]]></wp:post_type>
<wp:attachment_url><![CDATA[https://late.example/wp-content/uploads/photo-${id}.jpg]]></wp:attachment_url></item>`
}

/** A WXR file of `items`, written to a fresh temporary folder. */
function wxr(items: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'import-order-')), 'export.xml')
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://late.example</wp:base_site_url>
<wp:author><wp:author_login><![CDATA[rana]]></wp:author_login><wp:author_display_name><![CDATA[Rana]]></wp:author_display_name></wp:author>
${items.join('\n')}
</channel></rss>`,
  )
  return file
}

async function heroes(db: Db) {
  const rows = await db.select().from(articles).orderBy(asc(articles.slug))
  return Object.fromEntries(rows.map((a) => [a.slug, a.imageUrl]))
}

describe('the WordPress import and the order of the file', () => {
  it('sets a featured image whose attachment comes after its post, and reports one never found', async () => {
    const db = await freshDb()
    const file = wxr([post(1, 50), post(2, 99), attachment(50, 1)])
    const { report, error } = await runImport(db, { source: 'wordpress', file, now: NOW })
    expect(error).toBeUndefined()
    expect(await heroes(db)).toEqual({
      'story-1': 'https://late.example/wp-content/uploads/photo-50.jpg',
      'story-2': null,
    })
    expect(report.summary().warned[MISSING]).toBe(1)
    const again = await runImport(db, { source: 'wordpress', file, now: NOW })
    expect(again.report.summary().imported).toEqual({})
    expect(again.report.summary().updated).toEqual({})
    expect(await heroes(db)).toEqual({
      'story-1': 'https://late.example/wp-content/uploads/photo-50.jpg',
      'story-2': null,
    })
  })

  it('sets the late featured image of a post an interrupted run wrote, when the run resumes', async () => {
    const db = await freshDb()
    // The first run stopped before the attachment: the post is written, without its hero.
    await runImport(db, { source: 'wordpress', file: wxr([post(1, 50)]), now: NOW })
    expect(await heroes(db)).toEqual({ 'story-1': null })
    const file = wxr([post(1, 50), attachment(50, 1)])
    const { report } = await runImport(db, { source: 'wordpress', file, now: NOW })
    // The post itself is unchanged: skipped, and only its featured image is set.
    expect(report.summary().imported.articles).toBeUndefined()
    expect(report.summary().updated).toEqual({})
    expect(await heroes(db)).toEqual({
      'story-1': 'https://late.example/wp-content/uploads/photo-50.jpg',
    })
  })

  it('reports the same late featured image on a dry run and writes nothing', async () => {
    const db = await freshDb()
    const file = wxr([post(1, 50), post(2, 99), attachment(50, 1)])
    const { report } = await runImport(db, { source: 'wordpress', file, now: NOW, dryRun: true })
    expect(report.summary().warned[MISSING]).toBe(1)
    expect(await db.select().from(articles)).toEqual([])
  })

  it('writes the same rows and report with conversion on worker threads as on the main thread', async () => {
    // Several chunks over two workers, with attachments in between: a gallery sees only those
    // before its post, as a single pass would.
    const items = Array.from({ length: 80 }, (_, i) => {
      const id = i + 1
      const gallery = `<p>Story ${id}, <em>with</em> a gallery:</p>\n[gallery ids="501,502"]`
      const withAttachment =
        id === 30 ? [attachment(501, 1)] : id === 55 ? [attachment(502, 2)] : []
      return [post(id, id % 2 ? 501 : 502, gallery), ...withAttachment]
    })
    const file = wxr(items.flat())
    const snapshot = async (workers: number) => {
      const db = await freshDb()
      const { report, error } = await runImport(db, {
        source: 'wordpress',
        file,
        now: NOW,
        workers,
      })
      expect(error).toBeUndefined()
      return {
        report: report.summary(),
        articles: await db.select().from(articles).orderBy(asc(articles.id)),
        map: await db.select().from(importMap).orderBy(asc(importMap.sourceId)),
      }
    }
    const inline = await snapshot(0)
    expect(inline.articles).toHaveLength(80)
    const bodies = inline.articles.map((a) => a.bodyMd.match(/photo-50\d/g)?.length ?? 0)
    // Posts 30 and 55 come just before attachments 501 and 502.
    expect([bodies[29], bodies[30], bodies[54], bodies[55]]).toEqual([0, 1, 1, 2])
    expect(await snapshot(2)).toEqual(inline)
  }, 60_000)
})
