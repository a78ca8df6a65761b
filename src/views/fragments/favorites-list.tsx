// The reader's saved stories, swapped into the favorites page by its script.
import type { ArticleSummary } from '../../db/queries/articles'
import { ArticleCard } from '../components/article-card'
import { useI18n } from '../i18n-context'

export function FavoritesList({
  stories,
  timeZone,
}: {
  stories: ArticleSummary[]
  timeZone: string
}) {
  const i18n = useI18n()
  if (stories.length === 0) {
    return <p class="favorites__empty">{i18n.t('favorites.empty')}</p>
  }
  return (
    <div class="card-grid">
      {stories.map((story) => (
        <ArticleCard article={story} timeZone={timeZone} />
      ))}
    </div>
  )
}
