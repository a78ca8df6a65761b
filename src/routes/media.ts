// Public library images: /media/<key>/<width>.<jpg|webp|avif> variants and /media/<key>/original.
import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { requestUrl } from '../lib/request-url'
import { serveOriginal, serveVariant } from '../services/media-variants'
import { mediaBindings } from './media-bindings'

export const mediaFiles = new Hono<AppEnv>()
  .get('/media/:key/original', (c) =>
    serveOriginal(mediaBindings(c).bucket, c.req.raw, c.req.param('key')),
  )
  .get('/media/:key/:file{[0-9]+\\.[a-z]+}', (c) => {
    const [width = '', extension = ''] = c.req.param('file').split('.')
    return serveVariant(
      {
        ...mediaBindings(c),
        cache: typeof caches === 'undefined' ? undefined : caches.default,
        waitUntil: (promise) => c.executionCtx.waitUntil(promise),
        origin: c.var.config.site.url ?? requestUrl(c.req.raw).origin,
      },
      c.req.raw,
      { key: c.req.param('key'), width, extension },
    )
  })
