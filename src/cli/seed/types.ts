// The in-memory shape of one demo article before it gets ids and timestamps.
import type { ArticleStatus } from '../../db/schema'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export const roundToMinute = (ms: number) => Math.round(ms / MINUTE) * MINUTE

/**
 * Times are offsets before `now` in milliseconds, so content never depends on the clock:
 * a negative offset is in the future, and `publishedAgo` is null for a draft.
 */
export interface ArticleSeed {
  title: string
  summary: string
  bodyMd: string
  /** Category slug. */
  category: string
  /** Tag slugs, 2–5. */
  tags: string[]
  byline: string
  /** Key in IMAGES. */
  image: string
  status: Exclude<ArticleStatus, 'review'>
  publishedAgo: number | null
  updatedAgo: number
  createdAgo: number
}

/** An article with the id its row will have, as the comment, view and row builders take it. */
export interface SeedTarget {
  id: number
  article: ArticleSeed
}
