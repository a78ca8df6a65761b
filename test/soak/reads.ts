// Reader traffic from autocannon: mostly hot, cached pages, a tenth uncached searches, and view beacons.
import autocannon from 'autocannon'

export interface ReadTally {
  requests: number
  /** Seconds into the run of each answer that was not 2xx, to line them up with cron and saves. */
  failedAt: number[]
  /** Non-2xx answers, socket errors and timeouts: all of them unexpected. */
  failed: number
  statuses: Record<string, number>
  xCache: Record<string, number>
  p99Ms: number
}

/** A share of reads that must miss the cache: searches for words nobody searched before. */
const MISS_SHARE = 0.1

/** Counts each answer as it comes; `tally` adds autocannon's totals at the end. */
function counter() {
  const started = Date.now()
  const counts = { statuses: {} as Record<string, number>, xCache: {} as Record<string, number> }
  const failedAt: number[] = []
  return {
    count(status: number, headers: Record<string, unknown> = {}) {
      counts.statuses[status] = (counts.statuses[status] ?? 0) + 1
      const cache = String(headers['x-cache'] ?? 'none')
      counts.xCache[cache] = (counts.xCache[cache] ?? 0) + 1
      if (status >= 300) failedAt.push(Math.round((Date.now() - started) / 1000))
    },
    tally(result: autocannon.Result): ReadTally {
      return {
        requests: result.requests.total,
        failed: result.non2xx + result.errors + result.timeouts,
        failedAt,
        ...counts,
        p99Ms: result.latency.p99,
      }
    },
  }
}

/**
 * Reads `hotPaths` (cached after their first request) nine times in ten, and a never-seen search
 * the tenth time, at `rate` requests a second for `seconds`. Counts every answer's x-cache.
 */
export function readPages(
  origin: string,
  hotPaths: string[],
  options: { rate: number; seconds: number; runId: string },
): Promise<ReadTally> {
  const answers = counter()
  let sent = 0
  const instance = autocannon({
    url: origin,
    connections: 8,
    overallRate: options.rate,
    duration: options.seconds,
    requests: [
      {
        method: 'GET',
        setupRequest(request) {
          sent++
          const miss = Math.random() < MISS_SHARE
          request.path = miss
            ? `/search?q=${options.runId}${sent}`
            : (hotPaths[sent % hotPaths.length] as string)
          return request
        },
        onResponse(status, _body, _context, headers) {
          answers.count(status, headers as Record<string, unknown>)
        },
      },
    ],
  })
  return instance.then((result) => answers.tally(result))
}

/** Article pages' view beacons, as navigator.sendBeacon sends them, from many readers. */
export function sendBeacons(
  origin: string,
  articleIds: number[],
  options: { rate: number; seconds: number },
): Promise<ReadTally> {
  const answers = counter()
  let sent = 0
  const instance = autocannon({
    url: origin,
    connections: 2,
    overallRate: options.rate,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest(request) {
          sent++
          request.path = `/beacon/view/${articleIds[sent % articleIds.length]}`
          request.headers = {
            ...request.headers,
            Origin: origin,
            'CF-Connecting-IP': `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`,
          }
          return request
        },
        onResponse(status) {
          answers.count(status)
        },
      },
    ],
  })
  return instance.then((result) => answers.tally(result))
}
