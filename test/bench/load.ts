// Load generation with autocannon: requests/s and latency percentiles at a given concurrency.
import autocannon from 'autocannon'

export interface LoadResult {
  url: string
  connections: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** Non-2xx answers plus socket errors and timeouts: the budget is zero. */
  errors: number
}

/** Runs autocannon against one URL for `seconds`, after a short warm-up that is not counted. */
export async function measureLoad(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  await autocannon({ url, connections, duration: 1, headers })
  const result = await autocannon({ url, connections, duration: seconds, headers })
  return {
    url,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.non2xx + result.errors + result.timeouts,
  }
}
