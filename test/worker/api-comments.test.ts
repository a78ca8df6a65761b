// The JSON API for moderation: the queue, and approving, rejecting or marking spam, one or many.
import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { comments } from '../../src/db/schema'
import { apiFetch, createUser, insertPendingComment, tokenFor } from './editor-fixtures'
import { insertArticle, testDb } from './fixtures'

describe('/api/v1/comments', () => {
  it('moderates one comment and answers with what changed', async () => {
    const { token } = await tokenFor(await createUser('editor'), ['comments:moderate'])
    const comment = await insertPendingComment((await insertArticle()).id)
    const response = await apiFetch(`/api/v1/comments/${comment.id}/moderate`, {
      method: 'POST',
      token,
      json: { action: 'approve' },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ id: comment.id, changed: 1, status: 'approved' })
    const again = await apiFetch(`/api/v1/comments/${comment.id}/moderate`, {
      method: 'POST',
      token,
      json: { action: 'approve' },
    })
    expect(await again.json()).toMatchObject({ changed: 0 })
    const [row] = await testDb().select().from(comments).where(eq(comments.id, comment.id))
    expect(row?.status).toBe('approved')
  })

  it('moderates in bulk, and validates ids and the action by field', async () => {
    const { token } = await tokenFor(await createUser('editor'), ['comments:moderate'])
    const article = await insertArticle()
    const [a, b] = await Promise.all([
      insertPendingComment(article.id),
      insertPendingComment(article.id),
    ])
    const ids = [Number(a?.id), Number(b?.id)]
    const response = await apiFetch('/api/v1/comments/moderate', {
      method: 'POST',
      token,
      json: { ids, action: 'spam' },
    })
    expect(await response.json()).toEqual({ changed: 2, status: 'spam' })
    const rows = await testDb()
      .select({ status: comments.status })
      .from(comments)
      .where(inArray(comments.id, ids))
    expect(rows.map((row) => row.status)).toEqual(['spam', 'spam'])
    const bad = await apiFetch('/api/v1/comments/moderate', {
      method: 'POST',
      token,
      json: { ids: [], action: 'delete' },
    })
    expect(bad.status).toBe(400)
    const { error } = (await bad.json()) as {
      error: { code: string; fields: Record<string, string> }
    }
    expect(error.code).toBe('INVALID')
    expect(error.fields).toEqual({
      ids: 'Give at least one comment id.',
      action: expect.stringContaining('approve, reject, spam'),
    })
  })

  it('lists the queue by status, oldest pending first', async () => {
    const { token } = await tokenFor(await createUser('editor'), ['comments:moderate'])
    const response = await apiFetch('/api/v1/comments?status=pending', { token })
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      data: { status: string; createdAt: string }[]
      counts: Record<string, number>
    }
    expect(body.data.every((item) => item.status === 'pending')).toBe(true)
    const times = body.data.map((item) => Date.parse(item.createdAt))
    expect(times).toEqual([...times].sort((x, y) => x - y))
    expect(body.counts.pending).toBeGreaterThan(0)
  })

  it('answers JSON errors for unknown API paths, after authentication', async () => {
    expect((await apiFetch('/api/v1/nothing-here')).status).toBe(401)
    const { token } = await tokenFor(await createUser('editor'))
    const response = await apiFetch('/api/v1/nothing-here', { token })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })
})
