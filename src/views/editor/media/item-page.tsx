// One library image: its texts (alt, caption, credit), where it is used, its Markdown, and delete.
import type { MediaRow, MediaUse } from '../../../db/queries/media'
import { MEDIA_ALT_MAX, MEDIA_CAPTION_MAX, MEDIA_CREDIT_MAX } from '../../../lib/media-text-limits'
import { mediaPath, mediaSrc } from '../../../lib/media-variants'
import type { EditorChrome, Notice } from '../chrome'
import { CsrfField } from '../components/csrf-field'
import { Field, fieldAria } from '../components/field'
import { NoticeMessage } from '../components/notice'
import { EditorLayout } from '../layout'

export interface MediaItemPageProps {
  chrome: EditorChrome
  media: MediaRow
  uses: MediaUse[]
  canManage: boolean
  notice?: Notice
  values?: { alt: string; caption: string; credit: string }
  errors?: Record<string, string>
}

/**
 * What an editor pastes into the Markdown body to show the image there. The bare library address:
 * at save time the renderer gives it srcset, sizes, width and height from the library.
 */
export function markdownFor(media: Pick<MediaRow, 'key' | 'alt'>): string {
  return `![${media.alt.replace(/[[\]\n]/g, ' ').trim()}](${mediaPath(media.key)})`
}

export function MediaItemPage(props: MediaItemPageProps) {
  const { chrome, media, uses, canManage, errors = {} } = props
  const values = props.values ?? media
  const csrf = chrome.csrfToken ?? ''
  const text = (id: string, name: 'alt' | 'caption' | 'credit', label: string, max: number) => (
    <Field id={id} label={label} error={errors[name]}>
      <input
        {...fieldAria(id, errors[name])}
        name={name}
        type="text"
        maxlength={max}
        value={values[name]}
        readonly={!canManage}
      />
    </Field>
  )
  return (
    <EditorLayout chrome={chrome} title={media.filename || 'Image'}>
      <h1>{media.filename || 'Image'}</h1>
      <NoticeMessage notice={props.notice} />
      <img
        class="media-item__preview"
        src={mediaSrc(media.key, media.width, 960)}
        alt={media.alt}
        width={media.width}
        height={media.height}
      />
      <p>
        {media.width}×{media.height} · {media.type} · {Math.round(media.bytes / 1024)} KB ·{' '}
        <a href={`/media/${media.key}/original`}>original</a>
      </p>
      <form method="post" action={`/editor/media/${media.id}`} class="media-item__form">
        <CsrfField token={csrf} />
        {text('media-alt', 'alt', 'Description for readers who cannot see it', MEDIA_ALT_MAX)}
        {text('media-caption', 'caption', 'Caption (optional)', MEDIA_CAPTION_MAX)}
        {text('media-credit', 'credit', 'Credit (optional)', MEDIA_CREDIT_MAX)}
        {canManage ? <button type="submit">Save</button> : null}
      </form>
      <p>
        As an article's lead image, use the address <code>{mediaPath(media.key)}</code>, width{' '}
        {media.width} and height {media.height}.
      </p>
      <h2>In the article body</h2>
      <p>Paste this into an article's text to show the image there:</p>
      <pre id="media-markdown">{markdownFor(media)}</pre>
      <button type="button" data-copy="media-markdown">
        Copy
      </button>
      <h2>Where it is used</h2>
      {uses.length === 0 ? (
        <p>Not used by any article.</p>
      ) : (
        <ul class="media-uses">
          {uses.map((use) => (
            <li>
              <a href={`/editor/articles/${use.id}`}>{use.title}</a> ({use.status},{' '}
              {use.place === 'hero' ? 'lead image' : 'in the text'})
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <form method="post" action={`/editor/media/${media.id}/delete`}>
          <CsrfField token={csrf} />
          <button type="submit" class="button--danger" data-confirm="Delete this image for good?">
            Delete image
          </button>
        </form>
      ) : null}
    </EditorLayout>
  )
}
