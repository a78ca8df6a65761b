// The JSON export's sections, in import order: each reads its table in keyset batches, never whole.
import type { Db } from '../db/client'
import {
  type ExportArticle,
  listArticlesAfter,
  listViewsAfter,
} from '../db/queries/export-articles'
import {
  listAgencyFeedItemsAfter,
  listAgencyFeedsAfter,
  listImportMapAfter,
  listLegacyPathsAfter,
  listSectionEditionsAfter,
  listTagEditionsAfter,
} from '../db/queries/export-extras'
import {
  listAuthorsAfter,
  listBreakingAlertsAfter,
  listMediaAfter,
  listPagesAfter,
  listRelatedAfter,
  listRelatedPinsAfter,
  listSectionsAfter,
  listSiteStateAfter,
  listTagsAfter,
  listTrendingAfter,
  listUsersAfter,
} from '../db/queries/export-tables'
import { mediaPath } from '../lib/media-variants'
import { EXPORT_ARTICLE_BATCH, mapBatches, readInBatches } from './export-batches'

const byId = (row: { id: number }) => row.id
const itself = <T>(row: T) => row

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

/**
 * The JSON export's arrays, parents before children, so an importer can write each record as it
 * reads it: related lists and pins name other articles, so they come after every article.
 */
export const EXPORT_SECTIONS: readonly { name: string; read: Read }[] = [
  {
    name: 'siteState',
    read: (db) =>
      readInBatches(
        (a, n) => listSiteStateAfter(db, a, n),
        '',
        (r) => r.key,
      ),
  },
  { name: 'sections', read: (db) => readInBatches((a, n) => listSectionsAfter(db, a, n), 0, byId) },
  {
    name: 'sectionEditions',
    read: (db) =>
      readInBatches(
        (a, n) => listSectionEditionsAfter(db, a, n),
        { categoryId: 0, language: '' },
        itself,
      ),
  },
  { name: 'tags', read: (db) => readInBatches((a, n) => listTagsAfter(db, a, n), 0, byId) },
  {
    name: 'tagEditions',
    read: (db) =>
      readInBatches((a, n) => listTagEditionsAfter(db, a, n), { tagId: 0, language: '' }, itself),
  },
  { name: 'users', read: (db) => readInBatches((a, n) => listUsersAfter(db, a, n), 0, byId) },
  { name: 'authors', read: (db) => readInBatches((a, n) => listAuthorsAfter(db, a, n), 0, byId) },
  {
    name: 'media',
    read: (db) =>
      mapBatches(
        readInBatches((a, n) => listMediaAfter(db, a, n), 0, byId),
        (row) => ({
          ...row,
          url: mediaPath(row.key),
        }),
      ),
  },
  {
    name: 'pages',
    read: (db) => readInBatches((a, n) => listPagesAfter(db, a, n), 0, byId, EXPORT_ARTICLE_BATCH),
  },
  {
    name: 'articles',
    read: (db) =>
      mapBatches(
        readInBatches(
          (a: number, n) => listArticlesAfter(db, a, n),
          0,
          (r) => r.article.id,
          EXPORT_ARTICLE_BATCH,
        ),
        toArticleRecord,
      ),
  },
  {
    name: 'relatedPins',
    read: (db) =>
      readInBatches(
        (a, n) => listRelatedPinsAfter(db, a, n),
        { articleId: 0, position: -1 },
        itself,
      ),
  },
  {
    name: 'related',
    read: (db) =>
      readInBatches((a, n) => listRelatedAfter(db, a, n), { articleId: 0, rank: -1 }, itself),
  },
  {
    name: 'trending',
    read: (db) =>
      readInBatches(
        (a, n) => listTrendingAfter(db, a, n),
        -1,
        (r) => r.rank,
      ),
  },
  {
    name: 'views',
    read: (db) =>
      readInBatches((a, n) => listViewsAfter(db, a, n), { day: '', articleId: 0 }, itself),
  },
  {
    name: 'breakingAlerts',
    read: (db) => readInBatches((a, n) => listBreakingAlertsAfter(db, a, n), 0, byId),
  },
  {
    name: 'agencyFeeds',
    read: (db) => readInBatches((a, n) => listAgencyFeedsAfter(db, a, n), 0, byId),
  },
  {
    name: 'agencyFeedItems',
    read: (db) =>
      readInBatches(
        (a, n) => listAgencyFeedItemsAfter(db, a, n),
        { source: '', itemKey: '' },
        itself,
      ),
  },
  {
    name: 'importMap',
    read: (db) =>
      readInBatches(
        (a, n) => listImportMapAfter(db, a, n),
        { source: '', kind: '', sourceId: '' },
        itself,
      ),
  },
  {
    name: 'legacyPaths',
    read: (db) =>
      readInBatches(
        (a, n) => listLegacyPathsAfter(db, a, n),
        '',
        (r) => r.path,
      ),
  },
]
