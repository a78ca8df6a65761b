// The image picker behind "Insert image" in the article form: a fragment for the dialog, a page without JS.
import { Hono } from 'hono'
import { MEDIA_PAGE_SIZE } from '../../db/queries/media'
import { searchMedia } from '../../db/queries/media-search'
import { isHtmxRequest } from '../../lib/htmx'
import type { EditorEnv } from '../../middleware/auth'
import { MediaPicker } from '../../views/editor/media/picker'
import { MediaPickerPage } from '../../views/editor/media/picker-page'
import { editorChrome } from './context'

// Every signed-in role sees the whole library, as on the library page; who may change an image
// is decided on the image's own page.
export const mediaPicker = new Hono<EditorEnv>().get('/media/picker', async (c) => {
  const page = Math.max(1, Math.min(1000, Number(c.req.query('page')) || 1))
  const text = (c.req.query('q') ?? '').trim().slice(0, 100)
  const mine = c.req.query('mine') === '1'
  const rows = await searchMedia(c.var.db, {
    text,
    page,
    uploadedBy: mine ? c.var.user.id : undefined,
  })
  const props = {
    items: rows.slice(0, MEDIA_PAGE_SIZE),
    hasMore: rows.length > MEDIA_PAGE_SIZE,
    page,
    text,
    csrf: c.var.csrfToken ?? '',
  }
  if (isHtmxRequest(c.req.raw.headers)) return c.render(<MediaPicker {...props} insertable />)
  return c.render(<MediaPickerPage chrome={editorChrome(c, 'media')} {...props} />)
})
