// Static pages in the newsroom: the form checked, saves with revisions, publishing, the footer order.
import { loadChrome } from '../db/queries/categories'
import {
  findPage,
  insertPage,
  isPageSlugTaken,
  setFooterPositions,
  updatePage,
} from '../db/queries/editor-pages'
import { AppError } from '../lib/errors'
import type { PageStatus } from '../lib/trust-vocabulary'
import { checkPublicSlug } from './author-input'
import type { EditorialDeps } from './editorial'
import { InvalidFields } from './editorial-input'
import { type Actor, can } from './editorial-permissions'
import { slugify } from './editorial-slug'
import { renderMarkdownWithMedia } from './markdown-media'

export const PAGE_TITLE_MAX = 200
export const PAGE_BODY_MAX = 100_000

export interface PageForm {
  title: string
  slug: string
  summary: string
  body: string
}

export interface PageInput {
  title: string
  slug: string
  summary: string
  bodyMd: string
}

/** What a save does to the page's status: keep it, publish it, or take it off the site. */
export type PageIntent = 'save' | 'publish' | 'unpublish'

export function parsePageForm(form: PageForm): PageInput {
  const fields: Record<string, string> = {}
  const title = form.title.trim()
  if (!title) fields.title = 'Give the page a title.'
  else if (title.length > PAGE_TITLE_MAX) fields.title = `At most ${PAGE_TITLE_MAX} characters.`
  const slug = form.slug.trim() || slugify(title)
  const slugError = checkPublicSlug(slug)
  if (slugError) fields.slug = slugError
  if (form.summary.trim().length > 300) fields.summary = 'At most 300 characters.'
  if (form.body.length > PAGE_BODY_MAX) fields.body = `At most ${PAGE_BODY_MAX} characters.`
  if (Object.keys(fields).length > 0) throw new InvalidFields(fields)
  return { title, slug, summary: form.summary.trim(), bodyMd: form.body }
}

function requireEditor(actor: Actor) {
  if (!can(actor, 'articles:publish')) throw new AppError('FORBIDDEN', 'Only editors edit pages.')
}

function statusAfter(current: PageStatus, intent: PageIntent): PageStatus {
  if (intent === 'publish') return 'published'
  if (intent === 'unpublish') return 'draft'
  return current
}

/** Creates (id null) or saves a page; a published page's address is purged at once. */
export async function savePage(
  deps: EditorialDeps,
  actor: Actor,
  id: number | null,
  input: PageInput,
  intent: PageIntent,
): Promise<number> {
  requireEditor(actor)
  if (await isPageSlugTaken(deps.db, input.slug, id ?? undefined)) {
    throw new InvalidFields({ slug: `Another page already uses “${input.slug}”.` })
  }
  const now = deps.now
  const content = {
    ...input,
    bodyHtml: await renderMarkdownWithMedia(deps.db, input.bodyMd),
    updatedAt: now,
  }
  if (id === null) {
    const status = statusAfter('draft', intent)
    return insertPage(
      deps.db,
      { ...content, status, publishedAt: status === 'published' ? now : null },
      { userId: actor.id, action: 'page.create', targetType: 'page', targetId: null },
    )
  }
  const current = await findPage(deps.db, id)
  if (!current) throw new AppError('NOT_FOUND', 'There is no such page.')
  const status = statusAfter(current.status, intent)
  const publishedAt = status === 'published' ? (current.publishedAt ?? now) : current.publishedAt
  await updatePage(deps.db, current, { ...content, status, publishedAt }, actor.id, {
    userId: actor.id,
    action: intent === 'save' ? 'page.update' : `page.${intent}`,
    targetType: 'page',
    targetId: id,
  })
  const slugs = [current.slug, input.slug].filter((slug, i, all) => all.indexOf(slug) === i)
  await deps.purge([{ kind: 'page', slugs }])
  return id
}

/** `positions` maps page ids to their footer place, blank for none. */
export async function orderFooter(
  deps: EditorialDeps,
  actor: Actor,
  positions: Record<string, string>,
) {
  requireEditor(actor)
  const fields: Record<string, string> = {}
  const rows: { id: number; position: number | null }[] = []
  for (const [key, raw] of Object.entries(positions)) {
    const id = Number(key)
    const value = raw.trim()
    if (value !== '' && !/^\d{1,3}$/.test(value))
      fields[`footer-${key}`] = 'A number from 1 to 999, or blank.'
    rows.push({ id, position: value === '' ? null : Number(value) })
  }
  if (Object.keys(fields).length > 0) throw new InvalidFields(fields)
  await setFooterPositions(deps.db, rows, {
    userId: actor.id,
    action: 'page.footer',
    targetType: 'page',
    targetId: null,
    detail: { positions: rows },
  })
  // Every reader page shows the footer: purge the menu's own pages and the front pages by URL.
  const { navigation } = await loadChrome(deps.db)
  const slugsOf = (kind: 'page' | 'category') =>
    navigation.filter((item) => (item.kind ?? 'category') === kind).map((item) => item.slug)
  await deps.purge([{ kind: 'footer', pages: slugsOf('page'), sections: slugsOf('category') }])
}
