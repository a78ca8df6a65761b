// Security headers for every response, from one policy: strict CSP, no sniffing, no framing.
import { secureHeaders } from 'hono/secure-headers'

/**
 * Scripts only from our own origin: no inline script and no eval, which also stops htmx from
 * running scripts or `hx-on` code that could arrive in a swapped fragment.
 */
export const withSecurityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
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
  })
