// Turns each record of a Bulletin export into the rows it restores, table by table, parents first.
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { toTableRow } from '../../db/queries/export-restore'
import {
  agencyFeedItems,
  agencyFeeds,
  articleAuthors,
  articleRevisions,
  articles,
  articleTags,
  articleViews,
  authors,
  breakingAlerts,
  categories,
  categoryEditions,
  comments,
  corrections,
  importMap,
  legacyPaths,
  liveBlogs,
  liveUpdates,
  media,
  pageRevisions,
  pages,
  relatedArticles,
  relatedPins,
  siteState,
  slugRedirects,
  tagEditions,
  tags,
  trendingArticles,
  users,
} from '../../db/schema'
import { MarkdownLimitError, renderMarkdown } from '../../services/markdown'

/** Every table a restore writes, in the order a batch must write them so parents come first. */
export const RESTORE_ORDER: readonly SQLiteTable[] = [
  siteState,
  categories,
  categoryEditions,
  tags,
  tagEditions,
  users,
  authors,
  media,
  pages,
  pageRevisions,
  articles,
  liveBlogs,
  articleTags,
  articleAuthors,
  articleRevisions,
  comments,
  corrections,
  slugRedirects,
  liveUpdates,
  relatedPins,
  relatedArticles,
  trendingArticles,
  articleViews,
  breakingAlerts,
  agencyFeeds,
  agencyFeedItems,
  importMap,
  legacyPaths,
]

export type RestoredRow = [SQLiteTable, Record<string, unknown>]
type Rec = Record<string, unknown>
/** Notes something about the record being restored in the report. */
export type Warn = (why: string) => void

/** Published counts are kept by triggers as articles arrive; copying them would count twice. */
const COUNTS = ['publishedCount']

/**
 * HTML is never trusted from a file: it is rendered again from the Markdown by the same sanitising
 * renderer a save uses, so a hand-edited export cannot put markup in front of readers.
 */
export function renderStored(markdown: unknown, warn: Warn): string {
  try {
    return renderMarkdown(typeof markdown === 'string' ? markdown : '')
  } catch (error) {
    if (!(error instanceof MarkdownLimitError)) throw error
    // Kept as Markdown, shown empty until an editor trims it and saves: never unsanitised.
    warn(`Markdown past the renderer's limits, left unrendered (${error.message})`)
    return ''
  }
}

const list = (value: unknown): Rec[] => (Array.isArray(value) ? (value as Rec[]) : [])
const plain =
  (table: SQLiteTable, omit: string[] = []) =>
  (record: Rec): RestoredRow[] => [[table, toTableRow(table, record, omit)]]

function restoreArticle(record: Rec, warn: Warn): RestoredRow[] {
  const articleId = record.id
  const rows: RestoredRow[] = [
    [articles, { ...toTableRow(articles, record), bodyHtml: renderStored(record.bodyMd, warn) }],
  ]
  const live = record.live as Rec | null | undefined
  if (live) rows.push([liveBlogs, toTableRow(liveBlogs, { ...live, articleId })])
  list(record.tags).forEach((tagId) => {
    rows.push([articleTags, { articleId, tagId }])
  })
  list(record.authors).forEach((authorId, position) => {
    rows.push([articleAuthors, { articleId, authorId, position }])
  })
  for (const revision of list(record.revisions))
    rows.push([articleRevisions, toTableRow(articleRevisions, revision)])
  for (const comment of list(record.comments)) {
    // The poster's IP hash never leaves a site; an imported comment has none.
    const row = toTableRow(comments, { ...comment, ipHash: '' })
    rows.push([comments, { idempotencyKey: `import-${comment.id}`, ...row }])
  }
  for (const correction of list(record.corrections)) {
    rows.push([
      corrections,
      { ...toTableRow(corrections, correction), bodyHtml: renderStored(correction.bodyMd, warn) },
    ])
  }
  for (const redirect of list(record.redirects))
    rows.push([slugRedirects, toTableRow(slugRedirects, redirect)])
  for (const update of list(live?.updates)) {
    rows.push([
      liveUpdates,
      { ...toTableRow(liveUpdates, update), bodyHtml: renderStored(update.bodyMd, warn) },
    ])
  }
  return rows
}

/** Each section of the format (README "Export") and the rows one of its records becomes. */
export const RESTORERS: Record<string, (record: Rec, warn: Warn) => RestoredRow[]> = {
  siteState: plain(siteState),
  sections: plain(categories, COUNTS),
  sectionEditions: plain(categoryEditions, COUNTS),
  tags: plain(tags, COUNTS),
  tagEditions: plain(tagEditions, COUNTS),
  // Password hashes never leave a site: an imported account cannot sign in until one is set.
  users: (record) => [[users, { ...toTableRow(users, record), passwordHash: '' }]],
  authors: (record, warn) => [
    [authors, { ...toTableRow(authors, record), bioHtml: renderStored(record.bioMd, warn) }],
  ],
  media: plain(media),
  pages: (record, warn) => [
    [pages, { ...toTableRow(pages, record), bodyHtml: renderStored(record.bodyMd, warn) }],
    ...list(record.revisions).map(
      (revision): RestoredRow => [pageRevisions, toTableRow(pageRevisions, revision)],
    ),
  ],
  articles: restoreArticle,
  relatedPins: plain(relatedPins),
  related: plain(relatedArticles),
  trending: plain(trendingArticles),
  views: plain(articleViews),
  breakingAlerts: plain(breakingAlerts),
  agencyFeeds: plain(agencyFeeds),
  agencyFeedItems: plain(agencyFeedItems),
  importMap: plain(importMap),
  legacyPaths: plain(legacyPaths),
}

/** A short label for the report: `article 12 "Title"`. */
export function labelOf(section: string, record: Rec): string {
  const id = record.id ?? record.key ?? record.path ?? ''
  const name = record.title ?? record.name ?? record.slug
  return `${section} ${String(id)}${typeof name === 'string' ? ` "${name.slice(0, 60)}"` : ''}`.trim()
}
