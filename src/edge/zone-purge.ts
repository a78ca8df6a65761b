// Cloudflare's zone purge API: by URL or by tag, in batches it accepts, retried with backoff.

const API = 'https://api.cloudflare.com/client/v4/zones'
/** Every plan accepts up to 100 URLs or tags in one purge request (DESIGN.md). */
export const PURGE_BATCH_SIZE = 100
const ATTEMPTS = 3

export interface ZonePurgeOptions {
  zoneId: string
  apiToken: string
  /** Injected in tests so backoff does not slow them. */
  sleep?: (ms: number) => Promise<void>
}

export type ZonePurgeRequest = { files: string[] } | { tags: string[] }

const defaultSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Sends the purge in batches; each batch is tried up to three times, waiting 1 s, 2 s (or the
 * API's Retry-After) between. Returns the error of every batch that still failed.
 */
export async function purgeZone(
  options: ZonePurgeOptions,
  request: ZonePurgeRequest,
): Promise<string[]> {
  const sleep = options.sleep ?? defaultSleep
  const field = 'files' in request ? 'files' : 'tags'
  const items = 'files' in request ? request.files : request.tags
  const failures: string[] = []
  for (const batch of batches(items, PURGE_BATCH_SIZE)) {
    let lastError = ''
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const response = await fetch(`${API}/${options.zoneId}/purge_cache`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${options.apiToken}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ [field]: batch }),
        })
        if (response.ok) {
          lastError = ''
          await response.body?.cancel()
          break
        }
        lastError = `HTTP ${response.status}`
        const retryAfter = Number(response.headers.get('retry-after'))
        await response.body?.cancel()
        if (attempt < ATTEMPTS)
          await sleep(retryAfter > 0 ? retryAfter * 1000 : 1000 * 2 ** (attempt - 1))
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error)
        if (attempt < ATTEMPTS) await sleep(1000 * 2 ** (attempt - 1))
      }
    }
    if (lastError) failures.push(`${field} ${batch[0]}… (${batch.length}): ${lastError}`)
  }
  return failures
}
