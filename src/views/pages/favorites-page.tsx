// /favorites: the same cached shell for everyone; the reader's browser fills in its own list.
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export function FavoritesPage({ chrome }: { chrome: SiteChrome }) {
  return (
    <Layout chrome={chrome} title="Your favorites" head={<meta name="robots" content="noindex" />}>
      <h1 class="page-title">Your favorites</h1>
      <p class="page-intro">
        Favorites are kept in this browser only: we never store them on our servers.
      </p>
      {/* The stories' headings are h3, as in every list of cards; this keeps the outline whole. */}
      <h2 class="visually-hidden">Saved stories</h2>
      <div id="favorites-list" class="favorites" data-favorites-list aria-live="polite">
        <noscript>
          <p>Favorites need JavaScript, because they are saved in your browser.</p>
        </noscript>
      </div>
    </Layout>
  )
}
