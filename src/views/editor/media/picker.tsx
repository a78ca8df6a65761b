// The image picker's content: search, upload, and the library's images with the Markdown for each.
import type { MediaRow } from '../../../db/queries/media'
import { escapeMarkdown } from '../../../lib/markdown-escape'
import { mediaSrc } from '../../../lib/media-variants'
import { CsrfField } from '../components/csrf-field'
import { markdownFor } from './item-page'
import { MEDIA_ACCEPT } from './upload-form'

export const PICKER_PATH = '/editor/media/picker'

export interface MediaPickerProps {
  items: MediaRow[]
  text: string
  page: number
  hasMore: boolean
  csrf: string
  /** In the article form's dialog (script running): each image gets an Insert button. */
  insertable: boolean
}

export function MediaPicker(props: MediaPickerProps) {
  const { items, text, page, hasMore, insertable } = props
  const query = (p: number) =>
    `${PICKER_PATH}?page=${p}${text ? `&q=${encodeURIComponent(text)}` : ''}`
  return (
    <div class="media-picker" data-media-picker-body>
      <form class="media-picker__search" method="get" action={PICKER_PATH}>
        <label for="media-picker-q">Search by description or file name</label>
        <input id="media-picker-q" name="q" type="search" value={text} maxlength={100} />
        <button type="submit">Search</button>
      </form>
      <form
        class="media-picker__upload"
        method="post"
        action="/editor/media/upload"
        enctype="multipart/form-data"
        data-media-picker-upload
      >
        <CsrfField token={props.csrf} />
        <label for="media-picker-file">Upload a new image</label>
        <input id="media-picker-file" name="file" type="file" accept={MEDIA_ACCEPT} required />
        <button type="submit">Upload</button>
        <p class="media-picker__status" role="status" data-media-picker-status />
      </form>
      {insertable ? (
        <p class="media-picker__option">
          <input id="media-picker-caption" type="checkbox" checked data-media-picker-caption />
          <label for="media-picker-caption">Add the caption and credit under the image</label>
        </p>
      ) : (
        <p>Copy an image's Markdown into the article's body.</p>
      )}
      {items.length === 0 ? (
        <p>{text ? 'No image matches.' : 'No images yet.'}</p>
      ) : (
        <ul class="media-picker__list">
          {items.map((item) => (
            <PickerItem item={item} insertable={insertable} />
          ))}
        </ul>
      )}
      <nav class="pager" aria-label="Pages of images">
        {page > 1 ? <a href={query(page - 1)}>Newer</a> : null}
        {hasMore ? <a href={query(page + 1)}>Older</a> : null}
      </nav>
    </div>
  )
}

function PickerItem({ item, insertable }: { item: MediaRow; insertable: boolean }) {
  const name = item.alt || item.filename || item.key
  const snippet = markdownFor(item)
  const caption = captionLineFor(item)
  return (
    <li class="media-picker__item">
      <img
        src={mediaSrc(item.key, item.width, 320)}
        alt=""
        width={120}
        height={Math.max(1, Math.round((120 * item.height) / item.width))}
        loading="lazy"
        decoding="async"
      />
      <div>
        <p class="media-picker__name">
          {name}
          {item.alt ? '' : ' (needs alt text)'}
        </p>
        <code class="media-picker__snippet">{caption ? `${snippet}\n${caption}` : snippet}</code>
        {insertable ? (
          <button
            type="button"
            aria-label={`Insert ${name}`}
            data-insert={snippet}
            data-caption={caption}
          >
            Insert
          </button>
        ) : null}
      </div>
    </li>
  )
}

/** Caption and credit as one emphasised line, with Markdown's own characters taken literally. */
function captionLineFor(media: Pick<MediaRow, 'caption' | 'credit'>): string {
  const text = [media.caption.trim(), media.credit.trim()].filter(Boolean).join(' — ')
  if (!text) return ''
  return `*${escapeMarkdown(text.replace(/\s+/g, ' '))}*`
}
