// Media fixtures for Worker tests: sample images as bytes, made unique so uploads never dedupe.
import { env } from 'cloudflare:workers'
import { media } from '../../src/db/schema'
import { testDb } from './fixtures'
import { avif, bombPng, gif, photoJpeg, png, rotatedJpeg, webp } from './media-samples'

const SAMPLES = { avif, bombPng, gif, photoJpeg, png, rotatedJpeg, webp }

export function sampleBytes(name: keyof typeof SAMPLES): Uint8Array {
  return Uint8Array.from(atob(SAMPLES[name]), (c) => c.charCodeAt(0))
}

/** Makes the bytes unique, so tests never dedupe against each other's uploads: a JPEG comment. */
export function uniqueJpeg(name: 'photoJpeg' | 'rotatedJpeg' = 'photoJpeg'): ArrayBuffer {
  const bytes = sampleBytes(name)
  const note = new TextEncoder().encode(crypto.randomUUID())
  const comment = [0xff, 0xfe, 0, note.length + 2, ...note]
  return new Uint8Array([...bytes.subarray(0, 2), ...comment, ...bytes.subarray(2)]).buffer
}

/** The bindings wrangler.toml declares; the tests fail loudly if it stops declaring them. */
export function mediaEnv(): { bucket: R2Bucket; images: ImagesBinding } {
  if (!env.MEDIA || !env.IMAGES) throw new Error('wrangler.toml lacks MEDIA or IMAGES')
  return { bucket: env.MEDIA, images: env.IMAGES }
}

/**
 * A 1280×720 JPEG's library row written straight to the database, for tests that only read rows;
 * no bytes are stored. Returns its key (a fresh one unless `fields.key` names it).
 */
export async function insertLibraryRow(
  fields: Partial<typeof media.$inferInsert> = {},
): Promise<string> {
  const key = fields.key ?? crypto.randomUUID().replaceAll('-', '')
  await testDb()
    .insert(media)
    .values({
      key,
      contentHash: `${key}${key}`,
      type: 'image/jpeg',
      bytes: 1000,
      width: 1280,
      height: 720,
      ...fields,
    })
  return key
}
