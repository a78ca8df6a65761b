// The iframe markup another site pastes, or receives as oEmbed `html`, to show a Bulletin embed.
export interface EmbedIframeProps {
  src: string
  title: string
  width: number
  height: number
}

/**
 * Sandboxed for the host's sake: the embed may run its height script, open the story in the top
 * window on a click, or in a new tab, and nothing else. It keeps its own origin (Bulletin's, never
 * the host's), so the loader can tell its height messages from anyone else's.
 */
export const EMBED_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation'

export function EmbedIframe({ src, title, width, height }: EmbedIframeProps) {
  return (
    <iframe
      src={src}
      title={title}
      width={width}
      height={height}
      loading="lazy"
      sandbox={EMBED_SANDBOX}
      // Obsolete but honoured everywhere, and unlike a style attribute no host CSP refuses it.
      frameborder="0"
    />
  )
}
