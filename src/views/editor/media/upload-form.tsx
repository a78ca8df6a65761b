// The library's upload form: a drop zone with a progress bar under htmx, a plain file input without.
import { CsrfField } from '../components/csrf-field'
import { fieldAria } from '../components/field'

export const MEDIA_ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif'
export const UPLOAD_SCRIPT_URL = '/js/media-upload.js'

export function MediaUploadForm(props: { csrf: string; error?: string }) {
  const { csrf, error } = props
  return (
    <form
      id="media-upload"
      class="media-upload"
      method="post"
      action="/editor/media/upload"
      enctype="multipart/form-data"
      data-hx-post="/editor/media/upload"
      data-hx-target="#media-upload"
      data-hx-swap="outerHTML"
      data-upload-progress
    >
      <CsrfField token={csrf} />
      <div class="media-drop" data-drop-zone>
        <label for="media-file">Photo (JPEG, PNG, WebP, AVIF or GIF, up to 20 MB)</label>
        <input
          {...fieldAria('media-file', error, true)}
          name="file"
          type="file"
          accept={MEDIA_ACCEPT}
          required
        />
        <p class="field-hint" id="media-file-hint">
          Drop a photo here, or choose one. Location and camera data are removed.
        </p>
        {error ? (
          <p class="field-error" id="media-file-error" role="alert">
            {error}
          </p>
        ) : null}
        <progress class="media-progress" aria-label="Upload progress" max={100} value={0} hidden />
      </div>
      <button type="submit">Upload</button>
      <script src={UPLOAD_SCRIPT_URL} defer />
    </form>
  )
}
