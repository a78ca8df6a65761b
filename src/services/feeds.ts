// Renders feed data as RSS 2.0 and Atom 1.0 documents with absolute URLs.
import type { Db } from '../db/client'
import {
  type FeedData,
  loadAuthorFeed,
  loadCategoryFeed,
  loadSiteFeed,
  loadTagFeed,
} from '../db/queries/feeds'
import { renderXmlDocument, createElement as x } from '../lib/xml'
import {
  feedTitle,
  feedUrl,
  heroMediaContent,
  lastChange,
  publishedAt,
  scopeUrl,
  updatedAt,
} from './feed-parts'
import { absolutizeBodyUrls } from './markdown-media-absolute'

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8'
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8'

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
}

export type FeedFormat = 'rss' | 'atom'

export type FeedScope =
  | { kind: 'site' }
  | { kind: 'category'; slug: string }
  | { kind: 'tag'; slug: string }
  | { kind: 'author'; slug: string }

/** What a feed document needs besides its data: where it lives and whose it is. */
export interface FeedContext {
  origin: string
  scope: FeedScope
  site: { name: string; tagline: string; language: string }
  now: Date
}

/**
 * The scope's feed in one batch; site, section and tag feeds are one edition's when given its
 * code. Null when its category or tag does not exist.
 */
export function loadFeed(db: Db, scope: FeedScope, edition?: string): Promise<FeedData | null> {
  if (scope.kind === 'category') return loadCategoryFeed(db, scope.slug, undefined, edition)
  if (scope.kind === 'tag') return loadTagFeed(db, scope.slug, undefined, edition)
  if (scope.kind === 'author') return loadAuthorFeed(db, scope.slug)
  return loadSiteFeed(db, undefined, edition)
}

export function renderFeed(format: FeedFormat, feed: FeedData, context: FeedContext): string {
  return format === 'rss' ? renderRssFeed(feed, context) : renderAtomFeed(feed, context)
}

function renderRssFeed(feed: FeedData, context: FeedContext): string {
  const { origin, site } = context
  const selfUrl = feedUrl(context, 'rss')
  return renderXmlDocument(
    x(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': NS.atom,
        'xmlns:content': NS.content,
        'xmlns:dc': NS.dc,
        'xmlns:media': NS.media,
      },
      x(
        'channel',
        {},
        x('title', {}, feedTitle(feed, context)),
        x('link', {}, scopeUrl(context)),
        x('description', {}, site.tagline),
        x('language', {}, site.language),
        // RFC 822 dates: toUTCString() gives the RFC 1123 form RSS readers expect.
        x('lastBuildDate', {}, lastChange(feed, context.now).toUTCString()),
        x('atom:link', { href: selfUrl, rel: 'self', type: 'application/rss+xml' }),
        feed.items.map((item) => {
          const link = articleUrl(origin, item)
          return x(
            'item',
            {},
            x('title', {}, item.title),
            x('link', {}, link),
            x('guid', { isPermaLink: 'true' }, link),
            x('pubDate', {}, publishedAt(item).toUTCString()),
            x('description', {}, item.summary),
            // Each linked author by name; a free-text byline alone stays as it was written.
            item.authors.length > 0
              ? item.authors.map((author) => x('dc:creator', {}, author.name))
              : item.byline && x('dc:creator', {}, item.byline),
            x('category', { domain: `${origin}/category/` }, item.categoryName),
            item.tags.map((tag) => x('category', { domain: `${origin}/tag/` }, tag.name)),
            x('content:encoded', {}, absolutizeBodyUrls(item.bodyHtml, origin)),
            heroMediaContent(origin, item),
          )
        }),
      ),
    ),
  )
}

function renderAtomFeed(feed: FeedData, context: FeedContext): string {
  const { origin, site } = context
  const selfUrl = feedUrl(context, 'atom')
  return renderXmlDocument(
    x(
      'feed',
      { xmlns: NS.atom, 'xmlns:media': NS.media, 'xml:lang': site.language },
      x('id', {}, selfUrl),
      x('title', { type: 'text' }, feedTitle(feed, context)),
      x('subtitle', { type: 'text' }, site.tagline),
      x('updated', {}, lastChange(feed, context.now).toISOString()),
      x('link', { rel: 'self', type: 'application/atom+xml', href: selfUrl }),
      x('link', { rel: 'alternate', type: 'text/html', href: scopeUrl(context) }),
      // Atom wants an author for every entry; this one stands in where an article has no byline.
      x('author', {}, x('name', {}, site.name)),
      feed.items.map((item) => {
        const link = articleUrl(origin, item)
        return x(
          'entry',
          {},
          x('id', {}, link),
          x('title', { type: 'text' }, item.title),
          x('link', { rel: 'alternate', type: 'text/html', href: link }),
          x('published', {}, publishedAt(item).toISOString()),
          x('updated', {}, updatedAt(item).toISOString()),
          item.authors.length > 0
            ? item.authors.map((author) =>
                x(
                  'author',
                  {},
                  x('name', {}, author.name),
                  x('uri', {}, `${origin}/author/${encodeURIComponent(author.slug)}`),
                ),
              )
            : item.byline && x('author', {}, x('name', {}, item.byline)),
          x('summary', { type: 'text' }, item.summary),
          x('category', {
            term: item.categorySlug,
            label: item.categoryName,
            scheme: `${origin}/category/`,
          }),
          item.tags.map((tag) =>
            x('category', { term: tag.slug, label: tag.name, scheme: `${origin}/tag/` }),
          ),
          x('content', { type: 'html' }, absolutizeBodyUrls(item.bodyHtml, origin)),
          heroMediaContent(origin, item),
        )
      }),
    ),
  )
}

export function articleUrl(origin: string, article: { slug: string }): string {
  return `${origin}/news/${encodeURIComponent(article.slug)}`
}
