// The picker as a page of its own: what "Insert image" opens without JavaScript, in a new tab.
import type { EditorChrome } from '../chrome'
import { EditorLayout } from '../layout'
import { MediaPicker, type MediaPickerProps } from './picker'

export function MediaPickerPage(
  props: Omit<MediaPickerProps, 'insertable'> & { chrome: EditorChrome },
) {
  const { chrome, ...picker } = props
  return (
    <EditorLayout chrome={chrome} title="Insert an image">
      <h1>Insert an image</h1>
      <MediaPicker {...picker} insertable={false} />
    </EditorLayout>
  )
}
