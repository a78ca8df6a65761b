// What a live update or a breaking alert makes stale: poll answers by cursor, and the banner.
import { livePollPath } from '../lib/live-poll'
import type { ContentChange, PurgeTargets } from '../lib/purge-types'

export const BREAKING_PATH = '/fragments/breaking'

/**
 * Beyond the article page (services/purge.ts adds it): every poll answer a reader at one of the
 * newest cursors holds, since those are the ones that now miss an update or show an old version.
 */
export function livePurgeTargets(
  change: Extract<ContentChange, { kind: 'live-update' | 'breaking-alert' }>,
): PurgeTargets {
  if (change.kind === 'breaking-alert') return { paths: [BREAKING_PATH], tags: ['breaking'] }
  const { articleId, cursors } = change
  return {
    paths: [...new Set([0, ...cursors])].map((after) => livePollPath(articleId, after)),
    tags: [`live:${articleId}`, `article:${articleId}`],
  }
}
