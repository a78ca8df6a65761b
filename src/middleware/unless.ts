// unlessPath(): a middleware that steps aside on the paths a test names, at the cost of one call.
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'

/**
 * hono's `except()` does the same with a router match and a freshly composed chain per request,
 * which a profile of cache hits in workerd put at a tenth of their CPU; a path test is enough here.
 */
export function unlessPath(
  skip: (path: string) => boolean,
  middleware: MiddlewareHandler<AppEnv>,
): MiddlewareHandler<AppEnv> {
  return (c, next) => (skip(c.req.path) ? next() : middleware(c, next))
}
