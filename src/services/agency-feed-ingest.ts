// Lands agency feed items as articles through the newsroom's own create path: one item, one draft.
import { claimFeedItem, linkFeedItem, listSeenItemKeys } from '../db/queries/agency-feed-items'
import { htmlToMarkdown } from '../lib/agency-feed-markdown'
import type { FeedItem } from '../lib/agency-feed-parse'
import {
  BODY_MAX,
  BYLINE_MAX,
  IMAGE_ALT_MAX,
  SUMMARY_MAX,
  TAG_MAX,
  TAGS_MAX,
  TITLE_MAX,
} from '../lib/article-input-limits'
import { AppError } from '../lib/errors'
import { createArticle, type EditorialDeps } from './editorial'
import { InvalidFields, parseArticleInput } from './editorial-input'
import type { Actor } from './editorial-permissions'
import { changeArticleStatus } from './editorial-status'

/** Most items one poll lands; the rest wait for the next run, so a run stays bounded. */
const MAX_ITEMS_PER_POLL = 50

export interface IngestTarget {
  /** The dedupe namespace: `feed:<id>` or `file:<name>`. */
  source: string
  categorySlug: string
  /** Printed as given, e.g. "Staff, Agencies"; the item's own author when empty. */
  byline: string
  mode: 'draft' | 'publish'
  actor: Actor
}

export interface IngestReport {
  created: number
  published: number
  /** Already taken in before (by guid, or link). */
  duplicates: number
  /** Items the newsroom refused, with the reason, e.g. a title too long for the form. */
  rejected: { key: string; reason: string }[]
  /** What each new item became, in the order they were created. */
  landed: { key: string; articleId: number; title: string }[]
  duplicateKeys: string[]
  /** New items left for a later run by the limit. */
  remaining: number
}

/**
 * Creates an article for every item not seen before from this source. The item is claimed before
 * its article is written, so a crash between the two loses one story rather than doubling it.
 */
export async function ingestFeedItems(
  deps: EditorialDeps,
  target: IngestTarget,
  items: FeedItem[],
  options: { limit?: number } = {},
): Promise<IngestReport> {
  const report: IngestReport = {
    created: 0,
    published: 0,
    duplicates: 0,
    rejected: [],
    landed: [],
    duplicateKeys: [],
    remaining: 0,
  }
  const unique = [...new Map(items.map((item) => [item.key, item])).values()]
  const keys = unique.map((item) => item.key)
  const seen = await listSeenItemKeys(deps.db, target.source, keys)
  // Oldest first, so that articles are created in the order the agency filed them.
  const fresh = unique.filter((item) => !seen.has(item.key)).reverse()
  report.duplicateKeys = keys.filter((key) => seen.has(key))
  report.duplicates = items.length - fresh.length
  const limit = Math.max(0, options.limit ?? MAX_ITEMS_PER_POLL)
  report.remaining = Math.max(0, fresh.length - limit)
  for (const item of fresh.slice(0, limit)) {
    if (!(await claimFeedItem(deps.db, target.source, item.key))) {
      report.duplicates++
      report.duplicateKeys.push(item.key)
      continue
    }
    try {
      const input = parseArticleInput(articleInputOf(item, target))
      const { id } = await createArticle(deps, target.actor, input)
      await linkFeedItem(deps.db, {
        source: target.source,
        key: item.key,
        articleId: id,
        canonicalUrl: item.link,
      })
      report.created++
      report.landed.push({ key: item.key, articleId: id, title: input.title })
      if (target.mode === 'publish') {
        await changeArticleStatus(deps, target.actor, id, 'publish')
        report.published++
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const fields = error instanceof InvalidFields ? Object.values(error.fields).join(' ') : ''
      report.rejected.push({ key: item.key, reason: fields || error.message })
    }
  }
  return report
}

/** What the newsroom form would have sent for this item; validated like any other save. */
function articleInputOf(item: FeedItem, target: Pick<IngestTarget, 'byline' | 'categorySlug'>) {
  const summary = cut(item.summary, SUMMARY_MAX)
  const body = htmlToMarkdown(item.html, item.link ?? undefined)
  return {
    title: cut(item.title, TITLE_MAX),
    summary,
    bodyMd: body.length > BODY_MAX ? '' : body,
    category: target.categorySlug,
    byline: cut(target.byline || item.author || '', BYLINE_MAX),
    tags: item.categories.slice(0, TAGS_MAX).map((tag) => cut(tag, TAG_MAX)),
    imageUrl: item.image?.url ?? null,
    // An image needs words for those who cannot see it; the headline is the nearest there is.
    imageAlt: item.image ? cut(item.image.alt || item.title, IMAGE_ALT_MAX) : '',
    imageWidth: item.image?.width ?? null,
    imageHeight: item.image?.height ?? null,
  }
}

/** At most `max` characters, cut at a word and marked with an ellipsis. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const head = text.slice(0, max - 1)
  const space = head.lastIndexOf(' ')
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`
}
