// Users, API tokens and the audit log: admin only, secrets shown once and stored as hashes.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { countUserSessions } from '../../src/db/queries/sessions'
import { apiTokens, auditLog, users } from '../../src/db/schema'
import { hashToken } from '../../src/services/sessions'
import { apiFetch, createUser, editorFetch, sessionFor, tokenFor } from './editor-fixtures'
import { testDb, uniqueSuffix } from './fixtures'
import { html } from './helpers'

const signIn = (email: string, password: string) =>
  editorFetch('/editor/login', {
    form: { email, password },
    headers: {
      'CF-Connecting-IP': `10.6.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    },
  })

describe('user administration', () => {
  it('creates an account with a generated password shown once, which signs in', async () => {
    const admin = await createUser('admin')
    const session = await sessionFor(admin)
    const email = `Reporter-${uniqueSuffix()}@Newsroom.test`
    const response = await editorFetch('/editor/users', {
      session,
      form: { email, name: 'New Reporter', role: 'author' },
    })
    expect(response.status).toBe(201)
    const page = await html(response)
    const password = page.querySelector('#secret-value')?.text ?? ''
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const [row] = await testDb().select().from(users).where(eq(users.email, email.toLowerCase()))
    expect(row?.role).toBe('author')
    expect(row?.passwordHash).not.toContain(password)
    expect((await signIn(email, password)).status).toBe(303)
    // Shown once: the list page never has it again.
    const list = await editorFetch('/editor/users', { session })
    expect(await list.text()).not.toContain(password)
    const duplicate = await editorFetch('/editor/users', {
      session,
      form: { email, name: 'Again', role: 'author' },
    })
    expect(duplicate.status).toBe(422)
    expect((await html(duplicate)).querySelector('#user-email-error')?.text).toContain(
      'already exists',
    )
  })

  it('disables an account: its sessions end and its API tokens are revoked, for good', async () => {
    const session = await sessionFor(await createUser('admin'))
    const target = await createUser('editor')
    const theirs = await sessionFor(target)
    const { token } = await tokenFor(target, ['articles:read'])
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(200)
    expect(
      (await editorFetch(`/editor/users/${target.id}/disable`, { session, form: {} })).status,
    ).toBe(200)
    expect(await countUserSessions(testDb(), target.id)).toBe(0)
    expect((await editorFetch('/editor', { session: theirs })).status).toBe(303)
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(401)
    await editorFetch(`/editor/users/${target.id}/enable`, { session, form: {} })
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(401)
  })

  it('resets a password (the old one stops working) and changes a role', async () => {
    const session = await sessionFor(await createUser('admin'))
    const target = await createUser('author')
    const reset = await html(
      await editorFetch(`/editor/users/${target.id}/reset-password`, { session, form: {} }),
    )
    const fresh = reset.querySelector('#secret-value')?.text ?? ''
    expect((await signIn(target.email, target.password)).status).toBe(401)
    expect((await signIn(target.email, fresh)).status).toBe(303)
    await editorFetch(`/editor/users/${target.id}/role`, { session, form: { role: 'editor' } })
    const [row] = await testDb()
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, target.id))
    expect(row?.role).toBe('editor')
    const bad = await editorFetch(`/editor/users/${target.id}/role`, {
      session,
      form: { role: 'owner' },
    })
    expect(bad.status).toBe(422)
  })

  it('never lets an admin disable, demote or reset their own account here', async () => {
    const admin = await createUser('admin')
    const session = await sessionFor(admin)
    for (const action of ['disable', 'reset-password']) {
      expect(
        (await editorFetch(`/editor/users/${admin.id}/${action}`, { session, form: {} })).status,
      ).toBe(403)
    }
    expect(
      (await editorFetch(`/editor/users/${admin.id}/role`, { session, form: { role: 'author' } }))
        .status,
    ).toBe(403)
  })
})

describe('API token administration', () => {
  it('creates a scoped token shown once and stored only as a hash', async () => {
    const session = await sessionFor(await createUser('admin'))
    const owner = await createUser('editor')
    const response = await editorFetch('/editor/tokens', {
      session,
      form: {
        name: 'Wire importer',
        user_id: String(owner.id),
        scopes: ['articles:read', 'articles:write'],
      },
    })
    expect(response.status).toBe(201)
    const token = (await html(response)).querySelector('#secret-value')?.text ?? ''
    expect(token).toMatch(/^bt_[A-Za-z0-9_-]{43}$/)
    const [row] = await testDb()
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, await hashToken(token)))
    expect(row).toMatchObject({
      userId: owner.id,
      name: 'Wire importer',
      scopes: 'articles:read articles:write',
    })
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(200)
    expect(await (await editorFetch('/editor/tokens', { session })).text()).not.toContain(token)
  })

  it('refuses scopes beyond the owner’s role, by the field', async () => {
    const session = await sessionFor(await createUser('admin'))
    const author = await createUser('author')
    const response = await editorFetch('/editor/tokens', {
      session,
      form: { name: 'Too much', user_id: String(author.id), scopes: ['articles:publish'] },
    })
    expect(response.status).toBe(422)
    const page = await html(response)
    expect(page.querySelector('#token-scopes-error')?.text).toContain(
      'articles:read, articles:write',
    )
    expect(page.querySelector('#token-name')?.getAttribute('value')).toBe('Too much')
  })

  it('revokes a token: it stops working at once', async () => {
    const session = await sessionFor(await createUser('admin'))
    const { token, id } = await tokenFor(await createUser('editor'), ['articles:read'])
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(200)
    expect((await editorFetch(`/editor/tokens/${id}/revoke`, { session, form: {} })).status).toBe(
      200,
    )
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(401)
  })
})

describe('audit log', () => {
  it('records who did what to which target, and shows it to admins only', async () => {
    const admin = await createUser('admin')
    const session = await sessionFor(admin)
    const target = await createUser('author')
    await editorFetch(`/editor/users/${target.id}/disable`, { session, form: {} })
    const [entry] = await testDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(target.id)))
    expect(entry).toMatchObject({ userId: admin.id, action: 'user.disable', targetType: 'user' })
    expect(entry?.createdAt).toBeInstanceOf(Date)
    const page = await html(await editorFetch('/editor/audit?action=user.disable', { session }))
    const row = page
      .querySelectorAll('.audit-table tbody tr')
      .find((tr) => tr.text.includes(`user ${target.id}`))
    expect(row?.text).toContain(admin.email)
    const editorSession = await sessionFor(await createUser('editor'))
    expect((await editorFetch('/editor/audit', { session: editorSession })).status).toBe(403)
  })
})
