// Shared helpers for Worker tests: requests through the real entry point, parsed HTML, DB counters.

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { parse } from 'node-html-parser'
import { createApp } from '../../src/app'

export const ORIGIN = 'http://bulletin.test'

// Most tests are about what a render shows and costs, so they skip the edge cache: test files share
// one cache and one database, and a copy cached by another test would hide the render.
export const NO_CACHE = { openCache: async () => undefined }
const uncachedApp = createApp(NO_CACHE)

/** Renders a request with the real app and bindings, bypassing the edge cache. */
export async function request(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext()
  const response = await uncachedApp.fetch(new Request(new URL(path, ORIGIN), init), env, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

/** Sends a request through the Worker's default export, edge cache included, as the runtime would. */
export function requestThroughWorker(path: string, init?: RequestInit): Promise<Response> {
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
