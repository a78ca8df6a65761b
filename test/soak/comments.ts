// Readers commenting at exactly the rate limit, plus one post a minute over it that must get a 429.
import { setTimeout as sleep } from 'node:timers/promises'
import { parse } from 'node-html-parser'
import { postComment } from '../faults/http'

const MINUTE = 60_000
const EDGE_MS = 5_000

export interface CommentTally {
  /** Posts answered 303 (no JavaScript) or 200 (htmx): each one must be a row afterwards. */
  accepted: number
  /** The deliberate over-the-limit posts answered 429 with Retry-After. */
  limited: number
  unexpected: string[]
}

/**
 * In each clock minute that fits before `until`, `readers` new readers each post `perMinute`
 * comments (the limit, per reader and article), spread over `spanMs`; then one of them posts once
 * more. Rate windows are whole clock minutes, as on the server (same clock).
 */
export async function commentAtTheLimit(
  origin: string,
  articleIds: number[],
  options: { perMinute: number; readers: number; runId: string; until: number; spanMs: number },
): Promise<CommentTally> {
  const tally: CommentTally = { accepted: 0, limited: 0, unexpected: [] }
  let serial = 0
  let used = Number.NEGATIVE_INFINITY
  for (;;) {
    const window = nextWindow(Math.max(Date.now(), used + MINUTE), options.spanMs)
    if (window.start + options.spanMs > options.until) break
    used = window.minute
    const readers = Array.from({ length: options.readers }, (_, r) => ({
      ip: `10.200.${(window.minute / MINUTE) % 250}.${r + 1}`,
      articleId: articleIds[r % articleIds.length] as number,
    }))
    const gap = options.spanMs / options.perMinute
    for (let slot = 0; slot <= options.perMinute; slot++) {
      const at = window.start + slot * gap
      await sleep(Math.max(0, at - Date.now()))
      const over = slot === options.perMinute
      const posting = over ? readers.slice(0, 1) : readers
      await Promise.all(
        posting.map(async (reader) => {
          const number = ++serial
          const fields = {
            author_name: `Soak reader ${reader.ip}`,
            body: `Soak ${options.runId} comment ${number}`,
            idempotency_key: crypto.randomUUID(),
          }
          const htmx = number % 2 === 0
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
            tally.unexpected.push(
              `comment ${number} (over=${over}) answered ${answer.status} in ${answer.ms} ms: ` +
                describeAnswer(answer.text),
            )
          }
        }),
      )
    }
  }
  return tally
}

/**
 * The first stretch of `spanMs` from `from` on that lies inside one clock minute, kept five seconds
 * clear of its edges so that no post is counted in a neighbouring minute.
 */
function nextWindow(from: number, spanMs: number): { minute: number; start: number } {
  const minute = Math.floor(from / MINUTE) * MINUTE
  const start = Math.max(from, minute + EDGE_MS)
  if (start + spanMs <= minute + MINUTE - EDGE_MS) return { minute, start }
  return { minute: minute + MINUTE, start: minute + MINUTE + EDGE_MS }
}

/** Our error page's title, or the start of a body that is not ours (wrangler's own errors). */
function describeAnswer(text: string): string {
  const title = parse(text).querySelector('title')?.textContent.trim()
  return title || text.replace(/\s+/g, ' ').slice(0, 120)
}
