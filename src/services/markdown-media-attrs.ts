// The attributes a library image in Markdown is rendered with: variant srcset, sizes, and its size.
import {
  BODY_IMAGE_SIZES,
  bodyImageSrcset,
  type MediaWidth,
  mediaKeyOf,
  mediaSrc,
  mediaVariantUrl,
  widthsFor,
} from '../lib/media-variants'

export interface LibraryImage {
  src: string
  attrs: Record<string, string>
}

const BARE = /^\/media\/([0-9a-f]{32})$/
const VARIANT = /^\/media\/[0-9a-f]{32}\/(\d+)\.jpg$/

/**
 * `/media/<key>` or a pasted variant `/media/<key>/<width>.jpg`, with the library's stored sizes
 * when known: srcset over the fixed widths (none wider than the original, nor than a pasted
 * variant), sizes, width and height. An unknown key stays a plain image; any other src is untouched.
 * The editor's preview knows no sizes, so it shows what an unknown key would.
 */
export function libraryImageAttributes(
  src: string,
  sizes?: ReadonlyMap<string, { width: number; height: number }>,
): LibraryImage {
  const key = mediaKeyOf(src)
  const stored = key ? sizes?.get(key) : undefined
  const known = stored && isSize(stored.width) && isSize(stored.height) ? stored : undefined
  if (!key || !(BARE.test(src) || VARIANT.test(src))) return { src, attrs: {} }
  if (!known) {
    // /media/<key> itself serves nothing: a plain image of the default variant (a 404 if unknown).
    if (BARE.test(src)) return { src: mediaSrc(key, null, 960), attrs: {} }
    const srcset = bodyImageSrcset(src)
    return srcset
      ? { src, attrs: { srcset, sizes: BODY_IMAGE_SIZES, decoding: 'async' } }
      : { src, attrs: {} }
  }
  const pasted = Number(VARIANT.exec(src)?.[1]) || Number.POSITIVE_INFINITY
  const widths = widthsFor(known.width).filter((w) => w <= pasted)
  const offered: MediaWidth[] = widths.length > 0 ? widths : widthsFor(known.width).slice(0, 1)
  return {
    src: BARE.test(src) ? mediaSrc(key, known.width, 960) : src,
    attrs: {
      srcset: offered.map((w) => `${mediaVariantUrl(key, w)} ${w}w`).join(', '),
      sizes: BODY_IMAGE_SIZES,
      width: String(known.width),
      height: String(known.height),
      decoding: 'async',
    },
  }
}

function isSize(value: number): boolean {
  return Number.isInteger(value) && value > 0
}
