// "Add to favorites": a real toggle button; public/js/site.js keeps the list in localStorage.
export function FavoriteButton({ articleId, title }: { articleId: number; title: string }) {
  return (
    <button
      type="button"
      class="favorite-button"
      aria-pressed="false"
      data-favorite={articleId}
      data-favorite-title={title}
      hidden
    >
      <span aria-hidden="true">☆</span> <span class="favorite-button__label">Add to favorites</span>
    </button>
  )
}
