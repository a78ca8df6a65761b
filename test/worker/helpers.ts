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
export function request(path: string, init?: RequestInit): Promise<Response> {
  return renderUncached(path, init, env)
}

async function renderUncached(path: string, init: RequestInit | undefined, bindings: typeof env) {
  const ctx = createExecutionContext()
  const response = await uncachedApp.fetch(new Request(new URL(path, ORIGIN), init), bindings, ctx)
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

/**
 * A database connection of the test's own. Test files run in parallel against one db-server, so a
 * test counts only the round trips made with its own label, sent as the bearer token.
 */
export function meteredDb() {
  const token = `metered-${crypto.randomUUID()}`
  const bindings: typeof env = { ...env, TURSO_AUTH_TOKEN: token }
  return {
    env: bindings,
    /** Like `request`, with this connection. */
    request: (path: string, init?: RequestInit) => renderUncached(path, init, bindings),
    /** The round trips made with this connection so far. */
    async roundTrips(): Promise<number> {
      const response = await fetch(new URL(`/stats?token=${token}`, env.DB_STATS_URL))
      return ((await response.json()) as { pipelines: number }).pipelines
    },
  }
}
