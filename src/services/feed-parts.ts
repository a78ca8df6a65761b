// The pieces both feed formats are built from: titles, the feed's own URLs, dates, hero images.
import type { FeedArticle, FeedData } from '../db/queries/feeds'
import { shareImage } from '../lib/media-variants'
import { createElement as x } from '../lib/xml'
import type { FeedContext, FeedFormat } from './feeds'

/** The hero image as Media RSS: readers show it beside the item (`.jpg` serves JPEG to them). */
export function heroMediaContent(origin: string, item: FeedArticle) {
  if (!item.imageUrl) return null
  const image = shareImage(item.imageUrl, item.imageWidth, item.imageHeight)
  return x(
    'media:content',
    {
      url: new URL(image.path, origin).href,
      medium: 'image',
      ...(image.width && image.height
        ? { width: String(image.width), height: String(image.height) }
        : {}),
    },
    item.imageAlt && x('media:description', { type: 'plain' }, item.imageAlt),
  )
}

/** "Bulletin" for the site, "Bulletin — Sports" for a category or tag. */
export function feedTitle(feed: FeedData, { site }: FeedContext): string {
  return feed.scopeName === null ? site.name : `${site.name} — ${feed.scopeName}`
}

/** The HTML page a feed mirrors. */
export function scopeUrl({ origin, scope }: FeedContext): string {
  if (scope.kind === 'site') return `${origin}/`
  return `${origin}/${scope.kind}/${encodeURIComponent(scope.slug)}`
}

/** The feed's own canonical URL, built from its scope so a query string never leaks into it. */
export function feedUrl(context: FeedContext, format: FeedFormat): string {
  const file = format === 'rss' ? 'feed.xml' : 'atom.xml'
  return context.scope.kind === 'site'
    ? `${context.origin}/${file}`
    : `${scopeUrl(context)}/${file}`
}

export function publishedAt(item: FeedArticle): Date {
  return item.publishedAt ?? item.updatedAt
}

/** A scheduled article can go live after its last edit; it has changed no earlier than that. */
export function updatedAt(item: FeedArticle): Date {
  return new Date(Math.max(item.updatedAt.getTime(), publishedAt(item).getTime()))
}

/** The newest change among the items; an empty feed last changed now, as far as readers know. */
export function lastChange(feed: FeedData, now: Date): Date {
  if (feed.items.length === 0) return now
  return new Date(Math.max(...feed.items.map((item) => updatedAt(item).getTime())))
}
