// createApp(): the Hono app with its middleware and routes, shared by the Worker and its tests.
import { Hono } from 'hono'
import { jsxRenderer } from 'hono/jsx-renderer'
import type { AppEnv } from './env'
import { withContext } from './middleware/context'
import { handleError, handleNotFound } from './middleware/errors'
import { health } from './routes/health'
import { home } from './routes/home'

export function createApp() {
  const app = new Hono<AppEnv>()
  app.use(withContext())
  // Pages bring their own <Layout>; the renderer only adds the doctype.
  app.use(jsxRenderer(({ children }) => <>{children}</>, { docType: true }))
  app.route('/', health)
  app.route('/', home)
  app.notFound(handleNotFound)
  app.onError(handleError)
  return app
}
