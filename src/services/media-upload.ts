// Taking an upload into the library: checked by its bytes, oriented, stripped of metadata, stored once.
import type { Db } from '../db/client'
import { findMediaByHash, insertMedia, type MediaRow } from '../db/queries/media'
import { toHex } from '../lib/encoding'
import { AppError } from '../lib/errors'
import { auditEntry } from './audit'
import type { Actor } from './editorial-permissions'
import { checkFileName, type MediaType, sniffImageType } from './media-sniff'

export const MEDIA_MAX_BYTES = 20 * 1024 * 1024
/**
 * Decoding costs memory by pixel, not by byte: a small file can claim 50 megapixels and more. 40
 * megapixels admits every common camera and refuses such bombs before anything decodes them.
 */
export const MEDIA_MAX_PIXELS = 40_000_000

export interface MediaStore {
  db: Db
  bucket: R2Bucket
  images: ImagesBinding
}

export interface MediaUpload {
  bytes: ArrayBuffer
  filename: string
  alt?: string
  caption?: string
  credit?: string
}

export interface UploadResult {
  media: MediaRow
  /** False when the same file was already in the library, which is then returned instead. */
  created: boolean
}

/** GIF cannot be written by every Images backend and holds news photos badly, so it becomes PNG. */
function storedTypeFor(type: MediaType): Exclude<MediaType, 'image/gif'> {
  return type === 'image/gif' ? 'image/png' : type
}

function streamOf(bytes: ArrayBuffer | Uint8Array): ReadableStream<Uint8Array> {
  return new Blob([bytes]).stream()
}

async function readInfo(images: ImagesBinding, bytes: ArrayBuffer | Uint8Array) {
  try {
    const info = await images.info(streamOf(bytes))
    if (!('width' in info)) throw new Error('no dimensions')
    return info
  } catch {
    throw new AppError('INVALID', 'This image could not be read. It may be damaged or incomplete.')
  }
}

/**
 * Re-encodes at full size: the Images binding applies the EXIF orientation and writes no EXIF, GPS
 * or other metadata, so nothing served later carries it. A truncated file fails here, whole.
 */
async function cleanOriginal(images: ImagesBinding, bytes: ArrayBuffer, type: MediaType) {
  try {
    const output = await images
      .input(streamOf(bytes))
      .transform({})
      .output({ format: storedTypeFor(type), quality: 90 })
    return new Uint8Array(await output.response().arrayBuffer())
  } catch {
    throw new AppError(
      'INVALID',
      'This image is damaged or incomplete (was the upload cut short?). Export it again and retry.',
    )
  }
}

function checkSize(bytes: ArrayBuffer) {
  if (bytes.byteLength === 0) throw new AppError('INVALID', 'The file is empty.')
  if (bytes.byteLength > MEDIA_MAX_BYTES) {
    throw new AppError('TOO_LARGE', 'The image is larger than 20 MB. Export a smaller copy.')
  }
}

/**
 * Stores an upload, or returns the library's copy of the same file. The R2 object is written before
 * the row; if the row cannot be written, the object is removed again, so a failure leaves nothing.
 */
export async function uploadMedia(
  store: MediaStore,
  actor: Actor,
  upload: MediaUpload,
): Promise<UploadResult> {
  checkSize(upload.bytes)
  const filename = checkFileName(upload.filename)
  const type = sniffImageType(
    new Uint8Array(upload.bytes, 0, Math.min(upload.bytes.byteLength, 512)),
  )
  const hash = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', upload.bytes)))
  const existing = await findMediaByHash(store.db, hash)
  if (existing) return { media: existing, created: false }

  const declared = await readInfo(store.images, upload.bytes)
  if (declared.width * declared.height > MEDIA_MAX_PIXELS) {
    const megapixels = Math.round((declared.width * declared.height) / 1_000_000)
    throw new AppError(
      'TOO_LARGE',
      `The image is ${declared.width}×${declared.height} (${megapixels} megapixels); the limit is ${MEDIA_MAX_PIXELS / 1_000_000}.`,
    )
  }
  const clean = await cleanOriginal(store.images, upload.bytes, type)
  const oriented = await readInfo(store.images, clean)
  const key = hash.slice(0, 32)
  const storedType = storedTypeFor(type)
  await store.bucket.put(key, clean, { httpMetadata: { contentType: storedType } })
  try {
    const row = {
      key,
      contentHash: hash,
      type: storedType,
      bytes: clean.byteLength,
      width: oriented.width,
      height: oriented.height,
      filename,
      alt: upload.alt?.trim() ?? '',
      caption: upload.caption?.trim() ?? '',
      credit: upload.credit?.trim() ?? '',
      uploadedBy: actor.id,
    }
    const audit = auditEntry(actor, 'media.upload', { type: 'media', id: null }, { key, filename })
    const inserted = await insertMedia(store.db, row, audit)
    if (inserted) return { media: inserted, created: true }
    const raced = await findMediaByHash(store.db, hash)
    if (raced) return { media: raced, created: false }
    throw new Error('media row neither inserted nor found')
  } catch (error) {
    await store.bucket.delete(key)
    throw error
  }
}
