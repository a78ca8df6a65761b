// The library's images as a grid of thumbnails, each linking to its page.
import type { MediaListItem } from '../../../db/queries/media'
import { mediaSrc } from '../../../lib/media-variants'

export function MediaGrid({ items }: { items: MediaListItem[] }) {
  if (items.length === 0) return <p>No images yet.</p>
  return (
    <ul class="media-grid" id="media-grid">
      {items.map((item) => (
        <li class="media-grid__item">
          <a href={`/editor/media/${item.id}`}>
            <img
              src={mediaSrc(item.key, item.width, 320)}
              alt={item.alt}
              width={320}
              height={Math.round((320 * item.height) / item.width)}
              loading="lazy"
              decoding="async"
            />
            <span class="media-grid__name">{item.filename || item.key}</span>
          </a>
          <span class="media-grid__meta">
            {item.width}×{item.height} · {item.uploaderName ?? 'a former account'}
            {item.alt ? '' : ' · needs alt text'}
          </span>
        </li>
      ))}
    </ul>
  )
}
