// POST /beacon/view/:id: article pages report a view with sendBeacon, since cached pages never reach the DB.
import { Hono } from 'hono'
import { recordView } from '../db/queries/views'
import type { AppEnv } from '../env'
import { AppError } from '../lib/errors'
import { parseId } from '../lib/ids'
import { clientIp, hashClientIp } from '../services/client-ip'

/**
 * Always 204 for a published article, counted or not (one view per reader and article in 30
 * minutes), so the answer says nothing about other readers. No cookie is read or set; the global
 * CSRF check refuses a beacon from another site. One database round trip.
 */
export const beacon = new Hono<AppEnv>().post('/beacon/view/:id', async (c) => {
  const articleId = parseId(c.req.param('id'), 'article')
  const { db, config } = c.var
  const readerHash = await hashClientIp(clientIp(c.req.raw.headers), config.ipHashSalt)
  const result = await recordView(db, { articleId, readerHash, now: new Date() })
  if (result === 'not-found') throw new AppError('NOT_FOUND', 'There is no such published article.')
  c.header('Cache-Control', 'no-store')
  return c.body(null, 204)
})
