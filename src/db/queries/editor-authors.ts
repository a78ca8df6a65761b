// Newsroom author queries: the list with article counts, one profile, writes, and the admin merge.
import { asc, count, desc, eq, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { articleAuthors, articles, authors } from '../schema'
import { type AuditEntry, insertAuditQuery } from './audit'

export interface AuthorListItem {
  id: number
  slug: string
  name: string
  jobTitle: string
  userId: number | null
  articleCount: number
}

export type AuthorRecord = typeof authors.$inferSelect
export type AuthorWrite = Omit<typeof authors.$inferInsert, 'id' | 'createdAt'>

export async function listAuthors(db: Db): Promise<AuthorListItem[]> {
  return db
    .select({
      id: authors.id,
      slug: authors.slug,
      name: authors.name,
      jobTitle: authors.jobTitle,
      userId: authors.userId,
      articleCount: sql<number>`(select count(*) from ${articleAuthors} where ${articleAuthors.authorId} = ${authors.id})`,
    })
    .from(authors)
    .orderBy(asc(authors.name))
}

export async function findAuthor(db: Db, id: number): Promise<AuthorRecord | null> {
  const [row] = await db.select().from(authors).where(eq(authors.id, id))
  return row ?? null
}

export async function insertAuthor(db: Db, row: AuthorWrite, audit: AuditEntry): Promise<number> {
  const [inserted] = await db.batch([
    db.insert(authors).values(row).returning({ id: authors.id }),
    insertAuditQuery(db, [{ ...audit, targetId: sql`(select max(id) from ${authors})` }]),
  ])
  const id = inserted[0]?.id
  if (id === undefined) throw new Error('The author was not stored')
  return id
}

export async function updateAuthor(db: Db, id: number, row: AuthorWrite, audit: AuditEntry) {
  await db.batch([
    db.update(authors).set(row).where(eq(authors.id, id)),
    insertAuditQuery(db, [audit]),
  ])
}

export async function countAuthorArticles(db: Db, id: number): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(articleAuthors)
    .where(eq(articleAuthors.authorId, id))
  return row?.total ?? 0
}

export async function deleteAuthor(db: Db, id: number, audit: AuditEntry) {
  await db.batch([db.delete(authors).where(eq(authors.id, id)), insertAuditQuery(db, [audit])])
}

/**
 * How many of a merged author's articles get their pages purged by URL: the newest; older pages show
 * the new byline when their hour at the edge runs out (like RENAME_PURGED_ARTICLES).
 */
export const MERGE_PURGED_ARTICLES = 500

/**
 * Moves every byline of `fromId` to `intoId` (keeping its place, skipping articles that already
 * name both), keeps the old slug as `sourceSlug` when the survivor has none so links still resolve,
 * then deletes `fromId` and records the merge: one batch, all or nothing. Returns the moved
 * articles' ids (newest first, at most MERGE_PURGED_ARTICLES), to purge their pages.
 */
export async function mergeAuthors(
  db: Db,
  fromId: number,
  into: { id: number; sourceSlug: string | null },
  fromSlug: string,
  audit: AuditEntry,
): Promise<number[]> {
  const [moved] = await db.batch([
    // Read before the move, in the same batch: the pages whose byline changes, newest first.
    db
      .select({ id: articleAuthors.articleId })
      .from(articleAuthors)
      .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
      .where(eq(articleAuthors.authorId, fromId))
      .orderBy(desc(articles.publishedAt))
      .limit(MERGE_PURGED_ARTICLES),
    db.run(sql`insert or ignore into ${articleAuthors} (article_id, author_id, position)
      select article_id, ${into.id}, position from ${articleAuthors} where author_id = ${fromId}`),
    db.delete(articleAuthors).where(eq(articleAuthors.authorId, fromId)),
    db
      .update(authors)
      .set({ sourceSlug: into.sourceSlug ?? fromSlug })
      .where(eq(authors.id, into.id)),
    db.delete(authors).where(eq(authors.id, fromId)),
    insertAuditQuery(db, [audit]),
  ])
  return moved.map((row) => row.id)
}

/** Replaces an article's authors with `ids`, in that order. */
export function setArticleAuthorsQueries(db: Db, articleId: number | SQL<number>, ids: number[]) {
  const clear = db.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId))
  if (ids.length === 0) return [clear] as const
  const rows = ids.map((authorId, position) => ({ articleId, authorId, position }))
  return [clear, db.insert(articleAuthors).values(rows)] as const
}
