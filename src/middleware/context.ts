// Puts the validated config, a database handle and the purge function on c.var for every request.
import { createMiddleware } from 'hono/factory'
import type { Db } from '../db/client'
import { connectDb } from '../db/connect'
import { type AppEnv, type Config, parseConfig } from '../env'
import { purgeContent } from '../services/purge'
import type { OpenPageCache } from './edge-cache'

/** The purge dependencies for a request or a cron run; the same wiring for both. */
export function purgeFunction(
  config: Config,
  db: Db,
  openCache: OpenPageCache,
  origin: string,
  ctx?: ExecutionContext,
) {
  const workersCache = (ctx as { cache?: { purge?: (o: { tags: string[] }) => Promise<unknown> } })
    ?.cache
  return async (changes: Parameters<typeof purgeContent>[1]) =>
    purgeContent(
      {
        db,
        cache: await openCache(),
        origin: config.site.url ?? origin,
        zone: config.zonePurge,
        purgeWorkersCache: workersCache?.purge?.bind(workersCache),
      },
      changes,
    )
}

export const withContext = (openCache: OpenPageCache) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const config = parseConfig(c.env)
    const db = connectDb({
      url: config.databaseUrl,
      authToken: config.databaseAuthToken,
      timeoutMs: config.dbTimeoutMs,
    })
    c.set('config', config)
    c.set('db', db)
    let ctx: ExecutionContext | undefined
    try {
      ctx = c.executionCtx as unknown as ExecutionContext
    } catch {
      // No execution context (a plain app.fetch in a script): nothing to extend.
    }
    c.set('purge', purgeFunction(config, db, openCache, new URL(c.req.url).origin, ctx))
    await next()
  })
