// "Upload image" in the article form: the file goes to the library and fills in the lead image.
// Its <form> sits outside the article form (forms cannot nest); the input joins it with form="…".
import type { MediaRow } from '../../../db/queries/media'
import { mediaPath, mediaSrc } from '../../../lib/media-variants'
import { CsrfField } from '../components/csrf-field'
import { markdownFor } from './item-page'
import { MEDIA_ACCEPT, UPLOAD_SCRIPT_URL } from './upload-form'

const FORM_ID = 'hero-upload'
export const HERO_STATUS_ID = 'hero-upload-status'

/** The form the control posts with; without JavaScript its answer opens in a new tab. */
export function HeroUploadForm({ csrf }: { csrf: string }) {
  return (
    <form
      id={FORM_ID}
      method="post"
      action="/editor/media/upload"
      enctype="multipart/form-data"
      target="_blank"
      data-hx-post="/editor/media/upload"
      data-hx-target={`#${HERO_STATUS_ID}`}
      data-hx-swap="innerHTML"
      data-upload-progress
      rel="noopener"
    >
      <CsrfField token={csrf} />
      <input type="hidden" name="purpose" value="hero" />
      <script src={UPLOAD_SCRIPT_URL} defer />
    </form>
  )
}

/** The drop zone inside the Image fieldset. */
export function HeroUploadControl() {
  return (
    <div class="media-drop media-drop--hero" data-drop-zone data-upload-progress>
      <label for="hero-upload-file">Upload image</label>
      <input
        id="hero-upload-file"
        form={FORM_ID}
        name="file"
        type="file"
        accept={MEDIA_ACCEPT}
        aria-describedby="hero-upload-hint"
        data-auto-submit
      />
      <p class="field-hint" id="hero-upload-hint">
        Drop a photo here or choose one: it goes to the media library and becomes the lead image.
      </p>
      <progress class="media-progress" aria-label="Upload progress" max={100} value={0} hidden />
      <div id={HERO_STATUS_ID} aria-live="polite" />
      <noscript>
        <button type="submit" form={FORM_ID}>
          Upload image
        </button>
      </noscript>
    </div>
  )
}

/** The answer to an upload from the article form: a thumbnail, and the fields it fills in. */
export function HeroUploadResult({ media }: { media: MediaRow }) {
  const fill = {
    image_url: mediaPath(media.key),
    image_width: String(media.width),
    image_height: String(media.height),
    ...(media.alt ? { image_alt: media.alt } : {}),
  }
  return (
    <div class="hero-upload-result" data-fill={JSON.stringify(fill)}>
      <img
        src={mediaSrc(media.key, media.width, 320)}
        alt=""
        width={160}
        height={Math.round((160 * media.height) / media.width)}
      />
      <p role="status">
        Uploaded {media.width}×{media.height}.{' '}
        {media.alt ? '' : 'Describe it below before publishing.'}{' '}
        <a href={`/editor/media/${media.id}`} target="_blank" rel="noopener">
          Caption and credit
        </a>
      </p>
      <p>
        In the text: <code>{markdownFor(media)}</code>
      </p>
    </div>
  )
}

/** An upload refused: the reason, next to the control, announced at once. */
export function HeroUploadError({ message }: { message: string }) {
  return (
    <p class="field-error" role="alert">
      {message}
    </p>
  )
}
