// The shapes of purge-on-change: what changed, what it clears, and the function requests and cron get.

export type ContentChange =
  /** Published, edited, unpublished or archived; `previousSlug` after a slug change. */
  | { kind: 'article'; articleId: number; previousSlug?: string }
  | { kind: 'comment-approved'; articleId: number }
  | { kind: 'related-recomputed'; articleIds: number[] }
  | { kind: 'category-renamed'; categoryId: number }
  /** A correction or clarification added: the article's pages, and the /corrections list. */
  | { kind: 'correction'; articleId: number }
  /** A static page saved or (un)published, under its old and new slugs; or the footer reordered. */
  | { kind: 'page'; slugs: string[] }
  /**
   * Author profiles edited or merged: their pages and feeds, under old and new slugs; after a merge
   * also the pages of the articles whose byline moved (`articleIds`, bounded).
   */
  | { kind: 'author'; slugs: string[]; articleIds?: number[] }
  /** A live update posted, edited, pinned or deleted; `cursors` are the newest update ids. */
  | { kind: 'live-update'; articleId: number; slug: string; cursors: number[] }
  | { kind: 'breaking-alert' }
  /**
   * The footer menu reordered: every reader page shows it. `pages` and `sections` are the menus'
   * slugs after the change, whose pages are purged by URL; the rest by tag, or by their lifetime.
   */
  | { kind: 'footer'; pages: string[]; sections: string[] }

export interface PurgeTargets {
  /** Paths with their query, e.g. `/category/economy?page=2`. */
  paths: string[]
  tags: string[]
}

export interface PurgeReport extends PurgeTargets {
  deleted: number
  failures: string[]
}

/** Purges everything the changes affect; never throws (see services/purge.ts). */
export type PurgeFn = (changes: ContentChange[]) => Promise<PurgeReport>
