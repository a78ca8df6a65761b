// The sign-in throttle through the login form: parallel guesses, growing waits, device cookies and
// the audit of failures. The clock is frozen, so "parallel" never depends on how busy the machine is.
import { and, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { auditLog } from '../../src/db/schema'
import { createUser, editorFetch } from './editor-fixtures'
import { testDb, uniqueSuffix } from './fixtures'
import { html } from './helpers'

const DEVICE_COOKIE = '__Secure-bulletin_device'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now())
})
afterEach(() => vi.useRealTimers())

let address = 0
/** A sign-in from an address of its own (unless given), with the browser's cookies if any. */
function signIn(email: string, password: string, extra: { ip?: string; cookie?: string } = {}) {
  address++
  return editorFetch('/editor/login', {
    form: { email, password },
    headers: {
      'CF-Connecting-IP': extra.ip ?? `10.66.${Math.floor(address / 250)}.${address % 250}`,
      ...(extra.cookie ? { Cookie: extra.cookie } : {}),
    },
  })
}

function deviceCookieFrom(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith(`${DEVICE_COOKIE}=`))
  if (!cookie) throw new Error('no device cookie set')
  return cookie.split(';')[0] as string
}

describe('the sign-in throttle', () => {
  it('lets at most 5 of 50 parallel wrong passwords for one account be checked', async () => {
    const user = await createUser('editor')
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(user.email, `wrong ${i}`)),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(5)
    expect(statuses.filter((status) => status === 429)).toHaveLength(45)
    for (const response of responses.filter((r) => r.status === 429)) {
      expect(response.headers.get('retry-after')).toBe('1')
    }
  })

  it('makes the next attempt wait, with Retry-After, even with the right password', async () => {
    const user = await createUser('author')
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, `wrong ${i}`)).status).toBe(401)
    const waiting = await signIn(user.email, user.password)
    expect(waiting.status).toBe(429)
    expect(waiting.headers.get('retry-after')).toBe('1')
    expect(waiting.headers.get('set-cookie')).toBeNull()
    const alert = (await html(waiting)).querySelector('[role="alert"]')?.text
    expect(alert).toBe('Too many failed sign-ins. Please wait 1 second and try again.')
    // Once the wait is over, the right password gets in.
    vi.setSystemTime(Date.now() + 1000)
    expect((await signIn(user.email, user.password)).status).toBe(303)
  })
})

describe('device cookies', () => {
  it('are set on a successful sign-in: signed, HttpOnly, Secure, SameSite=Strict, for the login form only', async () => {
    const user = await createUser('author')
    const response = await signIn(user.email, user.password)
    expect(response.status).toBe(303)
    const line = response.headers.getSetCookie().find((l) => l.startsWith(`${DEVICE_COOKIE}=`))
    expect(line).toMatch(/^__Secure-bulletin_device=[\w-]{22}\.[0-9a-z]+\.[\w-]{43};/)
    expect(line).toContain('Path=/editor/login')
    expect(line).toContain('HttpOnly')
    expect(line).toContain('Secure')
    expect(line).toContain('SameSite=Strict')
    expect(line).toContain(`Max-Age=${90 * 86_400}`)
  })

  it('let the owner in while strangers guessing the account are made to wait', async () => {
    const user = await createUser('editor')
    const device = deviceCookieFrom(await signIn(user.email, user.password))
    for (let i = 0; i < 5; i++) await signIn(user.email, `guess ${i}`)
    expect((await signIn(user.email, user.password)).status).toBe(429)
    const owner = await signIn(user.email, user.password, { cookie: device })
    expect(owner.status).toBe(303)
    expect(owner.headers.getSetCookie().some((l) => l.startsWith('__Host-bulletin_session='))).toBe(
      true,
    )
  })

  it('do not help with another account', async () => {
    const [mine, theirs] = [await createUser('author'), await createUser('editor')]
    const device = deviceCookieFrom(await signIn(mine.email, mine.password))
    for (let i = 0; i < 5; i++) await signIn(theirs.email, `guess ${i}`)
    expect((await signIn(theirs.email, theirs.password, { cookie: device })).status).toBe(429)
  })
})

describe('the audit of failed sign-ins', () => {
  it('records a failure for an email with no account, with the address typed', async () => {
    const email = `nobody-${uniqueSuffix()}@newsroom.test`
    expect((await signIn(email, 'a guess')).status).toBe(401)
    const rows = await testDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login_failed'), eq(auditLog.targetId, email)))
    expect(rows).toHaveLength(1)
    expect(rows[0]?.targetType).toBe('email')
    expect(rows[0]?.userId).toBeNull()
  })
})
