// "Insert image" under a Markdown field: a dialog with the script, the picker page in a new tab without.
import { PICKER_PATH } from './picker'

const PICKER_SCRIPT_URL = '/js/media-picker.js'

export function MediaPickerOpener({ textareaId }: { textareaId: string }) {
  return (
    <p class="media-picker-opener">
      {/* A new tab, so that nothing typed in this form is lost on the way. */}
      <a
        href={PICKER_PATH}
        target="_blank"
        rel="noopener"
        aria-haspopup="dialog"
        data-media-picker={textareaId}
      >
        Insert image from the library
      </a>
      <script src={PICKER_SCRIPT_URL} defer />
    </p>
  )
}
