// The local media bucket and Images binding for `--media-dir`, as wrangler dev reads them.
import { join } from 'node:path'
import type { Db } from '../../db/client'
import type { MediaStore } from '../../services/media-upload'

interface MediaBindings {
  MEDIA: R2Bucket
  IMAGES: ImagesBinding
}

/**
 * Opens wrangler's local R2 and Images (the same state `npm start` serves, as the seed's photos
 * use), so imported images go through the library's own upload. `dispose` when done.
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
