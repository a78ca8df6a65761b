// `--media-dir`: an item's old-site images taken into the media library, its URLs moved to them.
import { readFile, realpath, stat } from 'node:fs/promises'
import { basename, isAbsolute, relative, resolve } from 'node:path'
import type { Db } from '../../db/client'
import { findImportActor } from '../../db/queries/agency-feeds'
import { AppError } from '../../lib/errors'
import { mediaPath } from '../../lib/media-variants'
import type { Actor } from '../../services/editorial-permissions'
import { MEDIA_MAX_BYTES, type MediaStore, uploadMedia } from '../../services/media-upload'
import { markdownImageUrl } from './convert-html'
import type { ImportItem } from './model'
import type { ImportRun } from './types'

/** Where WordPress and Ghost keep uploads; the path after it is the path under `--media-dir`. */
const UPLOAD_ROOTS = ['/wp-content/uploads/', '/content/images/']

export interface ImportMedia {
  dir: string
  /** Where images go and who uploads them; null on a dry run, which only looks for the files. */
  upload: { store: MediaStore; actor: Actor } | null
}

/**
 * Why `--media-dir` cannot write for this database, or null when it can. The images go to wrangler's
 * local bucket (there is no offline way into the deployed one), so a remote database such as Turso
 * would end up naming /media/ files its site does not have.
 */
export function refuseRemoteMedia(databaseUrl: string): string | null {
  let url: URL
  try {
    url = new URL(databaseUrl)
  } catch {
    return null
  }
  if (url.protocol === 'file:') return null
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null
  return (
    `--media-dir stores images in wrangler's local bucket (.wrangler/state), not in the deployed ` +
    `R2 bucket, so with a remote database (${url.protocol}//${url.host}) the imported articles ` +
    'would point at images the site does not have. Import without --media-dir (images keep ' +
    'their original URLs and are listed in the report), or add --dry-run to check the folder only.'
  )
}

/** The run's media step; a real run needs the bucket and an admin to upload as. */
export async function prepareImportMedia(
  db: Db,
  dir: string,
  store: MediaStore | undefined,
  dryRun: boolean,
): Promise<ImportMedia> {
  if (dryRun) return { dir, upload: null }
  if (!store) throw new Error('--media-dir needs the media bucket, and none was opened.')
  const actor = await findImportActor(db)
  if (!actor)
    throw new Error(
      'No active admin account to upload images as; create one with npm run user:create.',
    )
  return { dir, upload: { store, actor } }
}

type Outcome =
  | { stored: { key: string; width: number; height: number } }
  | { found: true }
  | { kept: string }

/**
 * The file under `dir` an image URL names, or why there is none. Decoded after URL parsing (which
 * already folds `..` segments), so an encoded `..%2F` is caught here by the containment check.
 */
export function locateMediaFile(dir: string, url: string): { file: string } | { kept: string } {
  let path: string
  try {
    path = new URL(url, 'http://import.invalid/').pathname
  } catch {
    return { kept: 'not a usable address' }
  }
  const root = UPLOAD_ROOTS.find((r) => path.includes(r))
  if (!root) return { kept: 'not in the old site’s uploads' }
  let rest: string
  try {
    rest = decodeURIComponent(path.slice(path.indexOf(root) + root.length))
  } catch {
    return { kept: 'not a usable address' }
  }
  const base = resolve(dir)
  const file = resolve(base, rest)
  const inside = relative(base, file)
  if (rest.includes('\0') || !inside || inside.startsWith('..') || isAbsolute(inside))
    return { kept: 'outside --media-dir, refused' }
  return { file }
}

/** Resolves each image once per run: many posts share one photo, and the library stores it once. */
export function createMediaImporter(media: ImportMedia) {
  const outcomes = new Map<string, Promise<Outcome>>()
  let realDir: Promise<string> | undefined

  async function take(url: string): Promise<Outcome> {
    const located = locateMediaFile(media.dir, url)
    if ('kept' in located) return located
    let real: string
    try {
      real = await realpath(located.file)
    } catch {
      return { kept: 'not found in --media-dir' }
    }
    // A symlink inside the folder must not lead out of it.
    realDir ??= realpath(media.dir)
    const inside = relative(await realDir, real)
    if (!inside || inside.startsWith('..') || isAbsolute(inside))
      return { kept: 'outside --media-dir, refused' }
    const info = await stat(real)
    if (!info.isFile()) return { kept: 'not found in --media-dir' }
    if (info.size > MEDIA_MAX_BYTES) return { kept: 'larger than the library’s 20 MB, refused' }
    if (!media.upload) return { found: true }
    const bytes = await readFile(real)
    try {
      const { media: row } = await uploadMedia(media.upload.store, media.upload.actor, {
        bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
        filename: basename(real),
      })
      return { stored: { key: row.key, width: row.width, height: row.height } }
    } catch (error) {
      // The library's own checks (type by content, size, pixels, damage) decide, as for an upload.
      if (error instanceof AppError)
        return { kept: `refused by the media library: ${error.message}` }
      throw error
    }
  }

  const resolveUrl = (url: string) => {
    let outcome = outcomes.get(url)
    if (!outcome) {
      outcome = take(url)
      outcomes.set(url, outcome)
    }
    return outcome
  }

  /** A featured image: its library path and size, or its original URL (reported) and no size. */
  const localiseHero = async (url: string, label: string, report: ImportRun['report']) => {
    const hero = await resolveUrl(url)
    if ('kept' in hero)
      report.warn(`image kept at its original URL: ${hero.kept}`, `${url} (${label})`)
    if (!('stored' in hero)) return { url, size: null }
    const { key, width, height } = hero.stored
    return { url: mediaPath(key), size: { width, height } }
  }

  return {
    /**
     * Moves the item's body images and hero to the library where the file is in the folder; the
     * others keep their URL and are reported, each with its reason.
     */
    async localise(item: ImportItem, report: ImportRun['report']): Promise<void> {
      const keep = (url: string, reason: string) =>
        report.warn(`image kept at its original URL: ${reason}`, `${url} (${item.label})`)
      for (const url of new Set(item.images)) {
        const outcome = await resolveUrl(url)
        if ('kept' in outcome) keep(url, outcome.kept)
        if (!('stored' in outcome)) continue
        const { key, width, height } = outcome.stored
        item.bodyMd = item.bodyMd.replaceAll(`](${markdownImageUrl(url)})`, `](${mediaPath(key)})`)
        item.mediaSizes.set(key, { width, height })
      }
      if (!item.imageUrl) return
      const hero = await localiseHero(item.imageUrl, item.label, report)
      item.imageUrl = hero.url
      item.imageSize = hero.size
    },
    localiseHero,
  }
}
