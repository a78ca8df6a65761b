// The live blog's poll: its interval, its address, and the cursor readers send, one way everywhere.

/** How often a reader's tab asks for updates, in seconds. */
export const LIVE_POLL_SECONDS = 15

/**
 * `?after=` is the coverage revision the reader's tab shows (live_blogs.revision): digits only, 0
 * before any update.
 */
export function parseLiveCursor(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return null
  const after = Number(raw)
  return Number.isSafeInteger(after) ? after : null
}

/** The poll fragment's path for a reader whose tab shows revision `after`: the poller and purges. */
export function livePollPath(articleId: number, after: number): string {
  return `/fragments/articles/${articleId}/live?after=${after}`
}
