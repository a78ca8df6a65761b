// Puts the validated config, a database handle and the purge function on c.var for every request.
import { createMiddleware } from 'hono/factory'
import { connectDbOnUse } from '../db/connect'
import { type AppEnv, readConfig } from '../env'
import { requestUrl } from '../lib/request-url'
import { purgeFunction } from '../services/purge-wiring'
import type { OpenPageCache } from './edge-cache'

export const withContext = (openCache: OpenPageCache) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const config = readConfig(c.env)
    const db = connectDbOnUse({
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
    c.set('purge', purgeFunction(config, db, openCache, requestUrl(c.req.raw).origin, ctx))
    await next()
  })
