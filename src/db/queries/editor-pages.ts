// Newsroom page queries: the list in footer order, one page, saves that keep a revision, the footer.
import { asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { pageRevisions, pages } from '../schema'
import { type AuditEntry, insertAuditQuery } from './audit'

export type PageRecord = typeof pages.$inferSelect
export type PageWrite = Omit<typeof pages.$inferInsert, 'id' | 'createdAt'>

export interface PageListItem {
  id: number
  slug: string
  title: string
  status: string
  footerPosition: number | null
  updatedAt: Date
  revisions: number
}

export function listPagesForEditor(db: Db): Promise<PageListItem[]> {
  return db
    .select({
      id: pages.id,
      slug: pages.slug,
      title: pages.title,
      status: pages.status,
      footerPosition: pages.footerPosition,
      updatedAt: pages.updatedAt,
      revisions: sql<number>`(select count(*) from ${pageRevisions} where ${pageRevisions.pageId} = ${pages.id})`,
    })
    .from(pages)
    .orderBy(sql`${pages.footerPosition} is null`, asc(pages.footerPosition), asc(pages.title))
}

export async function findPage(db: Db, id: number): Promise<PageRecord | null> {
  const [row] = await db.select().from(pages).where(eq(pages.id, id))
  return row ?? null
}

export async function isPageSlugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  const [row] = await db.select({ id: pages.id }).from(pages).where(eq(pages.slug, slug))
  return row !== undefined && row.id !== exceptId
}

export async function insertPage(db: Db, row: PageWrite, audit: AuditEntry): Promise<number> {
  const [inserted] = await db.batch([
    db.insert(pages).values(row).returning({ id: pages.id }),
    insertAuditQuery(db, [{ ...audit, targetId: sql`(select max(id) from ${pages})` }]),
  ])
  const id = inserted[0]?.id
  if (id === undefined) throw new Error('The page was not stored')
  return id
}

/** Saves a page and keeps the version it replaced as a revision, in one batch. */
export async function updatePage(
  db: Db,
  current: PageRecord,
  row: Partial<PageWrite>,
  editorId: number,
  audit: AuditEntry,
) {
  await db.batch([
    db.insert(pageRevisions).values({
      pageId: current.id,
      slug: current.slug,
      title: current.title,
      summary: current.summary,
      bodyMd: current.bodyMd,
      editorId,
    }),
    db.update(pages).set(row).where(eq(pages.id, current.id)),
    insertAuditQuery(db, [audit]),
  ])
}

/** Sets every listed page's footer place (null: not in the footer), in one batch. */
export async function setFooterPositions(
  db: Db,
  positions: { id: number; position: number | null }[],
  audit: AuditEntry,
) {
  await db.batch([
    insertAuditQuery(db, [audit]),
    ...positions.map(({ id, position }) =>
      db.update(pages).set({ footerPosition: position }).where(eq(pages.id, id)),
    ),
  ])
}
