// POST /beacon/view/:id?t=<token>: article pages report a view, since cached pages never reach the DB.
import { Hono } from 'hono'
import { recordView } from '../db/queries/views'
import type { AppEnv } from '../env'
import { AppError } from '../lib/errors'
import { parseId } from '../lib/ids'
import { clientIp, hashClientIp } from '../services/client-ip'
import { verifyViewToken } from '../services/view-token'

/**
 * Always 204, counted or not (one view per reader and article in 30 minutes), so the answer says
 * nothing about other readers; 404 only when a validly signed article is no longer published. A
 * beacon counts only with the token its article page carries (services/view-token.ts): without
 * one it is dropped before the database. No cookie is read or set; the global CSRF check refuses
 * a beacon from another site. At most one database round trip.
 */
export const beacon = new Hono<AppEnv>().post('/beacon/view/:id', async (c) => {
  const articleId = parseId(c.req.param('id'), 'article')
  const { db, config } = c.var
  const now = new Date()
  c.header('Cache-Control', 'no-store')
  if (!(await verifyViewToken(config.ipHashSalt, articleId, c.req.query('t'), now))) {
    return c.body(null, 204)
  }
  const readerHash = await hashClientIp(clientIp(c.req.raw.headers), config.ipHashSalt)
  const result = await recordView(db, { articleId, readerHash, now })
  if (result === 'not-found') throw new AppError('NOT_FOUND', 'There is no such published article.')
  return c.body(null, 204)
})
