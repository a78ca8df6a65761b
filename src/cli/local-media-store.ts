// The local media bucket and Images binding, as wrangler dev reads them: for the seed's photos and imports.
import { join } from 'node:path'
import type { Db } from '../db/client'
import type { MediaStore } from '../services/media-upload'

interface MediaBindings {
  MEDIA: R2Bucket
  IMAGES: ImagesBinding
}

/**
 * Opens wrangler's local R2 and Images (the state `npm start` serves; `persistTo` is wrangler dev's
 * --persist-to), so seeded and imported images go through the library's own upload. `dispose`
 * when done.
 */
export async function openLocalMediaStore(db: Db, persistTo = '.wrangler/state') {
  // Loaded here, not at the top: wrangler takes a second to load, and most imports need no media.
  const { getPlatformProxy } = await import('wrangler')
  const proxy = await getPlatformProxy<MediaBindings>({
    configPath: 'wrangler.toml',
    persist: { path: join(persistTo, 'v3') },
    remoteBindings: false,
    envFiles: [],
  })
  const store: MediaStore = { db, bucket: proxy.env.MEDIA, images: proxy.env.IMAGES }
  return { store, dispose: () => proxy.dispose() }
}
