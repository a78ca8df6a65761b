// Changing one's own password: the current one is required and throttled, other sessions end, and
// this browser carries on with a new session.
import { eq } from 'drizzle-orm'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { countUserSessions } from '../../src/db/queries/sessions'
import { auditLog } from '../../src/db/schema'
import {
  createUser,
  editorFetch,
  SESSION_COOKIE,
  sessionCookie,
  sessionFor,
  type TestSession,
  type TestUser,
} from './editor-fixtures'
import { testDb } from './fixtures'
import { html } from './helpers'

const NEW_PASSWORD = 'lantern orchard velvet ninety'

function signIn(email: string, password: string) {
  return editorFetch('/editor/login', {
    form: { email, password },
    headers: { 'CF-Connecting-IP': `10.44.${Math.floor(Math.random() * 250)}.1` },
  })
}

function change(session: TestSession, fields: Record<string, string>) {
  return editorFetch('/editor/account/password', {
    session,
    form: fields,
    headers: { 'CF-Connecting-IP': `10.45.${Math.floor(Math.random() * 250)}.1` },
  })
}

async function actions(user: TestUser): Promise<string[]> {
  const rows = await testDb()
    .select()
    .from(auditLog)
    .where(eq(auditLog.targetId, String(user.id)))
  return rows.map((row) => row.action)
}

describe('the account page', () => {
  it('is linked from every newsroom page and offers a password form browsers understand', async () => {
    const user = await createUser('author')
    const session = await sessionFor(user)
    const dashboard = await html(await editorFetch('/editor', { session }))
    expect(dashboard.querySelector('header a[href="/editor/account"]')?.text).toContain(user.name)
    const page = await html(await editorFetch('/editor/account', { session }))
    const form = page.querySelector('form[action="/editor/account/password"]')
    expect(form?.querySelector('#account-current-password')?.getAttribute('autocomplete')).toBe(
      'current-password',
    )
    expect(form?.querySelector('#account-new-password')?.getAttribute('autocomplete')).toBe(
      'new-password',
    )
    expect(form?.querySelector('input[name="_csrf"]')?.getAttribute('value')).toBe(session.csrf)
  })
})

describe('changing one’s own password', () => {
  it('ends every other session, rotates this one, and swaps the passwords', async () => {
    const user = await createUser('editor')
    const here = await sessionFor(user)
    const elsewhere = await sessionFor(user)
    const response = await change(here, {
      current_password: user.password,
      new_password: NEW_PASSWORD,
      confirm_password: NEW_PASSWORD,
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/editor/account?changed=1')
    const token = new RegExp(`${SESSION_COOKIE}=([\\w-]{43});`).exec(
      response.headers.get('set-cookie') ?? '',
    )?.[1]
    expect(token).toBeDefined()
    expect(token).not.toBe(here.token)
    // Only the new session is left: the old cookie here and the one elsewhere are signed out.
    expect(await countUserSessions(testDb(), user.id)).toBe(1)
    expect((await editorFetch('/editor', { session: here })).status).toBe(303)
    expect((await editorFetch('/editor', { session: elsewhere })).status).toBe(303)
    const after = await editorFetch('/editor/account?changed=1', {
      headers: { Cookie: sessionCookie(token as string) },
    })
    expect(after.status).toBe(200)
    expect((await html(after)).querySelector('[role="status"]')?.text).toContain('Password changed')
    expect((await signIn(user.email, user.password)).status).toBe(401)
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(303)
    expect(await actions(user)).toContain('auth.password_change')
  })

  it('requires the right current password, and changes nothing without it', async () => {
    const user = await createUser('author')
    const session = await sessionFor(user)
    const elsewhere = await sessionFor(user)
    const response = await change(session, {
      current_password: 'not my password at all',
      new_password: NEW_PASSWORD,
      confirm_password: NEW_PASSWORD,
    })
    expect(response.status).toBe(422)
    const page = await html(response)
    expect(page.querySelector('#account-current-password-error')?.text).toBe(
      'That is not your current password.',
    )
    expect(page.querySelector('#account-current-password')?.getAttribute('aria-invalid')).toBe(
      'true',
    )
    expect(response.headers.get('set-cookie')).toBeNull()
    expect((await editorFetch('/editor', { session: elsewhere })).status).toBe(200)
    expect((await signIn(user.email, user.password)).status).toBe(303)
    expect(await actions(user)).toContain('auth.password_change_failed')
  })

  it('says by the field what is wrong with the new password, and never sends a password back', async () => {
    const user = await createUser('author')
    const session = await sessionFor(user)
    const cases: [Record<string, string>, string, string][] = [
      [{ new_password: 'short' }, 'account-new-password', 'Use at least 12 characters'],
      [{ new_password: user.password }, 'account-new-password', 'different from the current'],
      [
        { new_password: NEW_PASSWORD, confirm_password: `${NEW_PASSWORD}!` },
        'account-confirm-password',
        'do not match',
      ],
      [{ current_password: '' }, 'account-current-password', 'Enter your current password'],
    ]
    for (const [fields, id, message] of cases) {
      const response = await change(session, {
        current_password: user.password,
        new_password: NEW_PASSWORD,
        confirm_password: NEW_PASSWORD,
        ...fields,
      })
      expect(response.status).toBe(422)
      const page = await html(response)
      expect(page.querySelector(`#${id}-error`)?.text).toContain(message)
      for (const input of page.querySelectorAll('input[type="password"]')) {
        expect(input.getAttribute('value')).toBeUndefined()
      }
    }
    expect((await signIn(user.email, user.password)).status).toBe(303)
  })

  it('holds guesses of the current password to the sign-in limit', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now())
    onTestFinished(() => {
      vi.useRealTimers()
    })
    const user = await createUser('author')
    const session = await sessionFor(user)
    const guess = (current: string) =>
      change(session, {
        current_password: current,
        new_password: NEW_PASSWORD,
        confirm_password: NEW_PASSWORD,
      })
    for (let i = 0; i < 5; i++) expect((await guess(`guess number ${i}`)).status).toBe(422)
    const held = await guess(user.password)
    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toBe('1')
    expect((await html(held)).querySelector('[role="alert"]')?.text).toContain(
      'Too many failed sign-ins',
    )
  })
})
