// /favorites: the same cached shell for everyone; the reader's browser fills in its own list.
import { Layout } from '../layout'
import type { SiteChrome } from '../site'

export function FavoritesPage({ chrome }: { chrome: SiteChrome }) {
  const { i18n } = chrome
  return (
    <Layout
      htmx
      chrome={chrome}
      title={i18n.t('favorites.title')}
      head={<meta name="robots" content="noindex" />}
    >
      <h1 class="page-title">{i18n.t('favorites.title')}</h1>
      <p class="page-intro">{i18n.t('favorites.intro')}</p>
      {/* The stories' headings are h3, as in every list of cards; this keeps the outline whole. */}
      <h2 class="visually-hidden">{i18n.t('favorites.saved')}</h2>
      {/* The script fetches the list from this edition's fragment, so cards link its sections. */}
      <div
        id="favorites-list"
        class="favorites"
        data-favorites-list={i18n.href('/fragments/favorites')}
        aria-live="polite"
      >
        <noscript>
          <p>{i18n.t('favorites.noscript')}</p>
        </noscript>
      </div>
    </Layout>
  )
}
