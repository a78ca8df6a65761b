// Security headers for every response, from one policy: strict CSP, no sniffing, no framing but embeds.
import { createMiddleware } from 'hono/factory'
import { secureHeaders } from 'hono/secure-headers'

/**
 * Scripts only from our own origin: no inline script and no eval, which also stops htmx from
 * running scripts or `hx-on` code that could arrive in a swapped fragment.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
}

const SITE_POLICY = {
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  referrerPolicy: 'strict-origin-when-cross-origin',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  crossOriginEmbedderPolicy: false,
  permissionsPolicy: {
    camera: [],
    microphone: [],
    geolocation: [],
    payment: [],
    usb: [],
  },
  xFrameOptions: 'SAMEORIGIN',
} satisfies Parameters<typeof secureHeaders>[0]

/** Embed documents are made to be framed by any site; nothing else may be framed but by us. */
const FRAMEABLE = /^\/embed\//
/** What other sites load from us: embeds, their fragments, oEmbed and the versioned loader. */
const CROSS_ORIGIN = /^\/(embed\/|fragments\/embed\/|oembed$|widget-[0-9a-f]+\.js$)/

export const withSecurityHeaders = () => {
  const site = secureHeaders(SITE_POLICY)
  const shared = secureHeaders({ ...SITE_POLICY, crossOriginResourcePolicy: 'cross-origin' })
  const framed = secureHeaders({
    ...SITE_POLICY,
    contentSecurityPolicy: { ...CONTENT_SECURITY_POLICY, frameAncestors: ['*'] },
    crossOriginResourcePolicy: 'cross-origin',
    // X-Frame-Options has no "anyone" value; CSP frame-ancestors says it for modern browsers.
    xFrameOptions: false,
  })
  return createMiddleware((c, next) => {
    const { path } = c.req
    const policy = FRAMEABLE.test(path) ? framed : CROSS_ORIGIN.test(path) ? shared : site
    return policy(c, next)
  })
}
