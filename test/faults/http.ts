// HTTP as a reader's browser does it, with a time bound on every request and its duration measured.

export interface Answer {
  status: number
  headers: Headers
  text: string
  ms: number
}

/** Never hangs: a request that outlives `timeoutMs` is reported as status 0. */
export async function send(
  url: string,
  init: RequestInit = {},
  timeoutMs = 20_000,
): Promise<Answer> {
  const started = performance.now()
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      ...init,
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    return { status: response.status, headers: response.headers, text, ms: elapsed(started) }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    return { status: 0, headers: new Headers(), text, ms: elapsed(started) }
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started)
}

/** A comment form post, as the article page sends it with or without htmx. */
export function postComment(
  origin: string,
  articleId: number,
  fields: { author_name: string; body: string; idempotency_key?: string },
  options: { htmx?: boolean; ip?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    Origin: origin,
    'Content-Type': 'application/x-www-form-urlencoded',
  }
  if (options.htmx) headers['HX-Request'] = 'true'
  if (options.ip) headers['CF-Connecting-IP'] = options.ip
  return send(`${origin}/articles/${articleId}/comments`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields).toString(),
  })
}

/** Triggers the five-minute cron through wrangler's --test-scheduled endpoint. */
export function runCron(origin: string, timeoutMs = 60_000): Promise<Answer> {
  return send(`${origin}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`, {}, timeoutMs)
}
