// Reader-side live coverage: the poll fragment of updates newer than a cursor, and the breaking banner.
import { Hono } from 'hono'
import { findBreakingAlert } from '../db/queries/breaking-alerts'
import { loadLivePoll } from '../db/queries/live-poll'
import type { AppEnv } from '../env'
import { AppError } from '../lib/errors'
import { parseId } from '../lib/ids'
import { parseLiveCursor } from '../lib/live-poll'
import { addCacheTags } from '../middleware/edge-cache'
import { BreakingBanner } from '../views/live/breaking-banner'
import { LivePollAnswer } from '../views/live/live-poller'

export const live = new Hono<AppEnv>()
  /**
   * Answers what changed after the reader's revision: new updates, edits, pins and deletions.
   * Edge-cached for seconds and purged on every change (cache-policy.ts, services/live-purge.ts):
   * readers at the same cursor share one render per update per data centre. A poll with nothing new
   * is a cached empty 204 (a 304 when the reader sends its ETag), so it costs no database trip.
   */
  .get('/fragments/articles/:id/live', async (c) => {
    const articleId = parseId(c.req.param('id'), 'article')
    const after = parseLiveCursor(c.req.query('after'))
    if (after === null) {
      throw new AppError('INVALID', 'The cursor must be the revision of the coverage you have.')
    }
    const poll = await loadLivePoll(c.var.db, articleId, after)
    if (!poll) throw new AppError('NOT_FOUND', 'This article has no live coverage.')
    addCacheTags(c, `live:${articleId}`, `article:${articleId}`)
    // Nothing new: an empty 204, which htmx 4 does not swap, so the reader's poller stays as it is.
    const news = poll.added.length + poll.changed.length + poll.removedIds.length
    if (news === 0 && poll.endedAt === null) return c.body(null, 204)
    return c.html(
      <LivePollAnswer articleId={articleId} poll={poll} timeZone={c.var.config.site.timeZone} />,
    )
  })
  /** The site-wide alert, asked for by site.js on every page: cached pages need no purge for it. */
  .get('/fragments/breaking', async (c) => {
    const alert = await findBreakingAlert(c.var.db, new Date())
    return c.html(<BreakingBanner alert={alert} />)
  })
