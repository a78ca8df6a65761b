// The media URL scheme shared by the serving route and the views: fixed widths, formats and paths.

/**
 * The only widths ever made. A fixed set keeps /media from being a way for anyone to spend our CPU
 * on sizes they made up; 1200 is the width Open Graph and JSON-LD point at.
 */
export const MEDIA_WIDTHS = [320, 480, 640, 960, 1200, 1600] as const
export type MediaWidth = (typeof MEDIA_WIDTHS)[number]
export const SHARE_WIDTH: MediaWidth = 1200

/** Keys are the first 128 bits of the upload's SHA-256, in hex. */
export const MEDIA_KEY_PATTERN = /^[0-9a-f]{32}$/

/** The address an article stores for a library image; variants hang below it. */
export function mediaPath(key: string): string {
  return `/media/${key}`
}

/** The library key behind an image address such as `/media/<key>`, or null for any other image. */
export function mediaKeyOf(url: string | null | undefined): string | null {
  const match = /^\/media\/([0-9a-f]{32})(?:\/|$)/.exec(url ?? '')
  return match ? (match[1] ?? null) : null
}

/** A variant's URL. `.jpg` is negotiated from Accept (AVIF, WebP, then JPEG), so one URL serves all. */
export function mediaVariantUrl(key: string, width: MediaWidth): string {
  return `${mediaPath(key)}/${width}.jpg`
}

/** The widths worth offering for an image this wide: none larger than the original. */
export function widthsFor(intrinsicWidth: number | null | undefined): MediaWidth[] {
  const fit = MEDIA_WIDTHS.filter((width) => !intrinsicWidth || width <= intrinsicWidth)
  return fit.length > 0 ? fit : [MEDIA_WIDTHS[0]]
}

/** The variant closest to `wanted` without going past the original, for a single `src`. */
export function mediaSrc(
  key: string,
  intrinsicWidth: number | null | undefined,
  wanted: number,
): string {
  const widths = widthsFor(intrinsicWidth)
  const width = widths.find((w) => w >= wanted) ?? widths[widths.length - 1] ?? MEDIA_WIDTHS[0]
  return mediaVariantUrl(key, width)
}

/** The image Open Graph, Twitter and JSON-LD point at: a library image's 1200-wide variant. */
export function shareImagePath(url: string, intrinsicWidth: number | null | undefined): string {
  const key = mediaKeyOf(url)
  return key ? mediaSrc(key, intrinsicWidth, SHARE_WIDTH) : url
}

/** The shared image with the size it is served at, for feeds' media:content. */
export function shareImage(
  url: string,
  width: number | null | undefined,
  height: number | null | undefined,
): { path: string; width?: number; height?: number } {
  const key = mediaKeyOf(url)
  if (!key || !width || !height)
    return { path: url, width: width ?? undefined, height: height ?? undefined }
  const widths = widthsFor(width)
  const served = Math.min(
    width,
    widths.find((w) => w >= SHARE_WIDTH) ?? widths[widths.length - 1] ?? width,
  )
  return {
    path: mediaVariantUrl(key, served as MediaWidth),
    width: served,
    height: Math.round((height * served) / width),
  }
}

/** A single address to show any article image at about `wanted` wide: a library image's variant. */
export function displaySrc(url: string, wanted = 960): string {
  const key = mediaKeyOf(url)
  return key ? mediaSrc(key, null, wanted) : url
}

/** How wide an image in an article's body is drawn: the text column. */
export const BODY_IMAGE_SIZES = '(min-width: 48rem) 42rem, calc(100vw - 2rem)'

/**
 * The srcset for an image pasted into the body as a variant (`/media/<key>/<width>.jpg`): every
 * fixed width up to the pasted one, which the library chose no wider than the original.
 */
export function bodyImageSrcset(src: string): string | null {
  const match = /^\/media\/([0-9a-f]{32})\/(\d+)\.jpg$/.exec(src)
  const pasted = Number(match?.[2])
  if (!match?.[1] || !MEDIA_WIDTHS.some((w) => w === pasted)) return null
  const key = match[1]
  return MEDIA_WIDTHS.filter((w) => w <= pasted)
    .map((w) => `${mediaVariantUrl(key, w)} ${w}w`)
    .join(', ')
}

/** True for a srcset of library variants only, as bodyImageSrcset writes them. */
export function isMediaSrcset(value: string): boolean {
  const entry = `/media/[0-9a-f]{32}/(?:${MEDIA_WIDTHS.join('|')})\\.jpg (?:${MEDIA_WIDTHS.join('|')})w`
  return new RegExp(`^${entry}(?:, ${entry})*$`).test(value)
}
