// The desk's one-field update form: Markdown, a key-event box and an optional image; Ctrl-Enter posts.
import { LIVE_IMAGE_ALT_MAX } from '../../../lib/live-input-limits'
import { CsrfField } from '../components/csrf-field'
import { fieldAria } from '../components/field'

export interface LiveFormValues {
  body: string
  keyEvent: boolean
  imageUrl: string
  imageAlt: string
}

export const EMPTY_LIVE_FORM: LiveFormValues = {
  body: '',
  keyEvent: false,
  imageUrl: '',
  imageAlt: '',
}

export function LiveUpdateForm(props: {
  action: string
  csrfToken: string
  values: LiveFormValues
  error?: string
  /** Prefix for element ids, so several forms (post, and each edit) can share a page. */
  idPrefix: string
  submitLabel: string
}) {
  const { action, csrfToken, values, error, idPrefix, submitLabel } = props
  const bodyId = `${idPrefix}-body`
  return (
    <form
      class="live-form"
      method="post"
      action={action}
      data-hx-post={action}
      data-hx-target="#live-desk"
      data-hx-swap="outerHTML"
    >
      <CsrfField token={csrfToken} />
      <label for={bodyId}>{submitLabel === 'Post update' ? 'New update' : 'Update text'}</label>
      {/* No maxlength: a cut-off paste would lose words silently; the server says what is too long. */}
      <textarea name="body" rows={4} data-submit-shortcut {...fieldAria(bodyId, error, true)}>
        {values.body}
      </textarea>
      <p class="field-hint" id={`${bodyId}-hint`}>
        Markdown. Ctrl+Enter (⌘+Enter on a Mac) posts it.
      </p>
      {error ? (
        <p class="field-error" id={`${bodyId}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <div class="live-form__row">
        <label class="checkbox">
          <input type="checkbox" name="key_event" value="1" checked={values.keyEvent} /> Key event
        </label>
        <details class="live-form__image" open={values.imageUrl !== ''}>
          <summary>Image</summary>
          <label for={`${idPrefix}-image`}>Image address (a media library path or https)</label>
          <input id={`${idPrefix}-image`} name="image_url" value={values.imageUrl} />
          <label for={`${idPrefix}-alt`}>Image description</label>
          <input
            id={`${idPrefix}-alt`}
            name="image_alt"
            value={values.imageAlt}
            maxlength={LIVE_IMAGE_ALT_MAX}
          />
        </details>
        <button type="submit">{submitLabel}</button>
      </div>
    </form>
  )
}
