// First-run seed of hero photos: JPEGs made with sharp, uploaded through the same service as an
// editor's upload, into the local R2 bucket wrangler dev reads (through wrangler's platform proxy).
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { articles, users } from '../../db/schema'
import { mediaPath } from '../../lib/media-variants'
import { uploadMedia } from '../../services/media-upload'
import { openLocalMediaStore } from '../local-media-store'
import { makePhoto } from './photos'
import { IMAGES } from './words'

/**
 * Replaces each SVG placeholder hero with a library photo. `persistTo` is wrangler dev's
 * --persist-to (its default, .wrangler/state, otherwise). Returns how many photos were stored.
 */
export async function seedHeroPhotos(db: Db, persistTo?: string): Promise<number> {
  const [admin] = await db.select().from(users).where(eq(users.role, 'admin')).limit(1)
  if (!admin) throw new Error('seed the accounts before the photos')
  const { store, dispose } = await openLocalMediaStore(db, persistTo)
  try {
    let stored = 0
    for (const [index, [name, image]] of Object.entries(IMAGES).entries()) {
      const photo = await makePhoto(index + 1)
      const bytes = photo.buffer.slice(photo.byteOffset, photo.byteOffset + photo.byteLength)
      const { media } = await uploadMedia(store, admin, {
        bytes: bytes as ArrayBuffer,
        filename: `${name}.jpg`,
        alt: `A generated demo photo for ${name.replace('-', ' ')} stories: towers under the sky`,
      })
      await db
        .update(articles)
        .set({
          imageUrl: mediaPath(media.key),
          imageAlt: media.alt,
          imageWidth: media.width,
          imageHeight: media.height,
        })
        .where(eq(articles.imageUrl, image.url))
      stored++
    }
    return stored
  } finally {
    await dispose()
  }
}
