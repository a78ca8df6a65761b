// The live blog's poll: its interval and the cursor readers send, read the same way by key and route.

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
