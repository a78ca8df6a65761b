// The reader's saved stories, swapped into the favorites page by its script.
import type { ArticleSummary } from '../../db/queries/articles'
import { ArticleCard } from '../components/article-card'

export function FavoritesList({
  stories,
  timeZone,
}: {
  stories: ArticleSummary[]
  timeZone: string
}) {
  if (stories.length === 0) {
    return (
      <p class="favorites__empty">
        You have no favorites yet. Use “Add to favorites” on any article to keep it here.
      </p>
    )
  }
  return (
    <div class="card-grid">
      {stories.map((story) => (
        <ArticleCard article={story} timeZone={timeZone} />
      ))}
    </div>
  )
}
