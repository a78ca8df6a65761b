// Managing library images: who may change or delete one, the texts shown with it, and deleting it.
import {
  blocksDeletion,
  deleteMediaRow,
  findMediaById,
  listMediaUses,
  type MediaRow,
  type MediaUse,
  updateMediaText,
} from '../db/queries/media'
import { purgeZone, type ZonePurgeOptions } from '../edge/zone-purge'
import { AppError } from '../lib/errors'
import { MEDIA_ALT_MAX, MEDIA_CAPTION_MAX, MEDIA_CREDIT_MAX } from '../lib/media-text-limits'
import { auditEntry } from './audit'
import { InvalidFields } from './editorial-input'
import { type Actor, can } from './editorial-permissions'
import type { MediaStore } from './media-upload'
import { variantUrls } from './media-variants'

export interface MediaText {
  alt: string
  caption: string
  credit: string
}

/** Editors and admins manage every image; an author manages the images they uploaded. */
export function canManageMedia(
  actor: Pick<Actor, 'id' | 'role'>,
  row: Pick<MediaRow, 'uploadedBy'>,
) {
  return can(actor, 'articles:edit-any') || row.uploadedBy === actor.id
}

async function loadManageable(store: Pick<MediaStore, 'db'>, actor: Actor, id: number) {
  const row = await findMediaById(store.db, id)
  if (!row) throw new AppError('NOT_FOUND', 'There is no such image.')
  if (!canManageMedia(actor, row)) {
    throw new AppError('FORBIDDEN', 'Authors manage only the images they uploaded. Ask an editor.')
  }
  return row
}

/** Trimmed texts, or InvalidFields naming each one that is too long. */
export function parseMediaText(input: MediaText): MediaText {
  const text = { alt: input.alt.trim(), caption: input.caption.trim(), credit: input.credit.trim() }
  const errors: Record<string, string> = {}
  if (text.alt.length > MEDIA_ALT_MAX) errors.alt = `At most ${MEDIA_ALT_MAX} characters.`
  if (text.caption.length > MEDIA_CAPTION_MAX)
    errors.caption = `At most ${MEDIA_CAPTION_MAX} characters.`
  if (text.credit.length > MEDIA_CREDIT_MAX)
    errors.credit = `At most ${MEDIA_CREDIT_MAX} characters.`
  if (Object.keys(errors).length > 0) throw new InvalidFields(errors)
  return text
}

export async function updateMediaDetails(
  store: Pick<MediaStore, 'db'>,
  actor: Actor,
  id: number,
  input: MediaText,
  now = new Date(),
): Promise<MediaRow> {
  const row = await loadManageable(store, actor, id)
  const text = parseMediaText(input)
  const audit = auditEntry(actor, 'media.update', { type: 'media', id }, { key: row.key })
  await updateMediaText(store.db, id, text, audit, now)
  return { ...row, ...text, updatedAt: now }
}

/** Thrown when a published or scheduled article still shows the image; lists where. */
export class MediaInUse extends AppError {
  constructor(readonly uses: MediaUse[]) {
    const titles = uses.map((use) => `“${use.title}”`).join(', ')
    super('CONFLICT', `This image is used by ${titles}. Remove it from there first.`)
  }
}

export interface DeleteDeps extends MediaStore {
  cache: Cache | undefined
  origin: string
  zone: ZonePurgeOptions | undefined
}

/**
 * Deletes an image nobody publishes: the row (with its audit entry) first, so the library never
 * lists a missing file, then the object, then every cached variant here and, with a zone, at the
 * edge everywhere.
 */
export async function deleteMedia(deps: DeleteDeps, actor: Actor, id: number): Promise<MediaRow> {
  const row = await loadManageable(deps, actor, id)
  const blocking = (await listMediaUses(deps.db, row.key)).filter(blocksDeletion)
  if (blocking.length > 0) throw new MediaInUse(blocking)
  const audit = auditEntry(actor, 'media.delete', { type: 'media', id }, { key: row.key })
  await deleteMediaRow(deps.db, id, audit)
  await deps.bucket.delete(row.key)
  const urls = [...variantUrls(deps.origin, row.key), `${deps.origin}/media/${row.key}/original`]
  if (deps.cache) {
    const cache = deps.cache
    await Promise.all(urls.map((url) => cache.delete(url)))
  }
  if (deps.zone) await purgeZone(deps.zone, { files: urls })
  return row
}
