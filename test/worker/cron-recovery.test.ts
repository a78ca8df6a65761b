// A publishing run cut off after it published: the next run purges what it owed, once, and nothing twice.

import { env } from 'cloudflare:workers'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articles } from '../../src/db/schema'
import { parseConfig } from '../../src/env'
import { publishScheduled } from '../../src/jobs/publish-scheduled'
import { runJob } from '../../src/jobs/run-job'
import type { ContentChange, PurgeReport } from '../../src/services/purge'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { jobRow } from './scheduled'

const MINUTE = 60_000
const REPORT: PurgeReport = { paths: [], tags: [], deleted: 0, failures: [] }

describe('a publishing run cut off before its purge', () => {
  it('leaves the stories it published to the next run, which purges them and then owes nothing', async () => {
    // Its own task name, and a story due only by its own clock: other files' cron runs share the
    // database, and must neither take this lease nor publish this story first.
    const job = { ...publishScheduled, name: `test-publish-${uniqueSuffix()}` }
    const clock = Date.now() + 6 * MINUTE
    const story = await insertArticle({
      status: 'scheduled',
      publishedAt: new Date(clock - MINUTE),
      updatedAt: new Date(clock - 10 * MINUTE),
    })
    const db = testDb()
    const config = parseConfig(env)
    const purged: ContentChange[] = []
    const recordPurge = async (changes: ContentChange[]) => {
      purged.push(...changes)
      return REPORT
    }

    // The isolate is evicted between publishing and purging: the purge never comes back.
    const evicted = async (): Promise<PurgeReport> => {
      throw new Error('the isolate was evicted')
    }
    const cut = await runJob(job, { db, now: new Date(clock), config, purge: evicted })
    expect(cut.status).toBe('failed')
    const [stored] = await db.select().from(articles).where(eq(articles.id, story.id))
    expect(stored?.status).toBe('published')

    const next = await runJob(job, {
      db,
      now: new Date(clock + 5 * MINUTE),
      config,
      purge: recordPurge,
    })
    expect(next).toMatchObject({ status: 'ok', counts: { published: 0 } })
    expect(purged).toContainEqual({ kind: 'article', articleId: story.id })
    expect((await jobRow(job.name))?.cursor).toBeNull()

    const after = await runJob(job, {
      db,
      now: new Date(clock + 10 * MINUTE),
      config,
      purge: recordPurge,
    })
    expect(after.status).toBe('ok')
    const purgesOfStory = purged.filter(
      (change) => 'articleId' in change && change.articleId === story.id,
    )
    expect(purgesOfStory).toHaveLength(1)
  })
})
