// Bounds on a live update and the breaking alert, shared by the checks and the forms' maxlength.
export const LIVE_UPDATE_MAX = 10_000
export const LIVE_IMAGE_ALT_MAX = 300
export const BREAKING_HEADLINE_MAX = 160
export const BREAKING_URL_MAX = 2000
/** An alert lasts at most a day; a longer story belongs on the home page. */
export const BREAKING_MAX_MINUTES = 24 * 60
