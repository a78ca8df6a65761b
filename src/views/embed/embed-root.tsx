// The element every embed renders inside: its theme, language and direction, and its dated lines.
import type { Child } from 'hono/jsx'
import { textDirection } from '../../lib/text-direction'
import { formatDateTime } from '../../lib/time'
import type { EmbedPresentation } from './presentation'

/**
 * `bulletin-embed` scopes every style in embed.css, so an inline fragment neither takes styles
 * from the host page's classes nor leaks its own onto the host.
 */
export function EmbedRoot({
  presentation,
  children,
}: {
  presentation: Pick<EmbedPresentation, 'theme' | 'lang'>
  children: Child
}) {
  const { theme, lang } = presentation
  return (
    <div class={`bulletin-embed bulletin-theme-${theme}`} lang={lang} dir={textDirection(lang)}>
      {children}
    </div>
  )
}

/**
 * An absolute date in the embed's language: embeds run no script but the height one, so nothing
 * makes it relative. Inside a story in another language it marks its own, so an Arabic date in an
 * English story keeps its order.
 */
export function EmbedTime({
  date,
  presentation,
  storyLanguage,
}: {
  date: Date
  presentation: Pick<EmbedPresentation, 'lang' | 'locale' | 'site'>
  storyLanguage: string
}) {
  const { lang } = presentation
  return (
    <time
      class="bulletin-time"
      datetime={date.toISOString()}
      {...contentLanguage(lang, storyLanguage)}
    >
      {formatDateTime(date, presentation.site.timeZone, presentation.locale)}
    </time>
  )
}

/** `lang` and `dir` for text in `language`, only where it differs from what surrounds it. */
export function contentLanguage(language: string, surrounding: string) {
  if (language.toLowerCase() === surrounding.toLowerCase()) return {}
  return { lang: language, dir: textDirection(language) }
}
