// The media library's rows: looked up by key, hash or id, listed newest first, changed and deleted.
import { desc, eq, like, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, media, users } from '../schema'
import { type AuditEntry, insertAuditQuery } from './audit'

export type MediaRow = typeof media.$inferSelect
export type NewMedia = typeof media.$inferInsert

export interface MediaListItem extends MediaRow {
  uploaderName: string | null
}

export interface MediaUse {
  id: number
  slug: string
  title: string
  status: string
  /** `hero` for the article's lead image, `body` for an image in its Markdown. */
  place: 'hero' | 'body'
}

export const MEDIA_PAGE_SIZE = 24

export async function findMediaByHash(db: Db, contentHash: string): Promise<MediaRow | null> {
  const [row] = await db.select().from(media).where(eq(media.contentHash, contentHash)).limit(1)
  return row ?? null
}

export async function findMediaByKey(db: Db, key: string): Promise<MediaRow | null> {
  const [row] = await db.select().from(media).where(eq(media.key, key)).limit(1)
  return row ?? null
}

export async function findMediaById(db: Db, id: number): Promise<MediaRow | null> {
  const [row] = await db.select().from(media).where(eq(media.id, id)).limit(1)
  return row ?? null
}

/**
 * Inserts the row and its audit entry in one batch. A row with the same hash stored meanwhile wins
 * (null is returned), so a race of two identical uploads still leaves one row.
 */
export async function insertMedia(
  db: Db,
  row: NewMedia,
  audit: Omit<AuditEntry, 'targetId'>,
): Promise<MediaRow | null> {
  const [inserted] = await db.batch([
    db.insert(media).values(row).onConflictDoNothing().returning(),
    insertAuditQuery(db, [
      { ...audit, targetId: sql`(select id from ${media} where ${media.key} = ${row.key})` },
    ]),
  ])
  return inserted[0] ?? null
}

/** The newest uploads, all of them or one uploader's. */
export async function listMedia(
  db: Db,
  options: { uploadedBy?: number; page: number },
): Promise<MediaListItem[]> {
  const rows = await db
    .select({ media, uploaderName: users.name })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(options.uploadedBy === undefined ? undefined : eq(media.uploadedBy, options.uploadedBy))
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(MEDIA_PAGE_SIZE + 1)
    .offset((options.page - 1) * MEDIA_PAGE_SIZE)
  return rows.map((row) => ({ ...row.media, uploaderName: row.uploaderName }))
}

export async function updateMediaText(
  db: Db,
  id: number,
  text: { alt: string; caption: string; credit: string },
  audit: AuditEntry,
  now: Date,
): Promise<void> {
  await db.batch([
    db
      .update(media)
      .set({ ...text, updatedAt: now })
      .where(eq(media.id, id)),
    insertAuditQuery(db, [audit], now),
  ])
}

export async function deleteMediaRow(db: Db, id: number, audit: AuditEntry): Promise<void> {
  await db.batch([db.delete(media).where(eq(media.id, id)), insertAuditQuery(db, [audit])])
}

/**
 * Articles that show the image, as a hero (`/media/<key>`) or in their Markdown. Read on demand
 * (deleting, the image's own page), so no per-article bookkeeping can drift from the text.
 */
export async function listMediaUses(db: Db, key: string): Promise<MediaUse[]> {
  const path = `/media/${key}`
  const hero = or(eq(articles.imageUrl, path), like(articles.imageUrl, `${path}/%`))
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      isHero: sql<number>`coalesce(${hero}, 0)`,
    })
    .from(articles)
    .where(or(hero, like(articles.bodyMd, `%${path}%`)))
    .orderBy(desc(articles.id))
    .limit(50)
  return rows.map(({ isHero, ...row }) => ({ ...row, place: isHero ? 'hero' : 'body' }))
}

/** A published or scheduled article would show a hole where the image was. */
export function blocksDeletion(use: Pick<MediaUse, 'status'>): boolean {
  return use.status === 'published' || use.status === 'scheduled'
}
