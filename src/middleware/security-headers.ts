// Security headers for every response, from one policy table: strict CSP, framing, resource sharing.
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'
import { requestUrl } from '../lib/request-url'
import { TURNSTILE_SCRIPT_URL } from '../views/assets'

export interface SecurityPolicy {
  /** Who may frame the response: this site only, or any site (embed documents). */
  framing: 'self' | 'any'
  /** Cross-Origin-Resource-Policy: whether other sites may load the response. */
  resources: 'same-origin' | 'cross-origin'
  /** Whether Turnstile's script and frame may load here when it is configured. */
  turnstile: boolean
}

/**
 * THE table of security headers, matched top to bottom on the path; the last row matches all, so
 * a new route is same-origin and unframeable until someone decides otherwise here. Only the
 * `/fragments/embed/*` fragments and `/media/*` photos are meant for other sites; the other
 * fragments are htmx's own.
 */
export const SECURITY_POLICIES: readonly (readonly [RegExp, SecurityPolicy])[] = [
  [/^\/embed\//, { framing: 'any', resources: 'cross-origin', turnstile: false }],
  [
    /^\/(fragments\/embed\/|oembed$|widget-[0-9a-f]+\.js$)/,
    { framing: 'self', resources: 'cross-origin', turnstile: false },
  ],
  // Photos: embeds on partner sites and feed readers show them from other origins.
  [/^\/media\//, { framing: 'self', resources: 'cross-origin', turnstile: false }],
  [/^/, { framing: 'self', resources: 'same-origin', turnstile: true }],
]

export const TURNSTILE_ORIGIN = new URL(TURNSTILE_SCRIPT_URL).origin

/** Every powerful feature off: the site needs none of them, so a injected frame gets none either. */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

/** Hosts a browser treats as secure over plain http; HSTS there would pin a developer's machine. */
const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$|\.localhost$/

export function securityPolicyFor(path: string): SecurityPolicy {
  return SECURITY_POLICIES.find(([pattern]) => pattern.test(path))?.[1] as SecurityPolicy
}

/**
 * Scripts and styles only from our own origin: no inline code, no eval, so no nonce is needed.
 * Nonces would not suit anyway: pages are cached at the edge, and a cached nonce is no secret.
 * htmx runs under it with the config in views/assets.ts (no injected indicator styles).
 */
export function contentSecurityPolicy(policy: SecurityPolicy, turnstile: boolean): string {
  const challenge = turnstile && policy.turnstile ? [TURNSTILE_ORIGIN] : []
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...challenge],
    'style-src': ["'self'"],
    // Editors may use images from any https host (services/editorial-input.ts isImageUrl); the
    // favicon is a data: URL in each page (views/assets.ts).
    'img-src': ["'self'", 'https:', 'data:'],
    'connect-src': ["'self'"],
    'frame-src': ["'self'", ...challenge],
    'form-action': ["'self'"],
    'frame-ancestors': policy.framing === 'any' ? ['*'] : ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/**
 * The header lists already built, by policy and switches: a handful per site, and every response
 * (cache hits included) needs one, so the CSP text is joined once per isolate, not per request.
 */
const builtHeaders = new Map<string, [string, string][]>()

/** The headers for one response: its path's policy, HTTPS off localhost, Turnstile if configured. */
export function securityHeadersFor(url: URL, turnstile: boolean): [string, string][] {
  const policy = securityPolicyFor(url.pathname)
  const secure = url.protocol === 'https:' && !LOCAL_HOST.test(url.hostname)
  const key = `${policy.framing}|${policy.resources}|${policy.turnstile}|${secure}|${turnstile}`
  let headers = builtHeaders.get(key)
  if (!headers) {
    headers = Object.entries(buildSecurityHeaders(policy, secure, turnstile))
    builtHeaders.set(key, headers)
  }
  return headers
}

function buildSecurityHeaders(
  policy: SecurityPolicy,
  secure: boolean,
  turnstile: boolean,
): Record<string, string> {
  let csp = contentSecurityPolicy(policy, turnstile)
  if (secure) csp += '; upgrade-insecure-requests'
  return {
    'Content-Security-Policy': csp,
    ...(secure ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': policy.resources,
    // X-Frame-Options has no "anyone" value; CSP frame-ancestors says it for modern browsers.
    ...(policy.framing === 'self' ? { 'X-Frame-Options': 'SAMEORIGIN' } : {}),
    'Origin-Agent-Cluster': '?1',
    'X-Permitted-Cross-Domain-Policies': 'none',
  }
}

/** Runs first, so it also covers cache hits, errors, 404s and refusals by later middleware. */
export const withSecurityHeaders = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next()
    const url = requestUrl(c.req.raw)
    const turnstile = Boolean(c.env?.TURNSTILE_SITE_KEY)
    const { headers } = c.res
    for (const [name, value] of securityHeadersFor(url, turnstile)) {
      headers.set(name, value)
    }
    // A page without a declared charset lets the browser guess, and a guess can be steered.
    const type = headers.get('content-type')
    if (type && /^text\/html\b/i.test(type) && !/charset=/i.test(type)) {
      headers.set('content-type', `${type}; charset=utf-8`)
    }
  })
