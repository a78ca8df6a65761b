// An <img> that gets srcset and sizes when it is a library image, and width and height always.
import { mediaKeyOf, mediaSrc, mediaVariantUrl, widthsFor } from '../../lib/media-variants'

export interface ResponsiveImageProps {
  src: string
  alt: string
  width?: number | null
  height?: number | null
  /** How wide the image is drawn, as the `sizes` attribute says it. */
  sizes: string
  /** The width a browser without srcset gets. */
  fallbackWidth?: number
  /** The page's main image: fetched first and never lazily. */
  priority?: boolean
  class?: string
  /** A variant URL as absolute (embeds, feeds); defaults to the site-relative path. */
  absolute?: (path: string) => string
}

export function ResponsiveImage(props: ResponsiveImageProps) {
  const { src, alt, width, height, sizes, priority } = props
  const key = mediaKeyOf(src)
  const absolute = props.absolute ?? ((path: string) => path)
  const srcset = key
    ? widthsFor(width)
        .map((w) => `${absolute(mediaVariantUrl(key, w))} ${w}w`)
        .join(', ')
    : undefined
  return (
    <img
      class={props.class}
      src={absolute(key ? mediaSrc(key, width, props.fallbackWidth ?? 960) : src)}
      srcset={srcset}
      sizes={key ? sizes : undefined}
      alt={alt}
      width={width ?? undefined}
      height={height ?? undefined}
      loading={priority ? undefined : 'lazy'}
      fetchpriority={priority ? 'high' : undefined}
      decoding="async"
    />
  )
}
