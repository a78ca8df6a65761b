// Saving articles: validation against the database, unique slugs, tags, pins, revisions and purges.

import type { Db } from '../db/client'
import { insertAuditQuery } from '../db/queries/audit'
import {
  articleIdBySlug,
  insertArticleQuery,
  moveSlugQueries,
  replacePinsQueries,
  replaceTagsQueries,
  updateArticleQuery,
} from '../db/queries/editor-article-writes'
import type { EditableArticle } from '../db/queries/editor-articles'
import { setArticleAuthorsQueries } from '../db/queries/editor-authors'
import { insertRevisionQuery } from '../db/queries/revisions'
import { AppError } from '../lib/errors'
import { auditEntry } from './audit'
import { type ArticleInput, InvalidFields } from './editorial-input'
import { type Actor, requireArticleEdit } from './editorial-permissions'
import { changedFields, prepareSave } from './editorial-prepare'
import { renderMarkdown } from './markdown'
import { markSiteUpdated } from './publishing'
import type { ContentChange, PurgeReport } from './purge'

export interface EditorialDeps {
  db: Db
  /** `c.var.purge` in a request: every public change goes through it. */
  purge: (changes: ContentChange[]) => Promise<PurgeReport>
  siteLanguage: string
  now: Date
}

export interface SaveOptions {
  /** The `updatedAt` (ms) the editor's form was loaded with; a newer save in between is a conflict. */
  version?: number
  /** Recorded in the audit log; a restore says so. */
  auditAction?: string
  auditDetail?: Record<string, unknown>
}

function isUniqueSlugViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof Error && /UNIQUE constraint failed: articles\.slug/.test(e.message))
      return true
    e = (e as { cause?: unknown }).cause
  }
  return false
}

/** Creates a draft owned by the actor. Any role may create. */
export async function createArticle(deps: EditorialDeps, actor: Actor, input: ArticleInput) {
  const next = await prepareSave(deps, null, input)
  const { db, now } = deps
  // One batch, one transaction: a save cut off half-way leaves the whole draft or none of it.
  const newId = articleIdBySlug(next.fields.slug)
  let inserted: { id: number }[]
  try {
    ;[inserted] = await db.batch([
      insertArticleQuery(db, { ...next.fields, authorId: actor.id, now }),
      insertAuditQuery(
        db,
        [
          auditEntry(
            actor,
            'article.create',
            { type: 'article', id: newId },
            { title: input.title },
          ),
        ],
        now,
      ),
      ...replaceTagsQueries(db, newId, next.tags),
      ...replacePinsQueries(db, newId, next.relatedIds),
      ...(next.authorIds ? setArticleAuthorsQueries(db, newId, next.authorIds) : []),
    ])
  } catch (error) {
    // Two saves raced for the same generated slug; the loser is told, with its input intact.
    if (isUniqueSlugViolation(error)) {
      throw new InvalidFields({ slug: 'This address was just taken. Save again for a new one.' })
    }
    throw error
  }
  const id = inserted[0]?.id
  if (id === undefined) throw new Error('article insert returned nothing')
  return { id, slug: next.fields.slug }
}

/**
 * Saves an article, keeping the version it replaces as a revision. A save that changes nothing
 * writes nothing, so a repeated PUT is a no-op. Public changes are purged and move the footer's
 * last-update stamp.
 */
export async function updateArticle(
  deps: EditorialDeps,
  actor: Actor,
  id: number,
  input: ArticleInput,
  options: SaveOptions = {},
): Promise<{ changed: string[]; slug: string }> {
  const next = await prepareSave(deps, id, input)
  const current = next.current as EditableArticle
  requireArticleEdit(actor, current)
  if (options.version !== undefined && current.updatedAt.getTime() !== options.version) {
    throw new AppError(
      'CONFLICT',
      'Someone saved this article after you opened it. Your text is below; copy what you need, then reload to see their version.',
    )
  }
  const changed = changedFields(current, next)
  if (changed.length === 0) return { changed, slug: current.slug }

  const { db, now } = deps
  const isPublic = current.status === 'published'
  const sectionsChanged = changed.includes('categoryId') || changed.includes('tags')
  // Purge reads sections after the write, so pages of sections the article leaves go first.
  if (isPublic && sectionsChanged) await deps.purge([{ kind: 'article', articleId: id }])
  const slugMoved = next.fields.slug !== current.slug && current.publishedAt !== null
  await db.batch([
    insertRevisionQuery(db, {
      articleId: id,
      slug: current.slug,
      title: current.title,
      summary: current.summary,
      bodyMd: current.bodyMd,
      categoryId: current.categoryId,
      byline: current.byline,
      tagNames: current.tags.map((tag) => tag.name),
      imageUrl: current.imageUrl,
      imageAlt: current.imageAlt,
      imageWidth: current.imageWidth,
      imageHeight: current.imageHeight,
      language: current.language,
      editorId: actor.id,
      createdAt: now,
    }),
    updateArticleQuery(db, id, { ...next.fields, updatedAt: now }),
    ...replaceTagsQueries(db, id, next.tags),
    ...replacePinsQueries(db, id, next.relatedIds),
    ...(next.authorIds ? setArticleAuthorsQueries(db, id, next.authorIds) : []),
    ...(slugMoved ? moveSlugQueries(db, id, current.slug, next.fields.slug) : []),
    insertAuditQuery(
      db,
      [
        auditEntry(
          actor,
          options.auditAction ?? 'article.update',
          { type: 'article', id },
          {
            changed,
            ...options.auditDetail,
          },
        ),
      ],
      now,
    ),
  ])
  if (isPublic) {
    await markSiteUpdated(db, now)
    await deps.purge([
      { kind: 'article', articleId: id, previousSlug: slugMoved ? current.slug : undefined },
    ])
  }
  return { changed, slug: next.fields.slug }
}

/** The sanitised HTML a preview shows: exactly what readers would get. */
export function previewMarkdown(markdown: string): string {
  return renderMarkdown(markdown)
}
