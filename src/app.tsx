// createApp(): the Hono app with its middleware and routes, shared by the Worker and its tests.
import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { jsxRenderer } from 'hono/jsx-renderer'
import type { AppEnv } from './env'
import { withBodyLimit } from './middleware/body-limit'
import { withContext } from './middleware/context'
import { type OpenPageCache, openDefaultPageCache, withEdgeCache } from './middleware/edge-cache'
import { handleError, handleNotFound } from './middleware/errors'
import { withSecurityHeaders } from './middleware/security-headers'
import { articlePages } from './routes/articles'
import { comments } from './routes/comments'
import { favorites } from './routes/favorites'
import { feeds } from './routes/feeds'
import { health } from './routes/health'
import { home } from './routes/home'
import { search } from './routes/search'
import { sections } from './routes/sections'
import { sitemaps } from './routes/sitemaps'

export interface AppDeps {
  /** The edge cache; tests pass one of their own, or none to always render. */
  openCache?: OpenPageCache
}

export function createApp(deps: AppDeps = {}) {
  const app = new Hono<AppEnv>()
  app.use(withSecurityHeaders())
  // Browsers send Origin with every form post; one from another site is refused.
  app.use(csrf())
  app.use(withBodyLimit())
  const openCache = deps.openCache ?? openDefaultPageCache
  app.use(withContext(openCache))
  app.use(withEdgeCache(openCache))
  // Pages bring their own <Layout>; the renderer only adds the doctype.
  app.use(jsxRenderer(({ children }) => <>{children}</>, { docType: true }))
  app.route('/', health)
  app.route('/', home)
  app.route('/', sections)
  app.route('/', search)
  app.route('/', articlePages)
  app.route('/', comments)
  app.route('/', favorites)
  app.route('/', feeds).route('/', sitemaps)
  app.notFound(handleNotFound)
  app.onError(handleError)
  return app
}
