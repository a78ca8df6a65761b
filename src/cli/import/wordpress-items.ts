// One WXR post or page to an ImportItem: status, dates, body, terms, authors, comments, old paths.
import type { ArticleStatus } from '../../db/schema'
import { slugify } from '../../services/editorial-slug'
import type { createConverter } from './convert-html'
import type { ImportItem } from './model'
import type { ImportReport } from './report'
import { skipPageComments, threadComments } from './wordpress-comments'
import { parseWpDate, type WxrAuthor, type WxrItem } from './wxr-items'

/**
 * What turning a WXR item into an ImportItem needs: plain data (no database, no report), so that
 * each conversion worker holds its own copy, told of attachments as the file reaches them.
 */
export interface WordpressBuild {
  /** Category slug to its top-level ancestor's slug: the section. */
  sectionOf: Map<string, string>
  /** Author login to profile id. */
  authorIds: Map<string, number>
  authors: WxrAuthor[]
  attachments: Map<string, string>
  attachedTo: Map<string, string[]>
  hasMediaDir: boolean
  now: number
}

/** Where building reports skipped comments: the run's report, or a worker's list of events. */
export type ReportSink = Pick<ImportReport, 'record' | 'warn'>

/** Records one attachment (as the file reaches it) where galleries and featured images look. */
export function addAttachment(build: WordpressBuild, id: string, url: string, parent: string) {
  build.attachments.set(id, url)
  if (parent !== '0') build.attachedTo.set(parent, [...(build.attachedTo.get(parent) ?? []), url])
}

interface BuildEnv {
  build: WordpressBuild
  converter: ReturnType<typeof createConverter>
  report: ReportSink
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

export function buildWordpressItem(
  { build, converter, report }: BuildEnv,
  item: WxrItem,
  label: string,
): ImportItem {
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
  const converted = converter.convert(item.content, {
    attachments: build.attachments,
    attachedTo: (id) => build.attachedTo.get(id) ?? [],
    postId: item.id,
  })
  warnings.push(...converted.warnings)
  if (!build.hasMediaDir && converted.images.length > 0)
    warnings.push('images kept at their original URL (no --media-dir)')
  const summary = item.excerpt
    ? converter.convert(item.excerpt, { attachments: new Map() }).markdown
    : ''
  const thumbnailId = item.meta.get('_thumbnail_id')
  const thumbnail = build.attachments.get(thumbnailId ?? '')
  const categories = item.categories.filter((c) => c.domain === 'category')
  const sectionSlug =
    categories.map((c) => build.sectionOf.get(c.slug) ?? c.slug).find(Boolean) ?? 'uncategorized'
  const tags = [
    ...categories
      .filter((c) => build.sectionOf.get(c.slug) !== c.slug)
      .map((c) => ({ slug: c.slug, name: c.name })),
    ...item.categories
      .filter((c) => c.domain === 'post_tag')
      .map((c) => ({ slug: slugify(c.slug) || c.slug, name: c.name })),
  ]
  const authorId = build.authorIds.get(item.creator)
  const author = build.authors.find((a) => a.login === item.creator)
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
    updatedAt: date ?? new Date(build.now),
    sectionSlug,
    tags: [...new Map(tags.map((t) => [t.slug, t])).values()],
    authorIds: authorId === undefined ? [] : [authorId],
    byline: author?.displayName ?? item.creator,
    imageUrl: thumbnail ?? null,
    imageSize: null,
    // An attachment later in the file: looked up again once the whole file is read.
    lateImageId: thumbnailId !== undefined && !thumbnail ? thumbnailId : undefined,
    images: converted.images,
    mediaSizes: new Map(),
    comments: isPage
      ? skipPageComments(item, label, report)
      : threadComments(item, label, report, build.now),
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
