// Purges what an import changed, once at the end: at Cloudflare's zone when it is configured.
import type { Db } from '../../db/client'
import type { Env } from '../../env'
import { createEnvReader, parseZonePurge } from '../../env-parsers'
import type { ContentChange } from '../../lib/purge-types'
import { purgeContent } from '../../services/purge'

/**
 * Articles are folded into one change so that the purge service reads their facts in one go. The
 * local stack's Cache API lives inside `wrangler dev`, out of this process's reach: there, cached
 * list pages catch up at the end of their edge lifetime (minutes), and new articles were never
 * cached. Returns one line for the terminal.
 */
export async function purgeAfterImport(db: Db, changes: ContentChange[]): Promise<string> {
  if (changes.length === 0) return 'Nothing to purge'
  const env = process.env as Record<string, string | undefined>
  const reader = createEnvReader(env as unknown as Env)
  const zone = parseZonePurge(reader)
  const origin = env.SITE_URL
  if (!zone || !origin || reader.problems.length > 0) {
    return 'Purge skipped: set CF_ZONE_ID, CF_API_TOKEN and SITE_URL to purge the zone; local caches expire on their own lifetime'
  }
  const articleIds = changes.flatMap((c) => (c.kind === 'article' ? [c.articleId] : []))
  const rest = changes.filter((c) => c.kind !== 'article')
  const folded: ContentChange[] = [{ kind: 'related-recomputed', articleIds }, ...rest]
  const result = await purgeContent({ db, cache: undefined, origin, zone }, folded)
  return result.failures.length > 0
    ? `Purge failed: ${result.failures.join('; ')}`
    : `Purged ${result.paths.length} paths and ${result.tags.length} tags at the zone`
}
