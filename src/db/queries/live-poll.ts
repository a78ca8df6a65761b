// A reader's poll: what changed in one coverage after the revision the reader's tab shows.
import { and, eq, gt } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, liveBlogs, liveRemovals, liveUpdates } from '../schema'
import { isPublic } from './articles'
import {
  blogColumns,
  LIVE_PAGE_SIZE,
  type LiveBlogState,
  type LiveUpdateView,
  selectLiveUpdates,
} from './live-updates'

export interface LivePoll extends LiveBlogState {
  slug: string
  /** Posted after the reader's cursor, newest first: the tab has never shown them. */
  added: LiveUpdateView[]
  /** Shown by the tab, then edited, pinned or unpinned: replaced where they stand. */
  changed: LiveUpdateView[]
  /** Deleted after the cursor: the tab removes them (ids it never had are ignored). */
  removedIds: number[]
  /** The coverage's key events now, newest first, refreshed whenever something else changed. */
  keyEvents: LiveUpdateView[]
}

/** Everything a poll needs, in one batch: the coverage, and what changed after `after`. */
export async function loadLivePoll(db: Db, articleId: number, after: number) {
  const ofArticle = eq(liveUpdates.articleId, articleId)
  const [blog, updates, removals, keyEvents] = await db.batch([
    db
      .select({ ...blogColumns, slug: articles.slug })
      .from(liveBlogs)
      .innerJoin(articles, eq(articles.id, liveBlogs.articleId))
      .where(and(eq(liveBlogs.articleId, articleId), isPublic)),
    selectLiveUpdates(db, and(ofArticle, gt(liveUpdates.revision, after))),
    db
      .select({ id: liveRemovals.updateId })
      .from(liveRemovals)
      .where(and(eq(liveRemovals.articleId, articleId), gt(liveRemovals.revision, after)))
      .limit(LIVE_PAGE_SIZE),
    selectLiveUpdates(db, and(ofArticle, eq(liveUpdates.keyEvent, true))),
  ])
  const found = blog[0]
  if (!found) return null
  return {
    ...found,
    added: updates.filter((update) => update.addedRevision > after),
    changed: updates.filter((update) => update.addedRevision <= after),
    removedIds: removals.map((row) => row.id),
    keyEvents,
  } satisfies LivePoll
}
