// The article's tag links, each marked rel="tag".
import { useI18n } from '../i18n-context'
export function ArticleTags({ tags }: { tags: { slug: string; name: string }[] }) {
  const i18n = useI18n()
  if (tags.length === 0) return null
  return (
    <nav class="article__tags" aria-label={i18n.t('article.tags')}>
      <ul>
        {tags.map((tag) => (
          <li>
            <a href={i18n.href(`/tag/${tag.slug}`)} rel="tag">
              {tag.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
