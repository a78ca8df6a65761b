// Shared helpers for Worker tests: requests through the real entry point, parsed HTML, DB counters.
import { env, exports } from 'cloudflare:workers'
import { parse } from 'node-html-parser'

export const ORIGIN = 'http://bulletin.test'

/** Sends a request through the Worker's default export, as the runtime would. */
export function request(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, ORIGIN), init))
}

export async function html(response: Response) {
  return parse(await response.text())
}

/** Pipeline requests the db-server has served so far: the DB round-trip counter. */
export async function dbPipelines(): Promise<number> {
  const response = await fetch(new URL('/stats', env.DB_STATS_URL))
  const stats = (await response.json()) as { pipelines: number }
  return stats.pipelines
}
