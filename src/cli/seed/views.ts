// Daily view counts for the last two weeks, skewed so a handful of recent stories are clearly hot.
import { createRng } from './random'
import { type ArticleSeed, DAY } from './types'

const SEED = 14_062_025
export const VIEW_DAYS = 14

export interface ViewSeed {
  articleId: number
  /** `YYYY-MM-DD` in UTC. */
  day: string
  count: number
}

interface Target {
  id: number
  article: ArticleSeed
}

/** `hotIds` get counts an order of magnitude above the rest; views fade as a story ages. */
export function generateViews(targets: readonly Target[], hotIds: readonly number[], now: number) {
  const rng = createRng(SEED)
  const today = Math.floor(now / DAY) * DAY
  const rows: ViewSeed[] = []
  for (const { id, article } of targets) {
    if (article.status !== 'published' || article.publishedAgo === null) continue
    const publishedAt = now - article.publishedAgo
    const hotRank = hotIds.indexOf(id)
    const hot = hotRank >= 0
    // The first hot story (the reference) outsells every other one on any day of the week.
    const base = hotRank === 0 ? 9000 : hot ? rng.int(1500, 3500) : rng.int(15, 400)
    for (let d = 0; d < VIEW_DAYS; d++) {
      // Draw the noise whether or not the day is used, so counts never depend on the clock.
      const roll = rng.next()
      const noise = hot ? 0.9 + 0.2 * roll : 0.6 + 0.8 * roll
      const dayStart = today - d * DAY
      if (publishedAt >= dayStart + DAY) continue
      const daysSince = Math.max(0, Math.floor((dayStart - publishedAt) / DAY) + 1)
      const count = Math.round(base * noise * 0.55 ** daysSince)
      if (count < 1) continue
      rows.push({ articleId: id, day: new Date(dayStart).toISOString().slice(0, 10), count })
    }
  }
  return rows
}
