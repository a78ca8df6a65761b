// Only a cookie that can be an editor's session skips the edge cache; look-alikes get the cached page.
import { describe, expect, it } from 'vitest'
import { cachedApp } from './edge-cache-fixtures'
import { createUser, SESSION_COOKIE, sessionFor } from './editor-fixtures'
import { meteredDb } from './helpers'

/** Session-shaped: 32 random bytes in base64url, as services/sessions.ts makes them. */
const WELL_FORMED = 'A'.repeat(43)

const JUNK_COOKIES = [
  'foo=xbulletin_session=1',
  `foo=x${SESSION_COOKIE}=${WELL_FORMED}`,
  `${SESSION_COOKIE}=abc`,
  `${SESSION_COOKIE}=`,
  `${SESSION_COOKIE}=${'A'.repeat(44)}`,
  `${SESSION_COOKIE}=${'A'.repeat(42)}!`,
  `${SESSION_COOKIE}x=${WELL_FORMED}`,
  `x${SESSION_COOKIE}=${WELL_FORMED}`,
  `theme=dark; tracking=${SESSION_COOKIE}`,
  // The unprefixed name is only the session's on plain-http localhost; this site is not.
  `bulletin_session=${WELL_FORMED}`,
]

describe('session cookies and the edge cache', () => {
  it('serves a cache hit, with no database round trip, whatever junk the Cookie header holds', async () => {
    const { fetchPage } = await cachedApp()
    expect((await fetchPage('/tag/russia')).headers.get('x-cache')).toBe('MISS')
    for (const cookie of JUNK_COOKIES) {
      const db = meteredDb()
      const response = await fetchPage('/tag/russia', { headers: { Cookie: cookie } }, db.env)
      expect(response.headers.get('x-cache'), cookie).toBe('HIT')
      expect(await db.roundTrips(), cookie).toBe(0)
    }
  })

  it('still renders fresh for a signed-in editor, among other cookies, and stores nothing', async () => {
    const { fetchPage } = await cachedApp()
    const session = await sessionFor(await createUser('editor'))
    await fetchPage('/tag/russia')
    for (const cookie of [session.cookie, `theme=dark; ${session.cookie}; other=1`]) {
      const db = meteredDb()
      const response = await fetchPage('/tag/russia', { headers: { Cookie: cookie } }, db.env)
      expect(response.headers.get('x-cache'), cookie).toBe('BYPASS')
      // Workers Cache and any proxy between must not keep what a signed-in editor was shown.
      expect(response.headers.get('cache-control'), cookie).toBe('private, no-store')
      expect(await db.roundTrips(), cookie).toBe(1)
    }
    expect((await fetchPage('/tag/russia?utm_source=z')).headers.get('x-cache')).toBe('HIT')
  })
})
