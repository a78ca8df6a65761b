// The newsroom's document shell: its own header and navigation, the CSRF meta tag and editor assets.
import type { Child } from 'hono/jsx'
import { FAVICON_HREF, HTMX_CONFIG, PAGE_SCRIPT_URL, STYLESHEET_URL } from '../assets'
import type { EditorChrome, EditorSection } from './chrome'
import { CsrfField } from './components/csrf-field'

export const EDITOR_STYLESHEET_URL = '/css/editor.css'
export const EDITOR_SCRIPT_URL = '/js/editor.js'

const NAV: { section: EditorSection; href: string; label: string; needs?: 'moderate' | 'admin' }[] =
  [
    { section: 'dashboard', href: '/editor', label: 'Dashboard' },
    { section: 'articles', href: '/editor/articles', label: 'Articles' },
    { section: 'new-article', href: '/editor/articles/new', label: 'New article' },
    { section: 'authors', href: '/editor/authors', label: 'Authors', needs: 'moderate' },
    { section: 'pages', href: '/editor/pages', label: 'Pages', needs: 'moderate' },
    { section: 'live', href: '/editor/live', label: 'Live desk' },
    { section: 'media', href: '/editor/media', label: 'Media' },
    { section: 'comments', href: '/editor/comments', label: 'Comments', needs: 'moderate' },
    {
      section: 'agency-feeds',
      href: '/editor/agency-feeds',
      label: 'Agency feeds',
      needs: 'moderate',
    },
    { section: 'users', href: '/editor/users', label: 'Users', needs: 'admin' },
    { section: 'tokens', href: '/editor/tokens', label: 'API tokens', needs: 'admin' },
    { section: 'audit', href: '/editor/audit', label: 'Audit log', needs: 'admin' },
    { section: 'export', href: '/editor/export', label: 'Export', needs: 'admin' },
  ]

export function EditorLayout(props: { chrome: EditorChrome; title: string; children: Child }) {
  const { chrome, title, children } = props
  const { site, user, csrfToken, current, can } = chrome
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} · Newsroom · ${site.name}`}</title>
        <meta name="color-scheme" content="light dark" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        {csrfToken ? <meta name="csrf-token" content={csrfToken} /> : null}
        <link rel="stylesheet" href={STYLESHEET_URL} />
        <link rel="stylesheet" href={EDITOR_STYLESHEET_URL} />
        <link rel="icon" href={FAVICON_HREF} type="image/svg+xml" />
        <script src={PAGE_SCRIPT_URL} defer />
        <script src={EDITOR_SCRIPT_URL} defer />
      </head>
      <body class="editor">
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="editor-header">
          <a class="editor-header__brand" href="/editor">
            {site.name} <span>Newsroom</span>
          </a>
          {user ? (
            <nav class="editor-nav" aria-label="Newsroom">
              <ul>
                {NAV.filter((item) => !item.needs || can[item.needs]).map((item) => (
                  <li>
                    <a
                      href={item.href}
                      aria-current={item.section === current ? 'page' : undefined}
                    >
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {user && csrfToken ? (
            <form class="editor-header__user" method="post" action="/editor/logout">
              <a href="/editor/account" aria-current={current === 'account' ? 'page' : undefined}>
                {user.name} <span class="role-badge">{user.role}</span>
              </a>
              <CsrfField token={csrfToken} />
              <button type="submit" class="button--quiet">
                Sign out
              </button>
            </form>
          ) : null}
        </header>
        <main id="main" tabindex={-1} class="editor-main">
          {/* Errors from htmx requests land here, so a failed save never replaces the form. */}
          <div id="editor-alert" class="editor-alert" aria-live="assertive" />
          {children}
        </main>
        <footer class="editor-footer">
          <a href="/">View the site</a>
        </footer>
      </body>
    </html>
  )
}
