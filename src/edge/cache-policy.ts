// The one table of what the edge caches: per public GET route, its lifetimes, key parameters and tags.
import { parse } from 'hono/utils/cookie'
import { RESERVED_SLUGS } from '../lib/reserved-slugs'
import {
  anyText,
  commentCursor,
  commentId,
  editionCode,
  embedLang,
  embedLimit,
  embedTheme,
  liveCursor,
  oembedFormat,
  oneOf,
  pageNumber,
  type QueryParam,
  searchTerms,
  sectionFilter,
} from './cache-params'

export interface CachePolicy {
  /** Browser lifetime, in seconds. */
  maxAge: number
  /** Shared-cache lifetime (s-maxage); purge keeps it correct before it runs out. */
  edgeMaxAge: number
  /** How long a copy may be served when the database fails (stale-if-error). */
  staleIfError: number
  /**
   * Every query parameter the route reads, and how the key reads it. The route is given only these
   * (middleware/edge-cache.ts), so it can never answer differently for one the key leaves out.
   */
  params: Readonly<Record<string, QueryParam>>
  /** Tags for purge by tag; routes add their own (article ids, sections) on top. */
  tags: readonly string[]
  /** How long a shared cache or browser may serve an expired copy while it refetches; a minute by default. */
  staleWhileRevalidate?: number
  /** Concurrent misses wait for one render (middleware/edge-cache.ts): for fragments polled in crowds. */
  coalesce?: boolean
}

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const page = (
  edgeMaxAge: number,
  params: Record<string, QueryParam>,
  tags: string[],
): CachePolicy => ({
  maxAge: MINUTE,
  edgeMaxAge,
  staleIfError: DAY,
  params,
  tags,
})

/**
 * Matched top to bottom on the path. A path that matches nothing is never cached: /editor, /api,
 * /healthz, POSTs and anything personal stay out by default.
 */
export const CACHE_POLICIES: readonly (readonly [RegExp, CachePolicy])[] = [
  [/^\/$/, page(5 * MINUTE, {}, ['home'])],
  // The notice after a post without JavaScript: two values, both purged with the article.
  [/^\/news\/[^/]+$/, page(HOUR, { comment: oneOf(['approved', 'pending'], true) }, ['articles'])],
  [
    /^\/news\/[^/]+\/comments$/,
    page(5 * MINUTE, { cursor: commentCursor, reply_to: commentId }, ['comments']),
  ],
  [
    /^\/fragments\/articles\/\d+\/comments$/,
    page(5 * MINUTE, { cursor: commentCursor }, ['comments']),
  ],
  [
    /^\/fragments\/articles\/\d+\/comments\/\d+\/reply-form$/,
    // `edition`: the words of a reply form on a page outside the default edition.
    page(DAY, { edition: editionCode }, ['comments']),
  ],
  [/^\/(category|tag)\/[^/]+$/, page(10 * MINUTE, { page: pageNumber(true) }, ['sections'])],
  [
    /^\/(search|fragments\/search)$/,
    page(2 * MINUTE, { q: searchTerms, page: pageNumber(false) }, ['search']),
  ],
  [/^\/favorites$/, page(DAY, {}, ['favorites'])],
  [/^\/fragments\/favorites$/, page(5 * MINUTE, { ids: anyText }, ['favorites'])],
  [
    /^\/((category|tag|author)\/[^/]+\/|corrections\/)?(feed|atom)\.xml$/,
    page(15 * MINUTE, {}, ['feeds']),
  ],
  [/^\/author\/[^/]+$/, page(10 * MINUTE, { page: pageNumber(true) }, ['authors'])],
  [/^\/corrections$/, page(10 * MINUTE, { page: pageNumber(true) }, ['corrections'])],
  [/^\/(sitemap\.xml|sitemaps\/[^/]+\.xml)$/, page(HOUR, {}, ['sitemaps'])],
  [/^\/robots\.txt$/, { ...page(DAY, {}, ['robots']), maxAge: DAY }],
  // Embeds: a change purges the plain URLs at once (services/purge.ts); the theme, lang and limit
  // variants are too many to list, so a short edge lifetime bounds how stale they can be.
  [
    /^\/(fragments\/)?embed\/articles\/[^/]+$/,
    page(5 * MINUTE, { theme: embedTheme, lang: embedLang }, ['embeds']),
  ],
  [
    /^\/(fragments\/)?embed\/latest$/,
    page(
      5 * MINUTE,
      {
        category: sectionFilter('category'),
        tag: sectionFilter('tag'),
        limit: embedLimit,
        theme: embedTheme,
        lang: embedLang,
      },
      ['embeds'],
    ),
  ],
  [
    /^\/oembed$/,
    page(
      5 * MINUTE,
      { url: anyText, format: oembedFormat, maxwidth: anyText, maxheight: anyText },
      ['embeds'],
    ),
  ],
  // Live coverage changes by the second: a few seconds at the edge, purged on each update anyway, and
  // never served stale, so a poll sees an update within its own interval (services/live-purge.ts).
  [
    /^\/fragments\/articles\/\d+\/live$/,
    {
      ...page(5, { after: liveCursor }, ['live']),
      maxAge: 0,
      staleWhileRevalidate: 0,
      coalesce: true,
    },
  ],
  [
    /^\/fragments\/breaking$/,
    { ...page(30, {}, ['breaking']), maxAge: 0, staleWhileRevalidate: 0, coalesce: true },
  ],
  // The loader's content-hashed URL never changes its bytes (routes/widget.ts).
  [/^\/widget-[0-9a-f]{16}\.js$/, { ...page(365 * DAY, {}, ['widget']), maxAge: 365 * DAY }],
]

/**
 * Static pages at `/<slug>`: any well-formed slug that no route reserves (lib/reserved-slugs.ts),
 * so /healthz and the newsroom can never fall under it. Kept out of the table above because it
 * must be matched last.
 */
const STATIC_PAGE = new RegExp(
  `^/(?!(?:${[...RESERVED_SLUGS].join('|')})$)[a-z0-9]+(?:-[a-z0-9]+)*$`,
)
const STATIC_PAGE_POLICY = page(HOUR, {}, ['pages'])

/** A 404 is cached briefly, so a flood of requests for a missing page does not reach the DB. */
export const NOT_FOUND_EDGE_MAX_AGE = MINUTE

export function cachePolicyFor(pathname: string): CachePolicy | undefined {
  const policy = CACHE_POLICIES.find(([pattern]) => pattern.test(pathname))?.[1]
  return policy ?? (STATIC_PAGE.test(pathname) ? STATIC_PAGE_POLICY : undefined)
}

/** The header readers' browsers and shared caches (Workers Cache, CDNs) act on. */
export function cacheControlHeader(policy: CachePolicy, edgeMaxAge = policy.edgeMaxAge): string {
  return [
    'public',
    `max-age=${Math.min(policy.maxAge, edgeMaxAge)}`,
    `s-maxage=${edgeMaxAge}`,
    `stale-while-revalidate=${policy.staleWhileRevalidate ?? MINUTE}`,
    `stale-if-error=${policy.staleIfError}`,
  ].join(', ')
}

/** The editor's session cookie names; services/sessions.ts picks one per site. */
export const SESSION_COOKIE_NAMES = ['__Host-bulletin_session', 'bulletin_session'] as const

/** A session token's shape (services/sessions.ts): 32 random bytes in base64url. */
export const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/

/**
 * Someone signed in may see personal things, so their requests bypass the shared cache. Only the
 * cookie the session check reads (`name`, exactly), holding a token-shaped value, counts: a
 * look-alike name or value must not let anyone force uncached renders.
 */
export function carriesSessionToken(headers: Headers, name: string): boolean {
  const header = headers.get('cookie')
  if (!header) return false
  const value = parse(header, name)[name]
  return value !== undefined && SESSION_TOKEN.test(value)
}

/**
 * Whether the request gets the representation a plain browser gets. A page is the same for all,
 * but an error comes as JSON or as an htmx fragment to those who ask (middleware/errors.tsx), so
 * only a plain request's error may be stored or served from the cache.
 */
export function isPlainRequest(headers: Headers): boolean {
  return !headers.has('hx-request') && !/json/i.test(headers.get('accept') ?? '')
}
