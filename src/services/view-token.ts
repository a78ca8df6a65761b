// Signed view tokens: an article page carries one, so a beacon must follow a recent view of that page.
import { cacheControlHeader, cachePolicyFor } from '../edge/cache-policy'
import { BoundedMap } from '../lib/bounded-map'
import { fromBase64, toBase64Url } from '../lib/encoding'

/**
 * The HMAC key is derived from IP_HASH_SALT with HKDF and this label, so it is a key of its own:
 * a token reveals nothing about the salt, and no IP hash can be mistaken for a token.
 */
const KEY_LABEL = 'bulletin view-beacon token v1'

/** Issue times are rounded down to this step, so renders within it are byte-identical (one ETag). */
export const VIEW_TOKEN_STEP_SECONDS = 300

/** A token a few seconds in the future still counts: the Workers that sign and check may differ. */
const CLOCK_SKEW_SECONDS = 60

const TOKEN = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/

function directive(header: string, name: string): number {
  const match = new RegExp(`(?:^|[\\s,])${name}=(\\d+)`).exec(header)
  return match ? Number(match[1]) : 0
}

/**
 * How long a token stays valid: as long as the article page that carries it may still be shown,
 * read from the cache policy table. Two shared tiers may each keep a copy for s-maxage plus
 * stale-while-revalidate (the Worker's Cache API, and Workers Cache in front of it, which sees no
 * Age), then the browser for max-age plus stale-while-revalidate; the issue time was rounded down
 * by up to one step. Pages served stale-if-error are left out: the database is down then, so
 * their beacons could not be counted anyway. With today's table: 2 × 3,660 + 120 + 300 = 7,740 s.
 */
export function viewTokenLifetimeSeconds(pagePath = '/news/any-article'): number {
  const policy = cachePolicyFor(pagePath)
  if (!policy) return VIEW_TOKEN_STEP_SECONDS
  const header = cacheControlHeader(policy)
  const revalidate = directive(header, 'stale-while-revalidate')
  const shared = directive(header, 's-maxage') + revalidate
  const browser = directive(header, 'max-age') + revalidate
  return 2 * shared + browser + VIEW_TOKEN_STEP_SECONDS
}

/**
 * Derived keys by secret, for the isolate's life: deriving one (HKDF, then an HMAC key) on every
 * render showed in the profile of an uncached article. The key itself is kept, not a promise that
 * another request might still be settling; a site has one secret, so the map stays tiny.
 */
const derivedKeys = new BoundedMap<string, CryptoKey>(10)

async function tokenKey(secret: string): Promise<CryptoKey> {
  const known = derivedKeys.get(secret)
  if (known) return known
  const key = await deriveTokenKey(secret)
  derivedKeys.set(secret, key)
  return key
}

async function deriveTokenKey(secret: string): Promise<CryptoKey> {
  const encoder = new TextEncoder()
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, [
    'deriveKey',
  ])
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(KEY_LABEL) },
    material,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign', 'verify'],
  )
}

function signedText(articleId: number, issuedAt: number): Uint8Array {
  return new TextEncoder().encode(`view:${articleId}:${issuedAt}`)
}

/**
 * Tokens signed this isolate, by secret, article and issue time: every render of an article within
 * one step carries the same token, so it is signed once a step rather than on each render (an HMAC
 * was 2% of an uncached article's CPU). Cleared when full, as the formatted-time memo is.
 */
const signedTokens = new BoundedMap<string, string>(5000)

/** A token for the page of `articleId` rendered at `now`: `<issued, s>.<HMAC-SHA256, base64url>`. */
export async function signViewToken(secret: string, articleId: number, now: Date): Promise<string> {
  const step = VIEW_TOKEN_STEP_SECONDS
  const issuedAt = Math.floor(now.getTime() / 1000 / step) * step
  const memo = `${issuedAt}:${articleId}:${secret}`
  const known = signedTokens.get(memo)
  if (known) return known
  const mac = await crypto.subtle.sign(
    'HMAC',
    await tokenKey(secret),
    signedText(articleId, issuedAt),
  )
  const token = `${issuedAt}.${toBase64Url(new Uint8Array(mac))}`
  signedTokens.set(memo, token)
  return token
}

/**
 * True for a token this site signed for this article within its lifetime. Anything else (none,
 * malformed, forged, expired, another article's) is false. No database is involved.
 */
export async function verifyViewToken(
  secret: string,
  articleId: number,
  token: string | undefined,
  now: Date,
): Promise<boolean> {
  const match = TOKEN.exec(token ?? '')
  if (!match) return false
  const issuedAt = Number(match[1])
  const age = now.getTime() / 1000 - issuedAt
  if (age < -CLOCK_SKEW_SECONDS || age > viewTokenLifetimeSeconds()) return false
  const mac = fromBase64(`${(match[2] as string).replace(/-/g, '+').replace(/_/g, '/')}=`)
  return crypto.subtle.verify('HMAC', await tokenKey(secret), mac, signedText(articleId, issuedAt))
}
