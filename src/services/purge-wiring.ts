// Wires purgeContent to the config, database and caches of one request or one cron run.
import type { Db } from '../db/client'
import type { PageCache } from '../edge/page-cache'
import type { Config } from '../env'
import type { PurgeFn } from '../lib/purge-types'
import { purgeContent } from './purge'

/** The purge dependencies for a request or a cron run; the same wiring for both. */
export function purgeFunction(
  config: Config,
  db: Db,
  openCache: () => Promise<PageCache | undefined>,
  origin: string,
  ctx?: ExecutionContext,
): PurgeFn {
  // Read when a purge runs, not when the request starts: most requests never purge, and reading
  // `ctx.cache` showed in a cache hit's profile.
  return async (changes) => {
    const workersCache = (
      ctx as { cache?: { purge?: (o: { tags: string[] }) => Promise<unknown> } } | undefined
    )?.cache
    return purgeContent(
      {
        db,
        cache: await openCache(),
        origin: config.site.url ?? origin,
        zone: config.zonePurge,
        editions: config.editions,
        purgeWorkersCache: workersCache?.purge?.bind(workersCache),
      },
      changes,
    )
  }
}
