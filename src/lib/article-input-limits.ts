// Longest accepted article fields: the validation enforces them and the form's maxlength shows them.
export const TITLE_MAX = 200
export const SUMMARY_MAX = 600
export const BODY_MAX = 200_000
export const BYLINE_MAX = 200
export const TAG_MAX = 60
export const TAGS_MAX = 20
export const RELATED_MAX = 6
export const IMAGE_URL_MAX = 2000
export const IMAGE_ALT_MAX = 300
