// Feed items already taken in, per source: the dedupe keys, claimed before their article is written.
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../client'
import { agencyFeedItems, articles } from '../schema'

/** Which of `keys` were already taken in from `source`. */
export async function listSeenItemKeys(
  db: Db,
  source: string,
  keys: string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const rows = await db
    .select({ key: agencyFeedItems.itemKey })
    .from(agencyFeedItems)
    .where(and(eq(agencyFeedItems.source, source), inArray(agencyFeedItems.itemKey, keys)))
  return new Set(rows.map((row) => row.key))
}

/**
 * Claims an item before its article is written: only the claimer goes on, so two overlapping runs
 * (or a run after a crash) never land the same story twice. False when it was already claimed.
 */
export async function claimFeedItem(db: Db, source: string, key: string): Promise<boolean> {
  const rows = await db
    .insert(agencyFeedItems)
    .values({ source, itemKey: key })
    .onConflictDoNothing()
    .returning({ key: agencyFeedItems.itemKey })
  return rows.length > 0
}

/** Links a claimed item to its article and records where the story came from. */
export async function linkFeedItem(
  db: Db,
  item: { source: string; key: string; articleId: number; canonicalUrl: string | null },
): Promise<void> {
  await db.batch([
    db
      .update(agencyFeedItems)
      .set({ articleId: item.articleId })
      .where(and(eq(agencyFeedItems.source, item.source), eq(agencyFeedItems.itemKey, item.key))),
    db
      .update(articles)
      .set({ canonicalUrl: item.canonicalUrl })
      .where(eq(articles.id, item.articleId)),
  ])
}
