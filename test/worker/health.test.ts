// /healthz answers 200 when the database does and 503 when it does not.

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { meteredDb, NO_CACHE } from './helpers'

describe('GET /healthz', () => {
  it('answers 200 with JSON after one database round trip', async () => {
    const db = meteredDb()
    const response = await db.request('/healthz')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' })
    expect(await db.roundTrips()).toBe(1)
  })

  it('answers 503 with Retry-After when the database cannot be reached', async () => {
    // Port 9 on loopback has no listener, so the connection is refused.
    const deadDb = { ...env, TURSO_DATABASE_URL: 'http://127.0.0.1:9' }
    const ctx = createExecutionContext()
    const response = await createApp(NO_CACHE).fetch(
      new Request('http://bulletin.test/healthz'),
      deadDb,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('30')
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' })
  })
})
