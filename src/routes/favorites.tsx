// Favorites live in the reader's browser; the server renders the page shell and, given ids, the list.
import { Hono } from 'hono'
import { loadChrome } from '../db/queries/categories'
import { listArticlesByIds } from '../db/queries/favorites'
import type { AppEnv } from '../env'
import { createI18n } from '../lib/i18n/i18n'
import { ReaderError } from '../lib/i18n/reader-error'
import { FavoritesList } from '../views/fragments/favorites-list'
import { I18nProvider } from '../views/i18n-context'
import { FavoritesPage } from '../views/pages/favorites-page'
import { siteChrome } from './page-context'

export const MAX_FAVORITES = 100

/** Parses `ids=3,1,2`: positive integers, duplicates dropped, order kept, at most 100. */
export function parseFavoriteIds(value: string | undefined): number[] {
  if (!value) return []
  const parts = value.split(',')
  if (parts.length > MAX_FAVORITES) {
    throw new ReaderError('INVALID', 'problem.tooManyFavorites', { max: MAX_FAVORITES })
  }
  const ids = parts.map((part) => Number(part.trim()))
  if (!ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new ReaderError('INVALID', 'problem.favoriteIds')
  }
  return [...new Set(ids)]
}

export const favorites = new Hono<AppEnv>()
  .get('/favorites', async (c) => {
    const chrome = siteChrome(c, await loadChrome(c.var.db, c.var.edition.code))
    return c.render(<FavoritesPage chrome={chrome} />)
  })
  .get('/fragments/favorites', async (c) => {
    const ids = parseFavoriteIds(c.req.query('ids'))
    const stories = await listArticlesByIds(c.var.db, ids)
    // Saved stories may be of any edition; the cards speak the edition the list is shown in.
    return c.html(
      <I18nProvider i18n={createI18n(c.var.edition)}>
        <FavoritesList stories={stories} timeZone={c.var.config.site.timeZone} />
      </I18nProvider>,
    )
  })
