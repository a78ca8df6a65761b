// Article revisions: the version each save replaced, listed for comparing and loaded for restoring.
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { articleRevisions, categories, users } from '../schema'

export interface RevisionSnapshot {
  articleId: number
  slug: string
  title: string
  summary: string
  bodyMd: string
  categoryId: number | null
  byline: string
  tagNames: string[]
  imageUrl: string | null
  imageAlt: string
  imageWidth: number | null
  imageHeight: number | null
  language: string
  editorId: number | null
  createdAt: Date
}

export interface RevisionListItem {
  id: number
  title: string
  createdAt: Date
  editorName: string | null
}

export interface Revision extends Omit<RevisionSnapshot, 'articleId'> {
  id: number
  categorySlug: string | null
  categoryName: string | null
  editorName: string | null
}

export function insertRevisionQuery(db: Db, snapshot: RevisionSnapshot) {
  const { tagNames, ...values } = snapshot
  return db.insert(articleRevisions).values({ ...values, tagNames: JSON.stringify(tagNames) })
}

export function listRevisionsQuery(db: Db, articleId: number) {
  return db
    .select({
      id: articleRevisions.id,
      title: articleRevisions.title,
      createdAt: articleRevisions.createdAt,
      editorName: users.name,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.editorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.createdAt), desc(articleRevisions.id))
}

/** One revision by id, or the newest one. */
export function revisionQuery(db: Db, articleId: number, revisionId: number | 'newest') {
  return db
    .select({
      id: articleRevisions.id,
      slug: articleRevisions.slug,
      title: articleRevisions.title,
      summary: articleRevisions.summary,
      bodyMd: articleRevisions.bodyMd,
      categoryId: articleRevisions.categoryId,
      categorySlug: categories.slug,
      categoryName: categories.name,
      byline: articleRevisions.byline,
      tagNames: articleRevisions.tagNames,
      imageUrl: articleRevisions.imageUrl,
      imageAlt: articleRevisions.imageAlt,
      imageWidth: articleRevisions.imageWidth,
      imageHeight: articleRevisions.imageHeight,
      language: articleRevisions.language,
      editorId: articleRevisions.editorId,
      editorName: users.name,
      createdAt: articleRevisions.createdAt,
    })
    .from(articleRevisions)
    .leftJoin(categories, eq(categories.id, articleRevisions.categoryId))
    .leftJoin(users, eq(users.id, articleRevisions.editorId))
    .where(
      and(
        eq(articleRevisions.articleId, articleId),
        revisionId === 'newest' ? undefined : eq(articleRevisions.id, revisionId),
      ),
    )
    .orderBy(desc(articleRevisions.createdAt), desc(articleRevisions.id))
    .limit(1)
}

/** Stored tag names are JSON; anything unreadable counts as no tags rather than an error. */
export function parseRevision(row: Awaited<ReturnType<typeof revisionQuery>>[number]): Revision {
  let tagNames: string[] = []
  try {
    const parsed: unknown = JSON.parse(row.tagNames)
    if (Array.isArray(parsed)) tagNames = parsed.filter((name) => typeof name === 'string')
  } catch {
    // Left empty.
  }
  return { ...row, tagNames }
}
