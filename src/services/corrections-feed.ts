// The /corrections feeds: each note as an item linking to its story, in RSS 2.0 and Atom 1.0.
import type { ListedCorrection } from '../db/queries/corrections'
import { renderXmlDocument, createElement as x } from '../lib/xml'
import { articleUrl, type FeedFormat } from './feeds'

const LABELS = { correction: 'Correction', clarification: 'Clarification' } as const

export interface CorrectionsFeedContext {
  origin: string
  site: { name: string; language: string }
  now: Date
}

export function renderCorrectionsFeed(
  format: FeedFormat,
  items: ListedCorrection[],
  context: CorrectionsFeedContext,
): string {
  return format === 'rss' ? renderRss(items, context) : renderAtom(items, context)
}

function noteUrl(origin: string, item: ListedCorrection): string {
  return `${articleUrl(origin, { slug: item.articleSlug })}#correction-${item.id}`
}

function titleOf(item: ListedCorrection): string {
  return `${LABELS[item.kind]}: ${item.articleTitle}`
}

function lastChange(items: ListedCorrection[], now: Date): Date {
  return items[0]?.correctedAt ?? now
}

function renderRss(items: ListedCorrection[], { origin, site, now }: CorrectionsFeedContext) {
  return renderXmlDocument(
    x(
      'rss',
      { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom' },
      x(
        'channel',
        {},
        x('title', {}, `${site.name} — Corrections`),
        x('link', {}, `${origin}/corrections`),
        x('description', {}, `Corrections and clarifications to ${site.name} stories.`),
        x('language', {}, site.language),
        x('lastBuildDate', {}, lastChange(items, now).toUTCString()),
        x('atom:link', {
          href: `${origin}/corrections/feed.xml`,
          rel: 'self',
          type: 'application/rss+xml',
        }),
        items.map((item) =>
          x(
            'item',
            {},
            x('title', {}, titleOf(item)),
            x('link', {}, noteUrl(origin, item)),
            x('guid', { isPermaLink: 'true' }, noteUrl(origin, item)),
            x('pubDate', {}, item.correctedAt.toUTCString()),
            x('description', {}, item.bodyHtml),
          ),
        ),
      ),
    ),
  )
}

function renderAtom(items: ListedCorrection[], { origin, site, now }: CorrectionsFeedContext) {
  const self = `${origin}/corrections/atom.xml`
  return renderXmlDocument(
    x(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': site.language },
      x('id', {}, self),
      x('title', { type: 'text' }, `${site.name} — Corrections`),
      x('updated', {}, lastChange(items, now).toISOString()),
      x('link', { rel: 'self', type: 'application/atom+xml', href: self }),
      x('link', { rel: 'alternate', type: 'text/html', href: `${origin}/corrections` }),
      x('author', {}, x('name', {}, site.name)),
      items.map((item) =>
        x(
          'entry',
          {},
          x('id', {}, noteUrl(origin, item)),
          x('title', { type: 'text' }, titleOf(item)),
          x('link', { rel: 'alternate', type: 'text/html', href: noteUrl(origin, item) }),
          x('published', {}, item.correctedAt.toISOString()),
          x('updated', {}, item.correctedAt.toISOString()),
          x('content', { type: 'html' }, item.bodyHtml),
        ),
      ),
    ),
  )
}
