// The one table of what the edge caches: per public GET route, its lifetimes, key parameters and tags.

export interface CachePolicy {
  /** Browser lifetime, in seconds. */
  maxAge: number
  /** Shared-cache lifetime (s-maxage); purge keeps it correct before it runs out. */
  edgeMaxAge: number
  /** How long a copy may be served when the database fails (stale-if-error). */
  staleIfError: number
  /** Query parameters that change the response; every other one is left out of the cache key. */
  params: readonly string[]
  /** Tags for purge by tag; routes add their own (article ids, sections) on top. */
  tags: readonly string[]
}

const MINUTE = 60
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const page = (edgeMaxAge: number, params: string[], tags: string[]): CachePolicy => ({
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
  [/^\/$/, page(5 * MINUTE, [], ['home'])],
  [/^\/news\/[^/]+$/, page(HOUR, ['comment'], ['articles'])],
  [/^\/news\/[^/]+\/comments$/, page(5 * MINUTE, ['cursor', 'reply_to'], ['comments'])],
  [/^\/fragments\/articles\/\d+\/comments$/, page(5 * MINUTE, ['cursor'], ['comments'])],
  [/^\/fragments\/articles\/\d+\/comments\/\d+\/reply-form$/, page(DAY, [], ['comments'])],
  [/^\/(category|tag)\/[^/]+$/, page(10 * MINUTE, ['page'], ['sections'])],
  [/^\/(search|fragments\/search)$/, page(2 * MINUTE, ['q', 'page'], ['search'])],
  [/^\/favorites$/, page(DAY, [], ['favorites'])],
  [/^\/fragments\/favorites$/, page(5 * MINUTE, ['ids'], ['favorites'])],
  [/^\/((category|tag)\/[^/]+\/)?(feed|atom)\.xml$/, page(15 * MINUTE, [], ['feeds'])],
  [/^\/(sitemap\.xml|sitemaps\/[^/]+\.xml)$/, page(HOUR, [], ['sitemaps'])],
  [/^\/robots\.txt$/, { ...page(DAY, [], ['robots']), maxAge: DAY }],
  // Embeds: a change purges the plain URLs at once (services/purge.ts); the theme, lang and limit
  // variants are too many to list, so a short edge lifetime bounds how stale they can be.
  [/^\/(fragments\/)?embed\/articles\/[^/]+$/, page(5 * MINUTE, ['theme', 'lang'], ['embeds'])],
  [
    /^\/(fragments\/)?embed\/latest$/,
    page(5 * MINUTE, ['category', 'tag', 'limit', 'theme', 'lang'], ['embeds']),
  ],
  [/^\/oembed$/, page(5 * MINUTE, ['url', 'format', 'maxwidth', 'maxheight'], ['embeds'])],
  // The loader's content-hashed URL never changes its bytes (routes/widget.ts).
  [/^\/widget-[0-9a-f]{16}\.js$/, { ...page(365 * DAY, [], ['widget']), maxAge: 365 * DAY }],
]

/** A 404 is cached briefly, so a flood of requests for a missing page does not reach the DB. */
export const NOT_FOUND_EDGE_MAX_AGE = MINUTE

export function cachePolicyFor(pathname: string): CachePolicy | undefined {
  return CACHE_POLICIES.find(([pattern]) => pattern.test(pathname))?.[1]
}

/** The header readers' browsers and shared caches (Workers Cache, CDNs) act on. */
export function cacheControlHeader(policy: CachePolicy, edgeMaxAge = policy.edgeMaxAge): string {
  return [
    'public',
    `max-age=${Math.min(policy.maxAge, edgeMaxAge)}`,
    `s-maxage=${edgeMaxAge}`,
    `stale-while-revalidate=${MINUTE}`,
    `stale-if-error=${policy.staleIfError}`,
  ].join(', ')
}

/** The editor's session cookie: a request carrying it is personal, so it bypasses the cache. */
export const SESSION_COOKIE_NAMES = ['__Host-bulletin_session', 'bulletin_session'] as const

export function hasSessionCookie(headers: Headers): boolean {
  const cookie = headers.get('cookie') ?? ''
  return SESSION_COOKIE_NAMES.some((name) => cookie.includes(`${name}=`))
}
