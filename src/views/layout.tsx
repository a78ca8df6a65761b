// The document shell every full page shares: head, skip link, header, main and footer.
import type { Child } from 'hono/jsx'
import {
  FAVICON_HREF,
  HTMX_CONFIG,
  PAGE_SCRIPT_URL,
  PAGE_SCRIPT_WITHOUT_HTMX_URL,
  STYLESHEET_URL,
} from './assets'
import { FeedLinks, type FeedScope } from './components/feed-links'
import { SiteFooter } from './components/site-footer'
import { SiteHeader } from './components/site-header'
import { I18nProvider } from './i18n-context'
import { BreakingSlot } from './live/breaking-banner'
import type { SiteChrome } from './site'

export interface LayoutProps {
  chrome: SiteChrome
  title: string
  description?: string
  /** Language of the main content, when not the edition's; `lang` and `dir` follow the edition. */
  language?: string
  /** Extra tags for <head>: canonical, Open Graph, JSON-LD. */
  head?: Child
  /** The section or tag feeds the page advertises, after the site's own. */
  feeds?: FeedScope[]
  /**
   * The page has htmx attributes, or site.js drives htmx on it (comments, search as you type, the
   * favourites list, live updates). Other pages load site.js without htmx, which they never use.
   */
  htmx?: boolean
  children: Child
}

export function Layout(props: LayoutProps) {
  const { chrome, title, description, language, head, feeds = [], htmx = false, children } = props
  const { i18n } = chrome
  const lang = language ?? i18n.lang
  const fullTitle = title === chrome.site.name ? title : `${title} | ${chrome.site.name}`
  // The whole document takes the edition's direction, so the layout mirrors, not just the text.
  // data-locale carries the digits to public/js/site.js's relative times.
  return (
    <I18nProvider i18n={i18n}>
      <html lang={lang} dir={i18n.dir} data-locale={i18n.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          {description ? <meta name="description" content={description} /> : null}
          <meta name="color-scheme" content="light dark" />
          {/* htmx 4 only fetches same-origin URLs; the CSP header forbids eval and inline scripts.
            Views write htmx attributes as data-hx-*, which htmx reads like hx-* and HTML allows. */}
          {htmx ? <meta name="htmx-config" content={HTMX_CONFIG} /> : null}
          <link rel="stylesheet" href={STYLESHEET_URL} />
          <link rel="icon" href={FAVICON_HREF} type="image/svg+xml" />
          <FeedLinks
            scopes={[
              { title: chrome.site.name, base: i18n.href('/').replace(/\/$/, '') },
              ...feeds,
            ]}
          />
          {head}
          <script src={htmx ? PAGE_SCRIPT_URL : PAGE_SCRIPT_WITHOUT_HTMX_URL} defer />
        </head>
        <body>
          <a class="skip-link" href="#main">
            {i18n.t('site.skip')}
          </a>
          <SiteHeader chrome={chrome} />
          <BreakingSlot alert={chrome.breakingAlert ?? null} />
          <main id="main" tabindex={-1}>
            {children}
          </main>
          <SiteFooter chrome={chrome} />
        </body>
      </html>
    </I18nProvider>
  )
}
