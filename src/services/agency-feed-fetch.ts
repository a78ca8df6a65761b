// Fetches an agency feed: conditional GET, timeout, size cap, and redirects checked hop by hop.
import { AppError } from '../lib/errors'
import { checkOutboundUrl, type OutboundPolicy } from '../lib/outbound-url'

/** Large wire feeds run to a few hundred KB; anything past this is not a feed we want. */
export const FEED_MAX_BYTES = 2 * 1024 * 1024
export const FEED_TIMEOUT_MS = 10_000
/** Hops followed after the first request; each is checked like the first. */
const FEED_MAX_REDIRECTS = 3

export interface FeedValidators {
  etag: string | null
  lastModified: string | null
}

export type FeedFetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; body: string; url: string; etag: string | null; lastModified: string | null }

export interface FeedFetchOptions extends OutboundPolicy {
  fetch?: typeof fetch
  timeoutMs?: number
  maxBytes?: number
}

/**
 * GETs a feed, sending the validators from the last success. Throws AppError('UNAVAILABLE') with a
 * message fit for the newsroom on any failure: refused address, timeout, HTTP error, too large.
 */
export async function fetchFeed(
  url: string,
  validators: FeedValidators,
  options: FeedFetchOptions,
): Promise<FeedFetchResult> {
  const doFetch = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS
  let current = url
  for (let hop = 0; hop <= FEED_MAX_REDIRECTS; hop++) {
    const refusal = checkOutboundUrl(current, options)
    if (refusal)
      throw new AppError('UNAVAILABLE', hop === 0 ? refusal : `Redirect refused: ${refusal}`)
    const headers = new Headers({
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
      'user-agent': 'Bulletin feed reader',
    })
    // Validators belong to the address they came from; a redirect chain is one logical feed.
    if (validators.etag) headers.set('if-none-match', validators.etag)
    if (validators.lastModified) headers.set('if-modified-since', validators.lastModified)
    let response: Response
    try {
      response = await doFetch(current, {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      throw new AppError(
        'UNAVAILABLE',
        timedOut
          ? `The feed did not answer within ${timeoutMs / 1000} s.`
          : 'The feed could not be reached.',
      )
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel()
      const location = response.headers.get('location')
      if (!location)
        throw new AppError('UNAVAILABLE', `The feed answered ${response.status} with no Location.`)
      current = new URL(location, current).toString()
      continue
    }
    if (response.status === 304) {
      await response.body?.cancel()
      return { status: 'not-modified' }
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw new AppError('UNAVAILABLE', `The feed answered HTTP ${response.status}.`)
    }
    let body: string
    try {
      body = await readCapped(response, options.maxBytes ?? FEED_MAX_BYTES)
    } catch (error) {
      // The timeout also covers the body: a feed that trickles is as bad as one that never answers.
      if (error instanceof AppError) throw error
      throw new AppError('UNAVAILABLE', `The feed stopped sending within ${timeoutMs / 1000} s.`)
    }
    return {
      status: 'ok',
      body,
      url: current,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    }
  }
  throw new AppError('UNAVAILABLE', `The feed redirected more than ${FEED_MAX_REDIRECTS} times.`)
}

/** Reads the body as text, stopping as soon as it passes `maxBytes` (a declared length is not trusted). */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new AppError('UNAVAILABLE', `The feed is larger than ${Math.round(maxBytes / 1024)} KB.`)
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    await response.body?.cancel()
    throw tooLarge()
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return decodeFeed(bytes, response.headers.get('content-type'))
}

/** Text from bytes, in the charset the header or the XML declaration names (UTF-8 by default). */
export function decodeFeed(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200))
  const label =
    contentType?.match(/charset="?([\w-]+)/i)?.[1] ?? head.match(/encoding=["']([\w-]+)/i)?.[1]
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}
