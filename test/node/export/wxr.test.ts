// WXR export: escaping that survives any text, WordPress's dates and words, read back by a parser.
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { comments } from '../../../src/db/schema'
import { streamWxrExport } from '../../../src/services/export-wxr'
import { cdata, wpDate } from '../../../src/services/export-wxr-xml'
import { addArticle, addCategory, addTag, freshDb } from '../db/fresh-db'

const SITE = {
  name: 'Bulletin',
  tagline: 'News',
  url: 'https://news.example',
  language: 'en',
  timeZone: 'Asia/Beirut',
}

async function exportWxr(db: Awaited<ReturnType<typeof freshDb>>): Promise<string> {
  let text = ''
  for await (const chunk of streamWxrExport(db, { site: SITE, now: new Date() })) text += chunk
  return text
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'wp:comment', 'category'].includes(name),
})

describe('the WXR export', () => {
  it('splits "]]>" across CDATA sections, so any text reads back as written', () => {
    const text = 'a]]>b]]]]>c'
    expect(parser.parse(`<x>${cdata(text)}</x>`).x).toBe(text)
  })

  it('carries titles and bodies with CDATA terminators, markup and control characters intact', async () => {
    const db = await freshDb()
    const section = await addCategory(db, 'world')
    const tag = await addTag(db, 'Q&A <live>')
    const title = 'Ends ]]> here & <b>not bold</b>\u0001'
    const id = await addArticle(db, {
      slug: 'odd',
      title,
      categoryId: section,
      publishedAt: Date.parse('2026-07-01T21:30:05Z'),
      tagIds: [tag],
    })
    await db.insert(comments).values([
      {
        id: 1,
        articleId: id,
        authorName: 'A ]]>',
        body: 'First',
        status: 'approved',
        ipHash: 'h',
        idempotencyKey: 'k1',
      },
      {
        id: 2,
        articleId: id,
        parentId: 1,
        authorName: 'B',
        body: 'Reply',
        status: 'spam',
        ipHash: 'h',
        idempotencyKey: 'k2',
      },
    ])
    const channel = parser.parse(await exportWxr(db)).rss.channel
    const [item] = channel.item
    expect(item.title).toBe('Ends ]]> here & <b>not bold</b>')
    expect(item['wp:post_date']).toBe('2026-07-02 00:30:05')
    expect(item['wp:post_date_gmt']).toBe('2026-07-01 21:30:05')
    expect(item.link).toBe('https://news.example/news/odd')
    expect(
      item.category.map((term: Record<string, string>) => [term['@_domain'], term['#text']]),
    ).toEqual([
      ['category', 'world'],
      ['post_tag', 'Q&A <live>'],
    ])
    const [first, reply] = item['wp:comment']
    expect([
      first['wp:comment_author'],
      first['wp:comment_approved'],
      first['wp:comment_parent'],
    ]).toEqual(['A ]]>', '1', '0'])
    expect([reply['wp:comment_approved'], reply['wp:comment_parent']]).toEqual(['spam', '1'])
  })

  it('writes WordPress dates in the site zone and in UTC', () => {
    const date = new Date('2026-01-15T23:05:09Z')
    expect(wpDate(date, 'Asia/Beirut')).toBe('2026-01-16 01:05:09')
    expect(wpDate(date)).toBe('2026-01-15 23:05:09')
    expect(wpDate(null)).toBe('0000-00-00 00:00:00')
  })
})
