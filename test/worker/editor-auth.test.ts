// Signing in and out of the newsroom: cookies, rotation, throttling, expiry, re-hashing and logout.
import { eq } from 'drizzle-orm'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { countUserSessions } from '../../src/db/queries/sessions'
import { sessions, users } from '../../src/db/schema'
import { hashToken } from '../../src/services/sessions'
import {
  createUser,
  editorFetch,
  expiredSessionFor,
  SESSION_COOKIE,
  sessionCookie,
  sessionFor,
} from './editor-fixtures'
import { testDb } from './fixtures'
import { html } from './helpers'

/** A sign-in from its own IP, so throttling in one test never touches another. */
function signIn(
  email: string,
  password: string,
  extra: { ip?: string; cookie?: string; next?: string } = {},
) {
  return editorFetch('/editor/login', {
    form: { email, password, ...(extra.next ? { next: extra.next } : {}) },
    headers: {
      'CF-Connecting-IP':
        extra.ip ?? `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      ...(extra.cookie ? { Cookie: extra.cookie } : {}),
    },
  })
}

function tokenFrom(response: Response): string {
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(
    response.headers.get('set-cookie') ?? '',
  )
  if (!match?.[1]) throw new Error('no session cookie set')
  return match[1]
}

describe('newsroom sign-in', () => {
  it('signs in with the right password and sets a __Host- cookie that is HttpOnly, Secure and SameSite=Lax', async () => {
    const user = await createUser('editor')
    const response = await signIn(user.email, user.password, { next: '/editor/articles' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/editor/articles')
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^__Host-bulletin_session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toContain('Path=/')
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).not.toMatch(/Domain=/i)
    const token = tokenFrom(response)
    // Only the hash is stored.
    const [stored] = await testDb().select().from(sessions).where(eq(sessions.userId, user.id))
    expect(stored?.tokenHash).toBe(await hashToken(token))
    expect(stored?.tokenHash).not.toContain(token)
    const dashboard = await editorFetch('/editor', { headers: { Cookie: sessionCookie(token) } })
    expect(dashboard.status).toBe(200)
    expect(dashboard.headers.get('cache-control')).toBe('no-store')
  })

  it('uses the unprefixed, non-Secure cookie on plain-http localhost', async () => {
    const user = await createUser('author')
    const response = await editorFetch('/editor/login', {
      origin: 'http://localhost:8787',
      form: { email: user.email, password: user.password },
      env: { SITE_URL: 'http://localhost:8787' },
      headers: { 'CF-Connecting-IP': '10.8.0.1' },
    })
    expect(response.status).toBe(303)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^bulletin_session=/)
    expect(cookie).not.toContain('Secure')
    expect(cookie).toContain('HttpOnly')
  })

  it('says the same thing for a wrong password and for an email with no account', async () => {
    const user = await createUser('editor')
    const wrong = await signIn(user.email, 'not the password at all')
    const unknown = await signIn(`nobody-${user.id}@newsroom.test`, 'not the password at all')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const message = (r: Awaited<ReturnType<typeof html>>) => r.querySelector('[role="alert"]')?.text
    const [a, b] = [await html(wrong), await html(unknown)]
    expect(message(a)).toBe('That email and password do not match an account.')
    expect(message(b)).toBe(message(a))
    // The email stays in the form; the password never comes back.
    expect(a.querySelector('#login-email')?.getAttribute('value')).toBe(user.email)
    expect(a.querySelector('#login-password')?.getAttribute('value')).toBeUndefined()
    expect(wrong.headers.get('set-cookie')).toBeNull()
  })

  it('asks for both fields with 422 and messages by the fields', async () => {
    const response = await signIn('', '')
    expect(response.status).toBe(422)
    const page = await html(response)
    expect(page.querySelector('#login-email')?.getAttribute('aria-invalid')).toBe('true')
    expect(page.querySelector('#login-email-error')?.text).toBe('Enter your email address.')
    expect(page.querySelector('#login-password-error')?.text).toBe('Enter your password.')
  })

  it('makes an account wait after 5 failures, with Retry-After, from any address and even with the right password', async () => {
    // A frozen clock: the first wait is one second, which a slow machine could otherwise sit out.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now())
    onTestFinished(() => {
      vi.useRealTimers()
    })
    const user = await createUser('editor')
    for (let i = 0; i < 5; i++) {
      expect((await signIn(user.email, `wrong ${i}`)).status).toBe(401)
    }
    const locked = await signIn(user.email, user.password)
    expect(locked.status).toBe(429)
    const retryAfter = Number(locked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    expect((await html(locked)).querySelector('[role="alert"]')?.text).toContain(
      'Too many failed sign-ins',
    )
    expect(locked.headers.get('set-cookie')).toBeNull()
    // An unknown email is made to wait just the same, so lockouts reveal nothing either.
    const ghost = `ghost-${user.id}@newsroom.test`
    for (let i = 0; i < 5; i++) await signIn(ghost, `wrong ${i}`)
    expect((await signIn(ghost, 'wrong again')).status).toBe(429)
  })

  it('makes one address that tries many accounts wait', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now())
    onTestFinished(() => {
      vi.useRealTimers()
    })
    const ip = `10.7.${Math.floor(Math.random() * 250)}.9`
    const limit = { LOGIN_MAX_FAILURES_PER_IP: '3' }
    const attempt = (email: string, password: string) =>
      editorFetch('/editor/login', {
        form: { email, password },
        headers: { 'CF-Connecting-IP': ip },
        env: limit,
      })
    for (let i = 0; i < 3; i++) {
      expect((await attempt(`spray-${i}-${ip}@newsroom.test`, 'guess')).status).toBe(401)
    }
    const user = await createUser('author')
    const blocked = await attempt(user.email, user.password)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('rotates the session on sign-in: the session the browser came with is ended', async () => {
    const user = await createUser('editor')
    const first = tokenFrom(await signIn(user.email, user.password))
    const second = tokenFrom(
      await signIn(user.email, user.password, { cookie: sessionCookie(first) }),
    )
    expect(second).not.toBe(first)
    expect(
      (await editorFetch('/editor', { headers: { Cookie: sessionCookie(first) } })).status,
    ).toBe(303)
    expect(
      (await editorFetch('/editor', { headers: { Cookie: sessionCookie(second) } })).status,
    ).toBe(200)
  })

  it('re-hashes a password stored with fewer iterations than configured, on the next sign-in', async () => {
    const user = await createUser('author', { iterations: 20_000 })
    expect((await signIn(user.email, user.password)).status).toBe(303)
    const [row] = await testDb()
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id))
    expect(row?.hash).toMatch(/^pbkdf2-sha256\$100000\$/)
    // And the new hash still works.
    expect((await signIn(user.email, user.password)).status).toBe(303)
  })

  it('refuses a disabled account, after the right password only', async () => {
    const user = await createUser('editor', { disabled: true })
    const response = await signIn(user.email, user.password)
    expect(response.status).toBe(403)
    expect((await html(response)).querySelector('[role="alert"]')?.text).toContain('disabled')
  })

  it('follows only newsroom paths after sign-in', async () => {
    const user = await createUser('author')
    for (const next of ['https://evil.example/', '//evil.example', '/news/x', '/editor\\@evil']) {
      const response = await signIn(user.email, user.password, { next })
      expect(response.headers.get('location')).toBe('/editor')
    }
  })

  it('sends a signed-in /editor/ to /editor, so a sign-in from it lands on the dashboard', async () => {
    const user = await createUser('author')
    const anonymous = await editorFetch('/editor/')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toBe('/editor/login?next=%2Feditor%2F')
    const signedIn = await signIn(user.email, user.password, { next: '/editor/' })
    expect(signedIn.headers.get('location')).toBe('/editor/')
    const session = await sessionFor(user)
    for (const [path, to] of [
      ['/editor/', '/editor'],
      ['/editor/articles/', '/editor/articles'],
    ]) {
      const response = await editorFetch(path as string, { session })
      expect(response.status, path).toBe(301)
      expect(new URL(response.headers.get('location') ?? '', 'http://x').pathname, path).toBe(to)
    }
    expect((await editorFetch('/editor', { session })).status).toBe(200)
  })

  it('ends the session server-side on sign-out, so the old cookie no longer works', async () => {
    const user = await createUser('editor')
    const session = await sessionFor(user)
    const response = await editorFetch('/editor/logout', { session, form: {} })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/editor/login?signed_out=1')
    expect(response.headers.get('set-cookie')).toMatch(/__Host-bulletin_session=;.*Max-Age=0/)
    expect(await countUserSessions(testDb(), user.id)).toBe(0)
    expect((await editorFetch('/editor', { session })).status).toBe(303)
  })

  it('treats an expired session, an idle one and a disabled account as signed out', async () => {
    const user = await createUser('editor')
    const expired = await expiredSessionFor(user)
    const response = await editorFetch('/editor/articles', { session: expired })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/editor/login?next=%2Feditor%2Farticles')
    // Idle: last seen longer ago than SESSION_IDLE_MINUTES.
    const idle = await sessionFor(user)
    await testDb()
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 3 * 3_600_000) })
      .where(eq(sessions.tokenHash, await hashToken(idle.token)))
    expect((await editorFetch('/editor', { session: idle })).status).toBe(303)
    const live = await sessionFor(user)
    await testDb().update(users).set({ disabled: true }).where(eq(users.id, user.id))
    expect((await editorFetch('/editor', { session: live })).status).toBe(303)
  })

  it('moves last-seen forward as requests come, which keeps an active session alive', async () => {
    const user = await createUser('author')
    const session = await sessionFor(user)
    const hash = await hashToken(session.token)
    const before = new Date(Date.now() - 60 * 60_000)
    await testDb().update(sessions).set({ lastSeenAt: before }).where(eq(sessions.tokenHash, hash))
    expect((await editorFetch('/editor', { session })).status).toBe(200)
    const [row] = await testDb().select().from(sessions).where(eq(sessions.tokenHash, hash))
    expect(row?.lastSeenAt.getTime()).toBeGreaterThan(before.getTime() + 59 * 60_000)
    // Within a minute of the last move it stays put: a busy editor costs no write per request.
    expect((await editorFetch('/editor', { session })).status).toBe(200)
    const [again] = await testDb().select().from(sessions).where(eq(sessions.tokenHash, hash))
    expect(again?.lastSeenAt.getTime()).toBe(row?.lastSeenAt.getTime())
  })

  it('answers an htmx request without a session with 401 instead of a redirect', async () => {
    const response = await editorFetch('/editor/articles', { htmx: true })
    expect(response.status).toBe(401)
    // Sent to the alert region, so the message never replaces what the editor typed.
    expect(response.headers.get('hx-retarget')).toBe('#editor-alert')
    expect(response.headers.get('hx-reswap')).toBe('innerHTML')
    expect((await html(response)).querySelector('[role="alert"]')?.text).toContain(
      'session has ended',
    )
  })
})
