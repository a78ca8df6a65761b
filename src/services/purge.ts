// Purge on change: what purge-targets.ts lists, cleared here, at the zone and in Workers Cache.

import type { Db } from '../db/client'
import { insertAuditQuery } from '../db/queries/audit'
import {
  listCategoryArticleIds,
  loadPagePurgeFacts,
  loadPurgeFacts,
  type PurgeFacts,
} from '../db/queries/purge'
import type { PageCache } from '../edge/page-cache'
import { purgeZone } from '../edge/zone-purge'
import type { Edition } from '../lib/editions'
import type { ContentChange, PurgeReport, PurgeTargets } from '../lib/purge-types'
import { purgeTargetsFor } from './purge-targets'

export type { ContentChange, PurgeReport, PurgeTargets }

export interface PurgeDeps {
  db: Db
  /** The local data centre's cache; absent where the Cache API is not available. */
  cache: PageCache | undefined
  /** Cache keys are absolute: the site's origin (SITE_URL, or the request's). */
  origin: string
  zone?: { zoneId: string; apiToken: string; byTag: boolean; sleep?: (ms: number) => Promise<void> }
  /** Workers Cache's purge (`ctx.cache.purge`), where the runtime has it. */
  purgeWorkersCache?: (options: { tags: string[] }) => Promise<unknown>
  /** The site's editions: an article's lists are under its edition's prefix. */
  editions?: readonly Pick<Edition, 'code' | 'prefix'>[]
}

async function factsFor(db: Db, changes: ContentChange[]): Promise<PurgeFacts> {
  const ids = new Set<number>()
  for (const change of changes) {
    if (change.kind === 'article' || change.kind === 'comment-approved') ids.add(change.articleId)
    if (change.kind === 'correction') ids.add(change.articleId)
    if (change.kind === 'related-recomputed') for (const id of change.articleIds) ids.add(id)
    if (change.kind === 'author') for (const id of change.articleIds ?? []) ids.add(id)
    if (change.kind === 'category-renamed') {
      for (const id of await listCategoryArticleIds(db, change.categoryId)) ids.add(id)
    }
  }
  // The crons' related and trending refreshes change lists alone: their pages need only slugs.
  if (changes.every((change) => change.kind === 'related-recomputed')) {
    return loadPagePurgeFacts(db, [...ids])
  }
  return loadPurgeFacts(db, [...ids])
}

/**
 * Purges everything the changes affect: the local cache at once, then Cloudflare's zone purge and
 * Workers Cache when configured. It never throws: a failed purge is logged and recorded in the
 * audit log, and the editor's save stands.
 */
export async function purgeContent(
  deps: PurgeDeps,
  changes: ContentChange[],
): Promise<PurgeReport> {
  const failures: string[] = []
  let targets: PurgeTargets = { paths: [], tags: [] }
  let deleted = 0
  try {
    targets = purgeTargetsFor(changes, await factsFor(deps.db, changes), deps.editions)
    const urls = targets.paths.map((path) => new URL(path, deps.origin).href)
    if (deps.cache) {
      const results = await Promise.all(urls.map((url) => deps.cache?.delete(url)))
      deleted = results.filter(Boolean).length
    }
    if (deps.zone) {
      const { zoneId, apiToken, byTag, sleep } = deps.zone
      const request = byTag ? { tags: targets.tags } : { files: urls }
      failures.push(...(await purgeZone({ zoneId, apiToken, sleep }, request)))
    }
    if (deps.purgeWorkersCache && targets.tags.length > 0) {
      await deps.purgeWorkersCache({ tags: targets.tags })
    }
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error))
  }
  if (failures.length > 0) await recordFailure(deps.db, changes, failures)
  return { ...targets, deleted, failures }
}

async function recordFailure(db: Db, changes: ContentChange[], failures: string[]) {
  console.error(`purge failed: ${failures.join('; ')}`)
  const entry = {
    userId: null,
    action: 'purge.failed',
    targetType: 'cache',
    targetId: null,
    detail: { changes, failures },
  }
  await insertAuditQuery(db, [entry]).catch((error) =>
    console.error('could not record the purge failure:', error),
  )
}
