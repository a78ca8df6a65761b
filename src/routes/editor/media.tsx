// The newsroom media library: upload (library page or article form), edit texts, and delete.
import { Hono } from 'hono'
import { findMediaById, listMedia, listMediaUses, MEDIA_PAGE_SIZE } from '../../db/queries/media'
import { AppError } from '../../lib/errors'
import { isHtmxRequest } from '../../lib/htmx'
import { requestUrl } from '../../lib/request-url'
import type { EditorEnv } from '../../middleware/auth'
import { InvalidFields } from '../../services/editorial-input'
import {
  canManageMedia,
  deleteMedia,
  MediaInUse,
  updateMediaDetails,
} from '../../services/media-library'
import { uploadMedia } from '../../services/media-upload'
import { HeroUploadError, HeroUploadResult } from '../../views/editor/media/hero-upload'
import { MediaItemPage, type MediaItemPageProps } from '../../views/editor/media/item-page'
import { MediaLibraryPage } from '../../views/editor/media/library-page'
import { MediaUploadForm } from '../../views/editor/media/upload-form'
import { mediaBindings } from '../media-bindings'
import { type EditorContext, editorChrome, formText, parseId, readForm } from './context'
import { mediaPicker } from './media-picker'

async function renderLibrary(c: EditorContext, extra: { uploadError?: string } = {}) {
  const page = Math.max(1, Math.min(1000, Number(c.req.query('page')) || 1))
  const mine = c.req.query('mine') === '1'
  const rows = await listMedia(c.var.db, { page, uploadedBy: mine ? c.var.user.id : undefined })
  return c.render(
    <MediaLibraryPage
      chrome={editorChrome(c, 'media')}
      items={rows.slice(0, MEDIA_PAGE_SIZE)}
      hasMore={rows.length > MEDIA_PAGE_SIZE}
      page={page}
      mine={mine}
      {...extra}
    />,
  )
}

async function renderItem(
  c: EditorContext,
  id: number,
  extra: Omit<MediaItemPageProps, 'chrome' | 'media' | 'uses' | 'canManage'> = {},
) {
  const media = await findMediaById(c.var.db, id)
  if (!media) throw new AppError('NOT_FOUND', 'There is no such image.')
  const uses = await listMediaUses(c.var.db, media.key)
  return c.render(
    <MediaItemPage
      chrome={editorChrome(c, 'media')}
      media={media}
      uses={uses}
      canManage={canManageMedia(c.var.user, media)}
      {...extra}
    />,
  )
}

/** The one file of the upload: a second file, or none, is the sender's mistake. */
function theFile(form: Record<string, unknown>): File {
  const value = form.file
  if (Array.isArray(value)) throw new AppError('INVALID', 'Send one file at a time.')
  if (!(value instanceof File) || (value.size === 0 && value.name === '')) {
    throw new AppError('INVALID', 'Choose a photo to upload.')
  }
  return value
}

/** An upload refused: the reason next to the file field, in whichever form sent it. */
function refuseUpload(c: EditorContext, error: AppError, purpose: string) {
  c.status(error.code === 'TOO_LARGE' ? 413 : 400)
  const htmx = isHtmxRequest(c.req.raw.headers)
  if (htmx && purpose === 'hero') return c.render(<HeroUploadError message={error.message} />)
  if (htmx) {
    return c.render(<MediaUploadForm csrf={c.var.csrfToken} error={error.message} />)
  }
  return renderLibrary(c, { uploadError: error.message })
}

export const media = new Hono<EditorEnv>()
  // Before /media/:id, which would take "picker" for an id.
  .route('/', mediaPicker)
  .get('/media', (c) => renderLibrary(c))
  .post('/media/upload', async (c) => {
    const form = await readForm(c)
    const purpose = formText(form, 'purpose')
    try {
      const file = theFile(form)
      const { media: row } = await uploadMedia({ db: c.var.db, ...mediaBindings(c) }, c.var.user, {
        bytes: await file.arrayBuffer(),
        filename: file.name,
        alt: formText(form, 'alt'),
      })
      if (purpose === 'hero' && isHtmxRequest(c.req.raw.headers)) {
        return c.render(<HeroUploadResult media={row} />)
      }
      // htmx follows the redirect itself; without it, the image's page shows its address.
      return c.redirect(`/editor/media/${row.id}`, 303)
    } catch (error) {
      if (error instanceof AppError && (error.code === 'INVALID' || error.code === 'TOO_LARGE')) {
        return refuseUpload(c, error, purpose)
      }
      throw error
    }
  })
  .get('/media/:id', (c) => renderItem(c, parseId(c.req.param('id'), 'image')))
  .post('/media/:id', async (c) => {
    const id = parseId(c.req.param('id'), 'image')
    const form = await readForm(c)
    const values = {
      alt: formText(form, 'alt'),
      caption: formText(form, 'caption'),
      credit: formText(form, 'credit'),
    }
    try {
      await updateMediaDetails({ db: c.var.db }, c.var.user, id, values)
      return renderItem(c, id, { notice: { kind: 'success', text: 'Saved.' } })
    } catch (error) {
      if (!(error instanceof InvalidFields)) throw error
      c.status(422)
      return renderItem(c, id, { values, errors: error.fields })
    }
  })
  .post('/media/:id/delete', async (c) => {
    const id = parseId(c.req.param('id'), 'image')
    try {
      await deleteMedia(
        {
          db: c.var.db,
          ...mediaBindings(c),
          cache: typeof caches === 'undefined' ? undefined : caches.default,
          origin: c.var.config.site.url ?? requestUrl(c.req.raw).origin,
          zone: c.var.config.zonePurge,
        },
        c.var.user,
        id,
      )
      return c.redirect('/editor/media', 303)
    } catch (error) {
      if (!(error instanceof MediaInUse)) throw error
      c.status(409)
      return renderItem(c, id, { notice: { kind: 'error', text: error.message } })
    }
  })
