// The article's tag links, each marked rel="tag".
export function ArticleTags({ tags }: { tags: { slug: string; name: string }[] }) {
  if (tags.length === 0) return null
  return (
    <nav class="article__tags" aria-label="Tags">
      <ul>
        {tags.map((tag) => (
          <li>
            <a href={`/tag/${tag.slug}`} rel="tag">
              {tag.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
