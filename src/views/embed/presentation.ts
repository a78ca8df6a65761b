// How an embed looks on another site: its theme, its language and the site it links back to.

export const EMBED_THEMES = ['light', 'dark', 'auto'] as const
export type EmbedTheme = (typeof EMBED_THEMES)[number]

/** Served from 'self' inside the iframe, and added to the host page by the loader in inline mode. */
export const EMBED_STYLESHEET_URL = '/css/embed.css'
/** The few lines that post the document's height to the framing page. */
export const EMBED_FRAME_SCRIPT_URL = '/js/embed-frame.js'

export interface EmbedSite {
  name: string
  /** Absolute origin: a fragment lands on someone else's page, so every link must be absolute. */
  origin: string
  timeZone: string
}

export interface EmbedPresentation {
  theme: EmbedTheme
  /** BCP 47 tag for the embed's own words and dates; stories keep their own language. */
  lang: string
  /** The Intl locale of its dates: an edition's own (`ar-LB-u-nu-arab`) when `lang` is one. */
  locale: string
  site: EmbedSite
  /** The edition the embed shows (`''` for the default, `/ar`): its links back go there. */
  editionPrefix: string
}

/** Bare English dates read day-first, like the rest of the site ("28 Nov 2026, 14:05"). */
export function dateLocale(lang: string): string {
  return lang.toLowerCase() === 'en' ? 'en-GB' : lang
}

/** An absolute URL on the site, for links and images that must work inside a host page. */
export function siteUrl(site: EmbedSite, path: string): string {
  return new URL(path, site.origin).href
}
