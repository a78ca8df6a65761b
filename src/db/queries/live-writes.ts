// Live coverage writes: each is one batch holding the change, its audit entry and the purge facts.
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articles, liveBlogs, liveUpdates } from '../schema'

/** How many of the newest cursors a change purges: readers further behind wait out the short TTL. */
export const PURGED_CURSORS = 10

export interface LiveUpdateInput {
  bodyMd: string
  bodyHtml: string
  imageUrl: string | null
  imageAlt: string
  keyEvent: boolean
}

export interface LiveWriteResult {
  /** Whether the change happened: the coverage was running and the update belonged to it. */
  changed: boolean
  /** The id the write made or touched (an insert's new id). */
  updateId: number | null
  slug: string | null
  /**
   * The newest revisions (poll cursors) up to the one the change made, whose poll answers are now
   * stale: readers there miss the change.
   */
  cursors: number[]
}

/**
 * The audit entry for a write in the same batch, written only where `condition` (SQL over the rows)
 * holds. Conditions read the rows rather than `changes()`: the local db-server runs an EXPLAIN of
 * each new statement text first, and that resets `changes()` to 0.
 */
function auditWhere(
  db: Db,
  entry: { userId: number; action: string; targetType: string; targetId: SQL | string },
  detail: Record<string, unknown>,
  at: Date,
  condition: SQL,
) {
  return db.run(sql`insert into audit_log (user_id, action, target_type, target_id, detail, created_at)
    select ${entry.userId}, ${entry.action}, ${entry.targetType}, ${entry.targetId}, ${JSON.stringify(detail)}, ${at.getTime()}
    where ${condition}`)
}

function updateExists(articleId: number, updateId: number, extra = sql`1`) {
  return sql`exists (select 1 from live_updates where id = ${updateId} and article_id = ${articleId} and ${extra})`
}

function factsQueries(db: Db, articleId: number) {
  return [
    db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, articleId)),
    db
      .select({ revision: liveBlogs.revision })
      .from(liveBlogs)
      .where(eq(liveBlogs.articleId, articleId)),
  ] as const
}

function resultOf(
  changed: { id: number }[],
  slug: { slug: string }[],
  blog: { revision: number }[],
): LiveWriteResult {
  const revision = blog[0]?.revision ?? 0
  const oldest = Math.max(0, revision - PURGED_CURSORS)
  return {
    changed: changed.length > 0,
    updateId: changed[0]?.id ?? null,
    slug: slug[0]?.slug ?? null,
    cursors: Array.from({ length: revision - oldest + 1 }, (_, index) => oldest + index),
  }
}

/** Adds an update, only while the article's coverage is running: one round trip. */
export async function insertLiveUpdate(
  db: Db,
  articleId: number,
  authorId: number,
  input: LiveUpdateInput,
  at: Date,
): Promise<LiveWriteResult> {
  // drizzle's insert-select wants every column, in the table's order.
  const running = db
    .select({
      id: sql`null`.as('id'),
      articleId: liveBlogs.articleId,
      bodyMd: sql`${input.bodyMd}`.as('body_md'),
      bodyHtml: sql`${input.bodyHtml}`.as('body_html'),
      imageUrl: sql`${input.imageUrl}`.as('image_url'),
      imageAlt: sql`${input.imageAlt}`.as('image_alt'),
      keyEvent: sql`${input.keyEvent ? 1 : 0}`.as('key_event'),
      pinned: sql`0`.as('pinned'),
      authorId: sql`${authorId}`.as('author_id'),
      createdAt: sql`${at.getTime()}`.as('created_at'),
      updatedAt: sql`${at.getTime()}`.as('updated_at'),
      // The insert trigger sets both revisions (migrations/0015).
      addedRevision: sql`0`.as('added_revision'),
      revision: sql`0`.as('revision'),
    })
    .from(liveBlogs)
    .where(and(eq(liveBlogs.articleId, articleId), isNull(liveBlogs.endedAt)))
  const [inserted, , slug, blog] = await db.batch([
    db.insert(liveUpdates).select(running).returning({ id: liveUpdates.id }),
    auditWhere(
      db,
      {
        userId: authorId,
        action: 'live.post',
        targetType: 'live_update',
        targetId: sql`cast(last_insert_rowid() as text)`,
      },
      { articleId },
      at,
      sql`exists (select 1 from live_updates where id = last_insert_rowid() and article_id = ${articleId} and created_at = ${at.getTime()})`,
    ),
    ...factsQueries(db, articleId),
  ])
  return resultOf(inserted, slug, blog)
}

export type LiveUpdateChange =
  | { kind: 'edit'; input: LiveUpdateInput }
  | { kind: 'pin'; pinned: boolean }
  | { kind: 'delete' }

/** Edits, pins or deletes one update of the article (ended coverage included): one round trip. */
export async function changeLiveUpdate(
  db: Db,
  articleId: number,
  updateId: number,
  actorId: number,
  change: LiveUpdateChange,
  at: Date,
): Promise<LiveWriteResult> {
  const where = and(eq(liveUpdates.id, updateId), eq(liveUpdates.articleId, articleId))
  const write =
    change.kind === 'delete'
      ? db.delete(liveUpdates).where(where).returning({ id: liveUpdates.id })
      : db
          .update(liveUpdates)
          .set(
            change.kind === 'pin' ? { pinned: change.pinned } : { ...change.input, updatedAt: at },
          )
          .where(where)
          .returning({ id: liveUpdates.id })
  const action = change.kind === 'pin' ? (change.pinned ? 'pin' : 'unpin') : change.kind
  const entry = {
    userId: actorId,
    action: `live.${action}`,
    targetType: 'live_update',
    targetId: String(updateId),
  }
  // A delete is audited before it runs, while the row still proves it exists; the others after.
  const audit = auditWhere(
    db,
    entry,
    { articleId },
    at,
    change.kind === 'edit'
      ? updateExists(articleId, updateId, sql`updated_at = ${at.getTime()}`)
      : updateExists(articleId, updateId),
  )
  const [first, second, slug, blog] = await db.batch(
    change.kind === 'delete'
      ? [audit, write, ...factsQueries(db, articleId)]
      : [write, audit, ...factsQueries(db, articleId)],
  )
  const changed = (change.kind === 'delete' ? second : first) as { id: number }[]
  return resultOf(changed, slug, blog)
}

/**
 * Starts coverage (or restarts ended coverage) or ends it. Returns whether anything changed;
 * the audit entry rides in the same batch.
 */
export async function setLiveCoverage(
  db: Db,
  articleId: number,
  actorId: number,
  running: boolean,
  at: Date,
): Promise<boolean> {
  const write = running
    ? db
        .insert(liveBlogs)
        .values({ articleId, startedAt: at })
        .onConflictDoUpdate({ target: liveBlogs.articleId, set: { endedAt: null } })
        .returning({ id: liveBlogs.articleId })
    : db
        .update(liveBlogs)
        .set({ endedAt: at })
        .where(and(eq(liveBlogs.articleId, articleId), isNull(liveBlogs.endedAt)))
        .returning({ id: liveBlogs.articleId })
  const entry = {
    userId: actorId,
    action: running ? 'live.start' : 'live.end',
    targetType: 'article',
    targetId: String(articleId),
  }
  const runningNow = sql`exists (select 1 from live_blogs where article_id = ${articleId} and ended_at is null)`
  // Ending is audited before the update, while the running row proves there is something to end.
  const audit = auditWhere(db, entry, {}, at, runningNow)
  const [first, second] = await db.batch(running ? [write, audit] : [audit, write])
  const changed = (running ? first : second) as { id: number }[]
  return changed.length > 0
}
