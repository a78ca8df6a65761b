// /healthz: one cheap query, so load balancers and people can tell whether the database answers.
import { Hono } from 'hono'
import { pingDatabase } from '../db/queries/site-state'
import type { AppEnv } from '../env'

export const health = new Hono<AppEnv>().get('/healthz', async (c) => {
  c.header('Cache-Control', 'no-store')
  try {
    await pingDatabase(c.var.db)
    return c.json({ status: 'ok', database: 'ok' })
  } catch (error) {
    console.error('healthz: database check failed:', error instanceof Error ? error.message : error)
    c.header('Retry-After', '30')
    return c.json({ status: 'unavailable', database: 'unreachable' }, 503)
  }
})
