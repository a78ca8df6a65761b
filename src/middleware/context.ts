// Puts the validated config and a database handle on c.var for every request.
import { createMiddleware } from 'hono/factory'
import { connectDb } from '../db/connect'
import { type AppEnv, parseConfig } from '../env'

export const withContext = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const config = parseConfig(c.env)
    c.set('config', config)
    c.set(
      'db',
      connectDb({
        url: config.databaseUrl,
        authToken: config.databaseAuthToken,
        timeoutMs: config.dbTimeoutMs,
      }),
    )
    await next()
  })
