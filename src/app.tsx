// createApp(): the Hono app with its middleware and routes, shared by the Worker and its tests.
import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { jsxRenderer } from 'hono/jsx-renderer'
import type { AppEnv } from './env'
import { withBodyLimit } from './middleware/body-limit'
import { withContext } from './middleware/context'
import { type OpenPageCache, openDefaultPageCache, withEdgeCache } from './middleware/edge-cache'
import { stripEditionPrefix, withEdition } from './middleware/edition'
import { handleError, handleNotFound } from './middleware/errors'
import { withSecurityHeaders } from './middleware/security-headers'
import { unlessPath } from './middleware/unless'
import { api } from './routes/api'
import { articlePages } from './routes/articles'
import { authorPages } from './routes/authors'
import { beacon } from './routes/beacon'
import { comments } from './routes/comments'
import { correctionPages } from './routes/corrections'
import { editor } from './routes/editor'
import { MEDIA_UPLOAD_BODY_MAX, MEDIA_UPLOAD_PATH } from './routes/editor/media-paths'
import { embeds } from './routes/embed'
import { favorites } from './routes/favorites'
import { feeds } from './routes/feeds'
import { health } from './routes/health'
import { home } from './routes/home'
import { legacyQueryRedirects, withLegacyRedirects } from './routes/legacy-redirects'
import { live } from './routes/live'
import { mediaFiles } from './routes/media'
import { oembed } from './routes/oembed'
import { pageScript } from './routes/page-script'
import { search } from './routes/search'
import { sections } from './routes/sections'
import { sitemaps } from './routes/sitemaps'
import { staticPages } from './routes/static-pages'
import { widget } from './routes/widget'

export interface AppDeps {
  /** The edge cache; tests pass one of their own, or none to always render. */
  openCache?: OpenPageCache
}

export function createApp(deps: AppDeps = {}) {
  // Routes see an edition's path without its prefix (`/ar/tag/x` is `/tag/x`); see withEdition.
  const app = new Hono<AppEnv>({ getPath: stripEditionPrefix })
  app.use(withSecurityHeaders())
  // Browsers send Origin with every form post; one from another site is refused. The API is
  // exempt: it only accepts bearer tokens, which a browser never attaches on another site's behalf.
  app.use(unlessPath((path) => path === '/api' || path.startsWith('/api/'), csrf()))
  // Uploads to the media library get their own, larger ceiling (services/media-upload.ts).
  app.use(unlessPath((path) => path === MEDIA_UPLOAD_PATH, withBodyLimit()))
  app.use(MEDIA_UPLOAD_PATH, withBodyLimit(MEDIA_UPLOAD_BODY_MAX))
  const openCache = deps.openCache ?? openDefaultPageCache
  app.use(withContext(openCache))
  app.use(withEdition())
  // Imported sites' `/?p=123`: only a request for `/` with such a parameter looks any further.
  app.use('/', legacyQueryRedirects(openCache))
  app.use(withEdgeCache(openCache))
  // Pages bring their own <Layout>; the renderer only adds the doctype.
  app.use(jsxRenderer(({ children }) => <>{children}</>, { docType: true }))
  app.route('/', health)
  app.route('/', home)
  app.route('/', sections)
  app.route('/', search)
  app.route('/', articlePages)
  app.route('/', authorPages)
  app.route('/', correctionPages)
  app.route('/', comments)
  app.route('/', live)
  app.route('/', beacon)
  app.route('/', favorites)
  app.route('/', feeds).route('/', sitemaps)
  app.route('/', mediaFiles)
  // Private areas: each router mounts its own auth middleware on everything under it.
  app.route('/editor', editor)
  app.route('/api', api)
  app.route('/', embeds).route('/', oembed).route('/', widget).route('/', pageScript)
  // Last: `/:slug` pages only answer for what no route above claims (lib/reserved-slugs.ts).
  app.route('/', staticPages)
  app.notFound(withLegacyRedirects(openCache, handleNotFound))
  app.onError(handleError)
  return app
}
