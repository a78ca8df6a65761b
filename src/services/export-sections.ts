// The JSON export's sections, in import order: each reads its table in keyset batches, never whole.
import type { Db } from '../db/client'
import type { ExportArticle } from '../db/queries/export-articles'
import { EXPORT_TABLES } from '../db/queries/export-tables'
import { mediaPath } from '../lib/media-variants'
import { mapBatches, readArticles, readPages, readTable } from './export-batches'

/** An article as the JSON export writes it: its row, then what hangs off it. */
export function toArticleRecord({ article, tags, authors, ...rest }: ExportArticle) {
  return {
    ...article,
    tags: tags.map((tag) => tag.id),
    authors: authors.map((author) => author.id),
    ...rest,
  }
}

type Read = (db: Db) => AsyncGenerator<unknown[]>

/** A section that is one table's rows as stored (`never`: any table's rows, written unread). */
const table = (name: keyof typeof EXPORT_TABLES): { name: string; read: Read } => ({
  name,
  read: (db) => readTable<never>(db, EXPORT_TABLES[name]),
})

/**
 * The JSON export's arrays, parents before children, so an importer can write each record as it
 * reads it: related lists and pins name other articles, so they come after every article.
 */
export const EXPORT_SECTIONS: readonly { name: string; read: Read }[] = [
  table('siteState'),
  table('sections'),
  table('sectionEditions'),
  table('tags'),
  table('tagEditions'),
  table('users'),
  table('authors'),
  {
    name: 'media',
    read: (db) =>
      mapBatches(readTable(db, EXPORT_TABLES.media), (row) => ({
        ...row,
        url: mediaPath(row.key),
      })),
  },
  { name: 'pages', read: readPages },
  { name: 'articles', read: (db) => mapBatches(readArticles(db), toArticleRecord) },
  table('relatedPins'),
  table('related'),
  table('trending'),
  table('views'),
  table('breakingAlerts'),
  table('agencyFeeds'),
  table('agencyFeedItems'),
  table('importMap'),
  table('legacyPaths'),
]
