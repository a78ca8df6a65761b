// Names shared by newsroom forms and the code that reads them.

/** The hidden field holding the CSRF token; htmx sends the same token as X-CSRF-Token. */
export const CSRF_FIELD = '_csrf'
