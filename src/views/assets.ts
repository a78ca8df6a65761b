// URLs of the static assets pages load.
// htmx and public/js/site.js in one content-hashed file, or site.js alone, built by `npm run vendor`.
export { PAGE_SCRIPT_URL, PAGE_SCRIPT_WITHOUT_HTMX_URL } from './page-script.generated'
export const STYLESHEET_URL = '/css/site.css'
/** public/favicon.svg, written into each page so that a first visit makes one request fewer. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#b3261e"/><path d="M9 7h9a6 6 0 0 1 2.6 11.4A6.5 6.5 0 0 1 18.5 25H9z" fill="#fff"/><path d="M13 11v4h4.5a2 2 0 0 0 0-4zm0 7.5V21h5a2 2 0 0 0 0-4z" fill="#b3261e"/></svg>'
export const FAVICON_HREF = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`
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
