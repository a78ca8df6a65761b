// Readers commenting at exactly the rate limit, plus one post a minute over it that must get a 429.
import { setTimeout as sleep } from 'node:timers/promises'
import { postComment } from '../faults/http'

const MINUTE = 60_000

export interface CommentTally {
  /** Posts answered 303 (no JavaScript) or 200 (htmx): each one must be a row afterwards. */
  accepted: number
  /** The deliberate over-the-limit posts answered 429 with Retry-After. */
  limited: number
  unexpected: string[]
}

/**
 * From the next whole minute until `until`, each minute `readers` new readers each post
 * `perMinute` comments (the limit, per reader and article), spread over the minute; then one of
 * them posts once more. Rate windows are whole clock minutes, as on the server (same clock).
 */
export async function commentAtTheLimit(
  origin: string,
  articleIds: number[],
  options: { perMinute: number; readers: number; runId: string; until: number },
): Promise<CommentTally> {
  const tally: CommentTally = { accepted: 0, limited: 0, unexpected: [] }
  let window = Math.ceil(Date.now() / MINUTE) * MINUTE
  let serial = 0
  while (window + MINUTE <= options.until) {
    const readers = Array.from({ length: options.readers }, (_, r) => ({
      ip: `10.200.${(window / MINUTE) % 250}.${r + 1}`,
      articleId: articleIds[r % articleIds.length] as number,
    }))
    // Kept clear of the window's edges, so no post is counted in a neighbouring minute.
    const gap = 45_000 / options.perMinute
    for (let slot = 0; slot <= options.perMinute; slot++) {
      const at = window + 5_000 + slot * gap
      await sleep(Math.max(0, at - Date.now()))
      const over = slot === options.perMinute
      const posting = over ? readers.slice(0, 1) : readers
      await Promise.all(
        posting.map(async (reader) => {
          serial++
          const fields = {
            author_name: `Soak reader ${reader.ip}`,
            body: `Soak ${options.runId} comment ${serial}`,
            idempotency_key: crypto.randomUUID(),
          }
          const htmx = serial % 2 === 0
          const answer = await postComment(origin, reader.articleId, fields, {
            htmx,
            ip: reader.ip,
          })
          const accepted = answer.status === (htmx ? 200 : 303)
          const limited = answer.status === 429 && answer.headers.has('retry-after')
          // Whatever was accepted is counted, so the rows can be checked even if the limit failed.
          if (accepted) tally.accepted++
          if (over && limited) tally.limited++
          if (over ? !limited : !accepted) {
            tally.unexpected.push(`comment ${serial} (over=${over}) answered ${answer.status}`)
          }
        }),
      )
    }
    window += MINUTE
  }
  return tally
}
