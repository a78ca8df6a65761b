// Agency feed subscriptions: the newsroom list, what the cron finds due, and each poll's outcome.
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { agencyFeedItems, agencyFeeds, categories, users } from '../schema'
import { categoryOptionsQuery } from './editor-articles'

export type AgencyFeedMode = 'draft' | 'publish'

export interface AgencyFeedRow {
  id: number
  url: string
  categorySlug: string
  categoryName: string
  byline: string
  mode: AgencyFeedMode
  lastPolledAt: Date | null
  lastSucceededAt: Date | null
  failureCount: number
  nextAttemptAt: Date | null
  lastError: string | null
}

const feedColumns = {
  id: agencyFeeds.id,
  url: agencyFeeds.url,
  categorySlug: categories.slug,
  categoryName: categories.name,
  byline: agencyFeeds.byline,
  mode: agencyFeeds.mode,
  lastPolledAt: agencyFeeds.lastPolledAt,
  lastSucceededAt: agencyFeeds.lastSucceededAt,
  failureCount: agencyFeeds.failureCount,
  nextAttemptAt: agencyFeeds.nextAttemptAt,
  lastError: agencyFeeds.lastError,
}

/**
 * The newsroom page in one round trip: every subscription, oldest first, and the sections a new
 * one can file into, in the order the article form offers them.
 */
export async function loadAgencyFeedsPage(
  db: Db,
): Promise<{ feeds: AgencyFeedRow[]; sections: { slug: string; name: string }[] }> {
  const [feeds, sections] = await db.batch([
    db
      .select(feedColumns)
      .from(agencyFeeds)
      .innerJoin(categories, eq(categories.id, agencyFeeds.categoryId))
      .orderBy(asc(agencyFeeds.id)),
    categoryOptionsQuery(db),
  ])
  return { feeds, sections }
}

export interface DueAgencyFeed extends AgencyFeedRow {
  etag: string | null
  lastModified: string | null
  /** The subscriber, in whose name items are created; null when that account is gone. */
  owner: { id: number; email: string; name: string; role: 'admin' | 'editor' | 'author' } | null
}

/** Subscriptions whose next attempt has come, those never polled (or waiting least) first. */
export async function listDueAgencyFeeds(
  db: Db,
  now: Date,
  limit: number,
): Promise<DueAgencyFeed[]> {
  const rows = await db
    .select({
      ...feedColumns,
      etag: agencyFeeds.etag,
      lastModified: agencyFeeds.lastModified,
      ownerId: users.id,
      ownerEmail: users.email,
      ownerName: users.name,
      ownerRole: users.role,
      ownerDisabled: users.disabled,
    })
    .from(agencyFeeds)
    .innerJoin(categories, eq(categories.id, agencyFeeds.categoryId))
    .leftJoin(users, eq(users.id, agencyFeeds.createdBy))
    .where(or(isNull(agencyFeeds.nextAttemptAt), lte(agencyFeeds.nextAttemptAt, now)))
    .orderBy(sql`coalesce(${agencyFeeds.nextAttemptAt}, 0)`, asc(agencyFeeds.id))
    .limit(limit)
  return rows.map(({ ownerId, ownerEmail, ownerName, ownerRole, ownerDisabled, ...feed }) => ({
    ...feed,
    owner:
      ownerId !== null &&
      ownerEmail !== null &&
      ownerName !== null &&
      ownerRole !== null &&
      !ownerDisabled
        ? { id: ownerId, email: ownerEmail, name: ownerName, role: ownerRole }
        : null,
  }))
}

export async function findAgencyFeedByUrl(db: Db, url: string): Promise<{ id: number } | null> {
  const [row] = await db
    .select({ id: agencyFeeds.id })
    .from(agencyFeeds)
    .where(eq(agencyFeeds.url, url))
  return row ?? null
}

export async function insertAgencyFeed(
  db: Db,
  feed: {
    url: string
    categoryId: number
    byline: string
    mode: AgencyFeedMode
    createdBy: number
  },
): Promise<number> {
  const [row] = await db.insert(agencyFeeds).values(feed).returning({ id: agencyFeeds.id })
  if (!row) throw new Error('agency feed insert returned nothing')
  return row.id
}

/** Removes a subscription and its dedupe keys (its articles stay). True when it existed. */
export async function deleteAgencyFeed(db: Db, id: number): Promise<boolean> {
  const [deleted] = await db.batch([
    db.delete(agencyFeeds).where(eq(agencyFeeds.id, id)).returning({ id: agencyFeeds.id }),
    db.delete(agencyFeedItems).where(eq(agencyFeedItems.source, feedSource(id))),
  ])
  return deleted.length > 0
}

/** The dedupe namespace of a subscription's items. */
export function feedSource(id: number): string {
  return `feed:${id}`
}

/** A poll that worked. `validators` replace the stored ones; without them (a 304) those are kept. */
export async function recordFeedSuccess(
  db: Db,
  id: number,
  now: Date,
  validators?: { etag: string | null; lastModified: string | null },
): Promise<void> {
  await db
    .update(agencyFeeds)
    .set({
      ...validators,
      lastPolledAt: now,
      lastSucceededAt: now,
      failureCount: 0,
      lastError: null,
      // Due again from this moment on: the next cron run polls it.
      nextAttemptAt: now,
    })
    .where(eq(agencyFeeds.id, id))
}

export async function recordFeedFailure(
  db: Db,
  id: number,
  result: { error: string; now: Date; nextAttemptAt: Date },
): Promise<void> {
  await db
    .update(agencyFeeds)
    .set({
      lastPolledAt: result.now,
      lastError: result.error.slice(0, 500),
      failureCount: sql`${agencyFeeds.failureCount} + 1`,
      nextAttemptAt: result.nextAttemptAt,
    })
    .where(eq(agencyFeeds.id, id))
}

export async function findCategoryIdBySlug(db: Db, slug: string): Promise<number | null> {
  const [row] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.slug, slug))
  return row?.id ?? null
}

/** The first section in menu order: where a one-off file import lands unless told otherwise. */
export async function findFirstCategorySlug(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ slug: categories.slug })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .limit(1)
  return row?.slug ?? null
}

/** Who a one-off file import acts as: the first active admin (the seed's, on a fresh site). */
export async function findImportActor(db: Db) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .orderBy(asc(users.id))
    .limit(1)
  return row ?? null
}
