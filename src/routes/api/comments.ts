// /api/v1/comments: the moderation queue as JSON, and moderating one comment or many.
import { Hono } from 'hono'
import * as v from 'valibot'
import { loadModerationQueue, MODERATION_PAGE_SIZE } from '../../db/queries/moderation'
import { COMMENT_STATUSES } from '../../db/schema'
import { type ApiEnv, requireScope } from '../../middleware/auth'
import {
  MAX_BULK,
  MODERATION_ACTIONS,
  type ModerationAction,
  moderateComments,
} from '../../services/editorial-moderation'
import { countPages } from '../../views/components/pagination'
import { parseId } from '../editor/context'
import { readJson, validate } from './json'

const ACTIONS = Object.keys(MODERATION_ACTIONS) as ModerationAction[]
const Action = v.picklist(ACTIONS, `action must be one of ${ACTIONS.join(', ')}.`)

const QueueQuery = v.object({
  status: v.optional(
    v.picklist(COMMENT_STATUSES, `status must be one of ${COMMENT_STATUSES.join(', ')}.`),
    'pending',
  ),
  page: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9]\d{0,5}$/, 'page must be a whole number from 1.'),
      v.transform(Number),
    ),
    '1',
  ),
})

const BulkBody = v.object({
  ids: v.pipe(
    v.array(
      v.pipe(
        v.number('ids are comment ids.'),
        v.integer('ids are comment ids.'),
        v.minValue(1, 'ids are comment ids.'),
      ),
      'ids must be a list of comment ids.',
    ),
    v.minLength(1, 'Give at least one comment id.'),
    v.maxLength(MAX_BULK, `At most ${MAX_BULK} comments at a time.`),
  ),
  action: Action,
})

export const apiComments = new Hono<ApiEnv>()
  .use('/v1/comments', requireScope('comments:moderate'))
  .use('/v1/comments/*', requireScope('comments:moderate'))
  .get('/v1/comments', async (c) => {
    const query = validate(QueueQuery, c.req.query())
    const page = Number(query.page)
    const data = await loadModerationQueue(c.var.db, query.status, page)
    return c.json({
      data: data.items,
      page,
      pages: countPages(data.total, MODERATION_PAGE_SIZE),
      total: data.total,
      counts: data.counts,
    })
  })
  .post('/v1/comments/moderate', async (c) => {
    const body = validate(BulkBody, await readJson(c))
    const result = await moderateComments(deps(c), c.var.user, body.ids, body.action)
    return c.json({ ...result, status: MODERATION_ACTIONS[body.action] })
  })
  .post('/v1/comments/:id/moderate', async (c) => {
    const id = parseId(c.req.param('id'), 'comment')
    const body = validate(v.object({ action: Action }), await readJson(c))
    const result = await moderateComments(deps(c), c.var.user, [id], body.action)
    return c.json({ id, ...result, status: MODERATION_ACTIONS[body.action] })
  })

function deps(c: { var: ApiEnv['Variables'] }) {
  return { db: c.var.db, purge: c.var.purge, now: new Date() }
}
