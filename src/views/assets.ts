// URLs of the static assets pages load; versioned so they can be cached for a year.
import htmxPackage from 'htmx.org/package.json'

export const HTMX_URL = `/vendor/htmx-${htmxPackage.version}.min.js`
export const STYLESHEET_URL = '/css/site.css'
export const SITE_SCRIPT_URL = '/js/site.js'
