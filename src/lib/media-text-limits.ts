// How long an image's alt text, caption and credit may be: shared by the service and the form.
export const MEDIA_ALT_MAX = 300
export const MEDIA_CAPTION_MAX = 500
export const MEDIA_CREDIT_MAX = 200
