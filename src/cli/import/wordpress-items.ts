// One WXR post or page to an ImportItem: status, dates, body, terms, authors, comments, old paths.
import type { ArticleStatus } from '../../db/schema'
import { slugify } from '../../services/editorial-slug'
import type { createConverter } from './convert-html'
import type { ImportComment, ImportItem } from './model'
import type { ImportRun } from './types'
import { parseWpDate, type WxrAuthor, type WxrComment, type WxrItem } from './wxr-items'

export interface WordpressContext {
  run: ImportRun
  source: string
  converter: ReturnType<typeof createConverter>
  /** Category slug to its top-level ancestor's slug: the section. */
  sectionOf: Map<string, string>
  /** Author login to profile id. */
  authorIds: Map<string, number>
  authors: WxrAuthor[]
  attachments: Map<string, string>
  attachedTo: Map<string, string[]>
  siteUrl: string
  /** Section slugs declared by the file (and so written before any item). */
  ensured: Set<string>
}

const STATUSES: Record<string, ArticleStatus> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'review',
  private: 'draft',
}

/** Old paths of an item: its permalink (any structure), and `/?p=ID` or `/?page_id=ID`. */
function legacyPathsOf(item: WxrItem): string[] {
  const paths = [item.postType === 'page' ? `/?page_id=${item.id}` : `/?p=${item.id}`]
  for (const link of [item.link, item.guid]) {
    try {
      const url = new URL(link)
      const path = url.pathname.replace(/\/+$/, '') || '/'
      if (url.search) paths.push(`${path}${url.search}`)
      else if (path !== '/') paths.push(path)
    } catch {
      // Not a URL (a bare guid): nothing to redirect.
    }
  }
  return [...new Set(paths)]
}

const COMMENT_STATUS: Record<string, ImportComment['status']> = {
  '1': 'approved',
  '0': 'pending',
  spam: 'spam',
}

/** Threads flattened to one level: every reply joins its top-level comment, in date order. */
function threadComments(item: WxrItem, label: string, run: ImportRun): ImportComment[] {
  const byId = new Map(item.comments.map((c) => [c.id, c]))
  const kept: ImportComment[] = []
  const root = (comment: WxrComment) => {
    let current = comment
    for (let depth = 0; current.parent !== '0' && current.parent && depth < 100; depth++) {
      const parent = byId.get(current.parent)
      if (!parent) break
      current = parent
    }
    return current.id
  }
  for (const comment of item.comments) {
    const name = `comment ${comment.id} on ${label}`
    if (comment.type === 'pingback' || comment.type === 'trackback') {
      run.report.record('skipped', 'pingbacks and trackbacks are not comments', name)
      continue
    }
    const status = COMMENT_STATUS[comment.approved]
    if (!status) {
      run.report.record('skipped', 'comment in the trash', name)
      continue
    }
    const thread = root(comment)
    if (thread !== comment.id && byId.get(comment.parent)?.parent !== '0')
      run.report.warn('reply nested deeper than one level: attached to its thread', name)
    kept.push({
      sourceId: comment.id,
      threadId: thread,
      authorName: comment.author.trim() || 'Anonymous',
      body: comment.content.replace(/<[^>]*>/g, '').trim(),
      status,
      createdAt: parseWpDate(comment.date, '') ?? new Date(run.now),
    })
  }
  // A reply must come after its thread's first comment: date order, parents first on a tie.
  return kept.sort(
    (a, b) =>
      a.createdAt.getTime() - b.createdAt.getTime() ||
      Number(a.sourceId !== a.threadId) - Number(b.sourceId !== b.threadId),
  )
}

export function buildWordpressItem(
  context: WordpressContext,
  item: WxrItem,
  label: string,
): ImportItem {
  const { run } = context
  const warnings: string[] = []
  const isPage = item.postType === 'page'
  let status: ArticleStatus = STATUSES[item.status] ?? 'draft'
  if (item.status === 'private') warnings.push('private: imported as a draft')
  if (item.password) {
    status = status === 'published' || status === 'scheduled' ? 'draft' : status
    warnings.push(
      'password-protected: imported as a draft, so it stays unseen until an editor decides',
    )
  }
  if (item.sticky)
    warnings.push(
      'sticky: Bulletin has no pinned slot on the home page; imported as a normal article',
    )
  if (isPage && status !== 'published' && status !== 'draft') {
    warnings.push(`page ${item.status}: imported as a draft`)
    status = 'draft'
  }
  const date = parseWpDate(item.postDateGmt, item.postDate)
  let title = item.title
  if (!title) {
    title = `Untitled (${isPage ? 'page' : 'post'} ${item.id})`
    warnings.push('untitled: given a title')
  }
  const converted = context.converter.convert(item.content, {
    attachments: context.attachments,
    attachedTo: (id) => context.attachedTo.get(id) ?? [],
    postId: item.id,
  })
  warnings.push(...converted.warnings)
  if (!run.mediaDir && converted.images.length > 0)
    warnings.push('images kept at their original URL (no --media-dir)')
  const summary = item.excerpt
    ? context.converter.convert(item.excerpt, { attachments: new Map() }).markdown
    : ''
  const thumbnail = context.attachments.get(item.meta.get('_thumbnail_id') ?? '')
  if (item.meta.has('_thumbnail_id') && !thumbnail)
    warnings.push('featured image not found in the file')
  const categories = item.categories.filter((c) => c.domain === 'category')
  const sectionSlug =
    categories.map((c) => context.sectionOf.get(c.slug) ?? c.slug).find(Boolean) ?? 'uncategorized'
  const tags = [
    ...categories
      .filter((c) => context.sectionOf.get(c.slug) !== c.slug)
      .map((c) => ({ slug: c.slug, name: c.name })),
    ...item.categories
      .filter((c) => c.domain === 'post_tag')
      .map((c) => ({ slug: slugify(c.slug) || c.slug, name: c.name })),
  ]
  const authorId = context.authorIds.get(item.creator)
  const author = context.authors.find((a) => a.login === item.creator)
  return {
    kind: isPage ? 'page' : 'article',
    sourceId: item.id,
    label,
    title,
    slug: slugify(safeDecode(item.postName)) || '',
    bodyMd: converted.markdown,
    summary,
    status,
    publishedAt: status === 'published' || status === 'scheduled' ? date : null,
    updatedAt: date ?? new Date(run.now),
    sectionSlug,
    tags: [...new Map(tags.map((t) => [t.slug, t])).values()],
    authorIds: authorId === undefined ? [] : [authorId],
    byline: author?.displayName ?? item.creator,
    imageUrl: thumbnail ?? null,
    imageSize: null,
    images: converted.images,
    mediaSizes: new Map(),
    comments: isPage ? skipPageComments(item, label, run) : threadComments(item, label, run),
    legacyPaths: legacyPathsOf(item),
    warnings,
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function skipPageComments(item: WxrItem, label: string, run: ImportRun): ImportComment[] {
  for (const c of item.comments)
    run.report.record('skipped', 'comments on pages are not kept', `comment ${c.id} on ${label}`)
  return []
}
