// "Add to favorites": a real toggle button; public/js/site.js keeps the list in localStorage.
import { useI18n } from '../i18n-context'
export function FavoriteButton({ articleId, title }: { articleId: number; title: string }) {
  const i18n = useI18n()
  // The script swaps the label for data-saved-label once the story is saved, in the page's language.
  return (
    <button
      type="button"
      class="favorite-button"
      aria-pressed="false"
      data-favorite={articleId}
      data-favorite-title={title}
      data-add-label={i18n.t('article.addFavorite')}
      data-saved-label={i18n.t('article.savedFavorite')}
      hidden
    >
      <span aria-hidden="true">☆</span>{' '}
      <span class="favorite-button__label">{i18n.t('article.addFavorite')}</span>
    </button>
  )
}
