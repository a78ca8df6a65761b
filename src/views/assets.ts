// URLs of the static assets pages load; versioned so they can be cached for a year.
import htmxPackage from 'htmx.org/package.json'

export const HTMX_URL = `/vendor/htmx-${htmxPackage.version}.min.js`
export const STYLESHEET_URL = '/css/site.css'
export const SITE_SCRIPT_URL = '/js/site.js'

/**
 * htmx 4's settings for every page. It only fetches same-origin URLs. Under the strict CSP it must
 * not inject its indicator stylesheet or copy style attributes while settling a swap, so both are off.
 */
export const HTMX_CONFIG = JSON.stringify({
  mode: 'same-origin',
  includeIndicatorCSS: false,
  defaultSettleDelay: 0,
})
