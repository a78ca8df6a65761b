// Corrections and clarifications: the notes on one article, and the site-wide /corrections list.
import { asc, count, desc, eq, inArray, type SQLWrapper } from 'drizzle-orm'
import type { CorrectionKind, CorrectionPlacement } from '../../lib/trust-vocabulary'
import type { Db } from '../client'
import { articles, corrections, siteState } from '../schema'
import { isPublicRow } from './articles'
import { insertAuditQuery } from './audit'
import { type BreakingAlert, currentBreakingAlertQuery, pickBreakingAlert } from './breaking-alerts'
import { listCategoriesQuery, type NavigationItem } from './categories'
import { LAST_UPDATE_KEY, lastUpdateQuery, parseLastUpdate } from './site-state'

export const CORRECTIONS_PAGE_SIZE = 20

export interface CorrectionNote {
  id: number
  kind: CorrectionKind
  placement: CorrectionPlacement
  bodyHtml: string
  correctedAt: Date
}

/** A note as /corrections lists it: with the story it belongs to. */
export interface ListedCorrection extends CorrectionNote {
  articleId: number
  articleSlug: string
  articleTitle: string
}

export interface CorrectionsPageData {
  items: ListedCorrection[]
  total: number
  navigation: NavigationItem[]
  lastUpdateAt: Date | null
  /** The current breaking alert, read in the same batch (issue 21). */
  breakingAlert: BreakingAlert | null
}

const noteColumns = {
  id: corrections.id,
  kind: corrections.kind,
  placement: corrections.placement,
  bodyHtml: corrections.bodyHtml,
  correctedAt: corrections.correctedAt,
}

const listedColumns = {
  ...noteColumns,
  articleId: articles.id,
  articleSlug: articles.slug,
  articleTitle: articles.title,
}

/** The notes on the article(s) `ids` selects, oldest first, as a reader follows the story. */
export function articleCorrectionsQuery(db: Db, ids: SQLWrapper) {
  return db
    .select(noteColumns)
    .from(corrections)
    .where(inArray(corrections.articleId, ids))
    .orderBy(asc(corrections.correctedAt), asc(corrections.id))
}

/** One page (1-based) of notes on published stories, newest first, with the chrome: one batch. */
export async function loadCorrectionsPage(db: Db, page: number): Promise<CorrectionsPageData> {
  const [items, total, navigation, lastUpdate, breaking] = await db.batch([
    listedCorrectionsQuery(db, CORRECTIONS_PAGE_SIZE, (page - 1) * CORRECTIONS_PAGE_SIZE),
    db
      .select({ total: count() })
      .from(corrections)
      .innerJoin(articles, eq(articles.id, corrections.articleId))
      .where(isPublicRow),
    listCategoriesQuery(db),
    lastUpdateQuery(db),
    currentBreakingAlertQuery(db),
  ])
  return {
    items,
    total: total[0]?.total ?? 0,
    navigation,
    lastUpdateAt: parseLastUpdate(lastUpdate),
    breakingAlert: pickBreakingAlert(breaking),
  }
}

/** The newest notes on published stories, for the corrections feed. */
export function listRecentCorrections(db: Db, limit: number): Promise<ListedCorrection[]> {
  return listedCorrectionsQuery(db, limit, 0)
}

/**
 * Driven by the notes, newest first, each story looked up by id: with `isPublic` SQLite would walk
 * every published story of the archive to find the few that carry a note.
 */
function listedCorrectionsQuery(db: Db, limit: number, offset: number) {
  return db
    .select(listedColumns)
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(isPublicRow)
    .orderBy(desc(corrections.correctedAt), desc(corrections.id))
    .limit(limit)
    .offset(offset)
}

export interface NewCorrection {
  articleId: number
  kind: CorrectionKind
  placement: CorrectionPlacement
  bodyMd: string
  bodyHtml: string
  correctedAt: Date
  editorId: number | null
}

/**
 * Adds the note, moves the article's `updated_at` and the footer's last-update stamp to its date,
 * and records who did it, in one batch (all or nothing): the "Updated" line, `dateModified`, the
 * feeds' <updated> and "Last update" all follow.
 * The caller has checked that the story is published.
 */
export async function insertCorrection(db: Db, note: NewCorrection): Promise<number> {
  const [, inserted] = await db.batch([
    db.update(articles).set({ updatedAt: note.correctedAt }).where(eq(articles.id, note.articleId)),
    db.insert(corrections).values(note).returning({ id: corrections.id }),
    db
      .insert(siteState)
      .values({
        key: LAST_UPDATE_KEY,
        value: note.correctedAt.toISOString(),
        updatedAt: note.correctedAt,
      })
      .onConflictDoUpdate({
        target: siteState.key,
        set: { value: note.correctedAt.toISOString(), updatedAt: note.correctedAt },
      }),
    insertAuditQuery(
      db,
      [
        {
          userId: note.editorId,
          action: `article.${note.kind}`,
          targetType: 'article',
          targetId: note.articleId,
          detail: { placement: note.placement },
        },
      ],
      note.correctedAt,
    ),
  ])
  const id = inserted[0]?.id
  if (id === undefined) throw new Error('The correction was not stored')
  return id
}

/** The article a note is being added to, with the notes it has: one batch. */
export async function loadCorrectionEditor(db: Db, articleId: number) {
  const [found, notes] = await db.batch([
    db
      .select({
        id: articles.id,
        title: articles.title,
        slug: articles.slug,
        status: articles.status,
      })
      .from(articles)
      .where(eq(articles.id, articleId)),
    db
      .select(noteColumns)
      .from(corrections)
      .where(eq(corrections.articleId, articleId))
      .orderBy(asc(corrections.correctedAt), asc(corrections.id)),
  ])
  const article = found[0]
  return article ? { article, notes } : null
}
