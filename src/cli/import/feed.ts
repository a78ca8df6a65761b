// `npm run import -- feed FILE`: takes an RSS or Atom file in once, through the cron's own ingest path.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { listSeenItemKeys } from '../../db/queries/agency-feed-items'
import { findFirstCategorySlug, findImportActor } from '../../db/queries/agency-feeds'
import { parseFeed } from '../../lib/agency-feed-parse'
import type { ContentChange } from '../../lib/purge-types'
import { FEED_MAX_BYTES } from '../../services/agency-feed-fetch'
import { ingestFeedItems } from '../../services/agency-feed-ingest'
import type { ImportSource } from './types'

/** A saved feed may be an archive of many polls; still, a feed this big is a mistake. */
const FILE_MAX_BYTES = 25 * FEED_MAX_BYTES

const source: ImportSource = {
  summary:
    'feed: an RSS 2.0 or Atom 1.0 file (FEED_SECTION, FEED_BYLINE and FEED_MODE set where items land)',
  async run(run) {
    const { size } = await stat(run.file)
    if (size > FILE_MAX_BYTES)
      throw new Error(`The feed file is larger than ${FILE_MAX_BYTES / 1024 / 1024} MB.`)
    const feed = parseFeed(await readFile(run.file, 'utf8'))
    run.progress(size, size)
    const section = process.env.FEED_SECTION?.trim() || (await findFirstCategorySlug(run.db))
    if (!section) throw new Error('The site has no sections yet; run npm run db:seed or add one.')
    const mode = process.env.FEED_MODE === 'publish' ? 'publish' : 'draft'
    const byline = process.env.FEED_BYLINE ?? 'Staff, Agencies'
    // Re-running the same file changes nothing: its items are remembered under the file's name.
    const target = {
      source: `file:${basename(run.file)}`,
      categorySlug: section,
      byline,
      mode,
    } as const
    if (run.dryRun) {
      const seen = await listSeenItemKeys(
        run.db,
        target.source,
        feed.items.map((item) => item.key),
      )
      for (const item of feed.items) {
        if (seen.has(item.key)) run.report.record('skipped', 'already imported', item.key)
        else
          run.report.record(
            'imported',
            `would become a ${mode === 'publish' ? 'published article' : 'draft'}`,
            item.title,
          )
      }
      return
    }
    const actor = await findImportActor(run.db)
    if (!actor)
      throw new Error('No active admin account to import as; create one with npm run user:create.')
    const changed: ContentChange[] = []
    const report = await ingestFeedItems(
      {
        db: run.db,
        now: new Date(run.now),
        siteLanguage: process.env.SITE_LANGUAGE ?? 'en',
        // Collected and purged once at the end of the run, never once per article.
        purge: async (changes) => {
          changed.push(...changes)
          return { paths: [], tags: [], deleted: 0, failures: [] }
        },
      },
      { ...target, actor },
      feed.items,
      { limit: Number.POSITIVE_INFINITY },
    )
    run.changed.push(...changed)
    for (const landed of report.landed) {
      run.report.record('imported', mode === 'publish' ? 'published' : 'draft', landed.title)
    }
    for (const key of report.duplicateKeys) run.report.record('skipped', 'already imported', key)
    for (const rejected of report.rejected)
      run.report.record('skipped', rejected.reason, rejected.key)
  },
}
export default source
