// Uncached renders: latency percentiles and database round trips per page, one request at a time.

export interface RenderResult {
  name: string
  path: string
  p50Ms: number
  p99Ms: number
  /** Database round trips per render, from the db-server's counter: the budget is exactly 1. */
  roundTrips: number[]
}

/**
 * The cache bypasses a request carrying an editor's session cookie with a token-shaped value (on
 * plain http the cookie has no __Host- prefix), so each of these renders.
 */
export const BYPASS = { Cookie: `bulletin_session=${'B'.repeat(43)}` }

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 100) / 100
}

async function pipelines(dbUrl: string): Promise<number> {
  const response = await fetch(`${dbUrl}/stats`)
  return ((await response.json()) as { pipelines: number }).pipelines
}

export async function measureRenders(
  origin: string,
  dbUrl: string,
  pages: { name: string; path: string }[],
  samples: number,
): Promise<RenderResult[]> {
  const results: RenderResult[] = []
  for (const { name, path } of pages) {
    const times: number[] = []
    const roundTrips: number[] = []
    for (let i = 0; i < samples; i++) {
      const before = await pipelines(dbUrl)
      const started = performance.now()
      const response = await fetch(`${origin}${path}`, { headers: BYPASS })
      await response.arrayBuffer()
      times.push(performance.now() - started)
      if (!response.ok) throw new Error(`${path} answered ${response.status}`)
      if (response.headers.get('x-cache') !== 'BYPASS') throw new Error(`${path} was not rendered`)
      roundTrips.push((await pipelines(dbUrl)) - before)
    }
    times.sort((a, b) => a - b)
    results.push({
      name,
      path,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      roundTrips,
    })
  }
  return results
}
