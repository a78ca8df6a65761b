// API tokens follow their owner: the role they have now, an account disabled and enabled again, and a
// password reset that offers to revoke them.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { apiTokens, users } from '../../src/db/schema'
import {
  apiFetch,
  createUser,
  editorFetch,
  insertPendingComment,
  sessionFor,
  tokenFor,
} from './editor-fixtures'
import { insertArticle, testDb } from './fixtures'
import { html } from './helpers'

async function adminSession() {
  return sessionFor(await createUser('admin'))
}

async function isRevoked(id: number): Promise<boolean> {
  const [row] = await testDb().select().from(apiTokens).where(eq(apiTokens.id, id))
  return row?.revokedAt != null
}

describe('a token whose owner changes role', () => {
  it('loses moderation, and the queue with its IP hashes, when an editor becomes an author', async () => {
    const admin = await adminSession()
    const owner = await createUser('editor')
    const { token } = await tokenFor(owner)
    await insertPendingComment((await insertArticle()).id)
    expect((await apiFetch('/api/v1/comments?status=pending', { token })).status).toBe(200)

    const demoted = await editorFetch(`/editor/users/${owner.id}/role`, {
      session: admin,
      form: { role: 'author' },
    })
    expect(demoted.status).toBe(200)
    for (const status of ['pending', 'spam']) {
      const response = await apiFetch(`/api/v1/comments?status=${status}`, { token })
      expect(response.status).toBe(403)
      const body = await response.text()
      expect(body).not.toContain('ipHash')
      expect(JSON.parse(body).error.code).toBe('FORBIDDEN')
    }
    const moderate = await apiFetch('/api/v1/comments/moderate', {
      method: 'POST',
      token,
      json: { ids: [1], action: 'approve' },
    })
    expect(moderate.status).toBe(403)
    // What an author may do, the token still does.
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(200)
  })

  it('never gains a scope it was not given when its owner is promoted', async () => {
    const owner = await createUser('author')
    const { token } = await tokenFor(owner, ['articles:read'])
    await testDb().update(users).set({ role: 'admin' }).where(eq(users.id, owner.id))
    expect((await apiFetch('/api/v1/comments', { token })).status).toBe(403)
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(200)
  })
})

describe('a token whose owner is disabled', () => {
  it('is revoked with the disabling, and stays revoked when the account is enabled again', async () => {
    const admin = await adminSession()
    const owner = await createUser('editor')
    const { token, id } = await tokenFor(owner, ['articles:read'])
    const disabled = await editorFetch(`/editor/users/${owner.id}/disable`, {
      session: admin,
      form: {},
    })
    expect((await html(disabled)).querySelector('[role="status"]')?.text).toContain(
      'Its API token was revoked.',
    )
    expect(await isRevoked(id)).toBe(true)
    await editorFetch(`/editor/users/${owner.id}/enable`, { session: admin, form: {} })
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(401)
  })

  it('is not revived by enabling an account that was disabled with the token still live', async () => {
    const admin = await adminSession()
    const owner = await createUser('editor', { disabled: true })
    // Disabled behind the app's back (or before disabling revoked tokens): the token is still live.
    const { token, id } = await tokenFor(owner, ['articles:read'])
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(401)
    await editorFetch(`/editor/users/${owner.id}/enable`, { session: admin, form: {} })
    expect(await isRevoked(id)).toBe(true)
    expect((await apiFetch('/api/v1/articles', { token })).status).toBe(401)
  })
})

describe('a password reset', () => {
  it('offers to revoke the account’s tokens, ticked by default', async () => {
    const admin = await adminSession()
    const owner = await createUser('author')
    await tokenFor(owner, ['articles:read'])
    await tokenFor(owner, ['articles:read'])
    const page = await html(await editorFetch('/editor/users', { session: admin }))
    const form = page.querySelector(`form[action="/editor/users/${owner.id}/reset-password"]`)
    const box = form?.querySelector('input[type="checkbox"][name="revoke_tokens"]')
    expect(box?.getAttribute('value')).toBe('1')
    expect(box?.hasAttribute('checked')).toBe(true)
    expect(form?.querySelector(`label[for="${box?.id}"]`)?.text).toContain(
      'Also revoke their 2 API tokens',
    )
  })

  it('revokes them when asked, and leaves them working when not', async () => {
    const admin = await adminSession()
    const [kept, revoked] = [await createUser('author'), await createUser('author')]
    const keptToken = await tokenFor(kept, ['articles:read'])
    const revokedToken = await tokenFor(revoked, ['articles:read'])
    await editorFetch(`/editor/users/${kept.id}/reset-password`, { session: admin, form: {} })
    const response = await editorFetch(`/editor/users/${revoked.id}/reset-password`, {
      session: admin,
      form: { revoke_tokens: '1' },
    })
    expect((await html(response)).querySelector('[role="status"]')?.text).toContain(
      'Its API token was revoked.',
    )
    expect((await apiFetch('/api/v1/articles', { token: keptToken.token })).status).toBe(200)
    expect((await apiFetch('/api/v1/articles', { token: revokedToken.token })).status).toBe(401)
  })
})
