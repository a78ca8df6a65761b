// Names shared by newsroom forms and the code that reads them.

/** The hidden field holding the CSRF token; htmx sends the same token as X-CSRF-Token. */
export const CSRF_FIELD = '_csrf'

/**
 * Spread on htmx forms: an error the route did not turn into a form (session ended, not allowed,
 * server down) is shown in the page's alert region instead of replacing what the editor typed.
 */
export const HTMX_ERRORS_TO_ALERT = {
  'hx-status:4xx': 'target:#editor-alert, swap:innerHTML',
  'hx-status:5xx': 'target:#editor-alert, swap:innerHTML',
} as const
