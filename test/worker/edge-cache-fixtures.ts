// An app with an edge cache of the test's own, and a database that does not answer, for cache tests.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { createApp } from '../../src/app'
import { createPageCache } from '../../src/edge/page-cache'
import { uniqueSuffix } from './fixtures'
import { ORIGIN } from './helpers'

/** Bindings whose database address refuses connections: the outage stale-if-error covers. */
export const DEAD_DB = { TURSO_DATABASE_URL: 'http://127.0.0.1:9' }

/**
 * An app whose edge cache is private to the test, so tests never see each other's copies, with a
 * clock of its own: `passTime(seconds)` ages every stored copy as that much time would.
 */
export async function cachedApp() {
  let passed = 0
  const passTime = (seconds: number) => {
    passed += seconds * 1000
  }
  const cache = createPageCache(
    await caches.open(`test-${uniqueSuffix()}`),
    () => Date.now() + passed,
  )
  const app = createApp({ openCache: async () => cache })
  const fetchPage = async (path: string, init?: RequestInit, bindings = {}) => {
    const ctx = createExecutionContext()
    const response = await app.fetch(
      new Request(new URL(path, ORIGIN), init),
      { ...env, ...bindings },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    return response
  }
  return { app, cache, fetchPage, passTime }
}
