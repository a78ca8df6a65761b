// The WXR 1.2 export (WordPress's own format), streamed: channel and terms first, then each item.
import type { Db } from '../db/client'
import { findLastArticleId } from '../db/queries/export-articles'
import { EXPORT_TABLES } from '../db/queries/export-tables'
import { escapeXmlAttribute } from '../lib/xml'
import { readArticles, readPages, readTable } from './export-batches'
import type { ExportOptions } from './export-json'
import { renderArticleItem, renderPageItem, type WxrContext } from './export-wxr-items'
import { tag } from './export-wxr-xml'

const NAMESPACES = {
  'xmlns:excerpt': 'http://wordpress.org/export/1.2/excerpt/',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:wfw': 'http://wellformedweb.org/CommentAPI/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:wp': 'http://wordpress.org/export/1.2/',
}

/** Yields the WXR document in chunks: one per batch of rows, so memory stays flat. */
export async function* streamWxrExport(
  db: Db,
  { site, now }: ExportOptions,
): AsyncGenerator<string> {
  const origin = site.url ?? ''
  const namespaces = Object.entries(NAMESPACES)
    .map(([name, uri]) => `\n\t${name}="${escapeXmlAttribute(uri)}"`)
    .join('')
  yield `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"${namespaces}\n>\n<channel>\n`
  yield [
    tag('title', site.name),
    tag('link', origin),
    tag('description', site.tagline),
    tag('pubDate', now.toUTCString()),
    tag('language', site.language),
    tag('wp:wxr_version', '1.2'),
    tag('wp:base_site_url', origin),
    tag('wp:base_blog_url', origin),
    '',
  ].join('\n')
  // Byline profiles are WordPress's authors; items name them by login (their slug).
  for await (const authors of readTable(db, EXPORT_TABLES.authors)) {
    yield authors
      .map((author) =>
        [
          '<wp:author>',
          tag('wp:author_id', author.id),
          tag('wp:author_login', author.slug, true),
          tag('wp:author_email', '', true),
          tag('wp:author_display_name', author.name, true),
          tag('wp:author_first_name', '', true),
          tag('wp:author_last_name', '', true),
          '</wp:author>\n',
        ].join(''),
      )
      .join('')
  }
  const sections = new Map<number, { slug: string; name: string }>()
  for await (const rows of readTable(db, EXPORT_TABLES.sections)) {
    for (const row of rows) sections.set(row.id, { slug: row.slug, name: row.name })
    yield rows
      .map((row) =>
        [
          '<wp:category>',
          tag('wp:term_id', row.id),
          tag('wp:category_nicename', row.slug, true),
          tag('wp:category_parent', '', true),
          tag('wp:cat_name', row.name, true),
          tag('wp:category_description', row.description, true),
          '</wp:category>\n',
        ].join(''),
      )
      .join('')
  }
  // Term ids are shared by categories and tags in WordPress; tags follow the sections.
  const tagIdOffset = Math.max(0, ...sections.keys())
  for await (const rows of readTable(db, EXPORT_TABLES.tags)) {
    yield rows
      .map((row) =>
        [
          '<wp:tag>',
          tag('wp:term_id', row.id + tagIdOffset),
          tag('wp:tag_slug', row.slug, true),
          tag('wp:tag_name', row.name, true),
          '</wp:tag>\n',
        ].join(''),
      )
      .join('')
  }
  const context: WxrContext = {
    origin,
    timeZone: site.timeZone,
    sections,
    pageIdOffset: await findLastArticleId(db),
  }
  for await (const rows of readArticles(db)) {
    yield `${rows.map((row) => renderArticleItem(row, context)).join('\n')}\n`
  }
  for await (const rows of readPages(db)) {
    yield `${rows.map((row) => renderPageItem(row, context)).join('\n')}\n`
  }
  yield '</channel>\n</rss>\n'
}
