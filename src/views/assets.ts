// URLs of the static assets pages load; versioned so they can be cached for a year.
import htmxPackage from 'htmx.org/package.json'

export const HTMX_URL = `/vendor/htmx-${htmxPackage.version}.min.js`
export const STYLESHEET_URL = '/css/site.css'
export const SITE_SCRIPT_URL = '/js/site.js'
/** Cloudflare Turnstile's widget; the CSP lets its origin in only when Turnstile is configured. */
export const TURNSTILE_SCRIPT_URL = 'https://challenges.cloudflare.com/turnstile/v0/api.js'

/**
 * htmx 4's settings for every page. It only fetches same-origin URLs. Under the strict CSP it must
 * not inject its indicator stylesheet or copy style attributes while settling a swap, so both are off.
 */
export const HTMX_CONFIG = JSON.stringify({
  mode: 'same-origin',
  includeIndicatorCSS: false,
  defaultSettleDelay: 0,
})
