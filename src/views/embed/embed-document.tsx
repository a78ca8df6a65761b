// The document an iframe embed is: no site chrome, one stylesheet, and only the height script.
import type { Child } from 'hono/jsx'
import { textDirection } from '../../lib/text-direction'
import { EMBED_FRAME_SCRIPT_URL, EMBED_STYLESHEET_URL } from './presentation'

export interface EmbedDocumentProps {
  title: string
  lang: string
  /** The story or section the embed stands for, so search engines credit that page instead. */
  canonicalUrl?: string
  children: Child
}

export function EmbedDocument({ title, lang, canonicalUrl, children }: EmbedDocumentProps) {
  return (
    <html lang={lang} dir={textDirection(lang)} class="bulletin-frame">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        {canonicalUrl ? <link rel="canonical" href={canonicalUrl} /> : null}
        <link rel="stylesheet" href={EMBED_STYLESHEET_URL} />
        <script src={EMBED_FRAME_SCRIPT_URL} defer />
      </head>
      <body>{children}</body>
    </html>
  )
}
