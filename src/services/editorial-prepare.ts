// Before an article is saved: the input checked against the database, and what exactly would change.
import type { ArticleFields } from '../db/queries/editor-article-writes'
import { type EditableArticle, loadSaveContext } from '../db/queries/editor-articles'
import { sha256Hex } from '../lib/encoding'
import { AppError } from '../lib/errors'
import type { EditorialDeps } from './editorial'
import { type ArticleInput, InvalidFields } from './editorial-input'
import { fallbackSlug, firstFreeSlug, slugify } from './editorial-slug'
import { renderMarkdownWithMedia } from './markdown-media'

export interface PreparedSave {
  fields: ArticleFields
  tags: { slug: string; name: string }[]
  relatedIds: number[]
  /** Author ids in byline order; null when the input did not name authors (keep them). */
  authorIds: number[] | null
  current: EditableArticle | null
}

async function tagSlug(name: string): Promise<string> {
  // A name with no Latin letters or digits still needs a URL; a short hash of it is stable.
  return slugify(name) || `tag-${(await sha256Hex(name.toLowerCase())).slice(0, 10)}`
}

/** Checks the input against the database and returns exactly what to write. */
export async function prepareSave(
  deps: Pick<EditorialDeps, 'db' | 'now' | 'siteLanguage'>,
  id: number | null,
  input: ArticleInput,
): Promise<PreparedSave> {
  const slugBase = input.slug || slugify(input.title) || fallbackSlug(deps.now)
  const context = await loadSaveContext(deps.db, {
    id,
    category: input.category,
    related: input.related,
    slugBase,
    authors: input.authors,
  })
  if (id !== null && !context.current) throw new AppError('NOT_FOUND', 'There is no such article.')
  const errors: Record<string, string> = {}
  if (input.slug && context.taken.has(input.slug)) {
    errors.slug = 'Another article uses (or used) this address. Choose another slug.'
  }
  if (context.categoryId === null) errors.category = 'There is no such section.'
  const relatedIds: number[] = []
  for (const slug of new Set(input.related)) {
    const found = context.related.find((row) => row.slug === slug)
    if (found?.status !== 'published') {
      errors.related = `No published article has the slug "${slug}".`
    } else if (found.id === id) errors.related = 'An article cannot be related to itself.'
    else relatedIds.push(found.id)
  }
  let authorIds: number[] | null = null
  if (input.authors) {
    authorIds = []
    for (const slug of new Set(input.authors)) {
      const found = context.authors.find((row) => row.slug === slug)
      if (!found) errors.authors = `No author has the slug "${slug}".`
      else authorIds.push(found.id)
    }
  }
  if (Object.keys(errors).length > 0) throw new InvalidFields(errors)

  const tags = new Map<string, string>()
  for (const name of input.tags) {
    const slug = await tagSlug(name)
    if (!tags.has(slug)) tags.set(slug, name)
  }
  return {
    current: context.current,
    relatedIds,
    authorIds,
    tags: [...tags].map(([slug, name]) => ({ slug, name })),
    fields: {
      slug: input.slug || firstFreeSlug(slugBase, context.taken),
      title: input.title,
      summary: input.summary,
      bodyMd: input.bodyMd,
      bodyHtml: await renderMarkdownWithMedia(deps.db, input.bodyMd),
      categoryId: context.categoryId as number,
      byline: input.byline,
      imageUrl: input.imageUrl,
      imageAlt: input.imageAlt,
      imageWidth: input.imageWidth,
      imageHeight: input.imageHeight,
      language: input.language ?? deps.siteLanguage,
      commentsClosed: input.commentsClosed,
    },
  }
}

/** Field names whose values differ between the stored article and what is about to be saved. */
export function changedFields(current: EditableArticle, next: PreparedSave): string[] {
  const changed: string[] = (Object.keys(next.fields) as (keyof ArticleFields)[]).filter(
    (key) => key !== 'bodyHtml' && current[key] !== next.fields[key],
  )
  const sameList = (a: (string | number)[], b: (string | number)[]) => a.join('\n') === b.join('\n')
  const tagSlugs = (list: { slug: string }[]) => list.map((tag) => tag.slug).sort()
  if (!sameList(tagSlugs(current.tags), tagSlugs(next.tags))) changed.push('tags')
  const pinned = current.related.map((row) => row.id)
  if (!sameList(pinned, next.relatedIds)) changed.push('related')
  const bylines = current.authors.map((author) => author.id)
  if (next.authorIds && !sameList(bylines, next.authorIds)) changed.push('authors')
  // The same Markdown can render anew (a library image's size became known since): worth a save.
  if (changed.length === 0 && current.bodyHtml !== next.fields.bodyHtml) changed.push('bodyHtml')
  return changed
}
