// The JSON API for articles: validation with field messages, idempotent PUT, publishing, and scopes.
import { describe, expect, it } from 'vitest'
import { listRevisionsQuery } from '../../src/db/queries/revisions'
import { apiFetch, createUser, tokenFor } from './editor-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'

type Json = Record<string, unknown> & {
  error?: { code: string; message: string; fields?: Record<string, string> }
}

async function json(response: Response): Promise<Json> {
  return (await response.json()) as Json
}

async function editorToken() {
  return (await tokenFor(await createUser('editor'))).token
}

const story = (overrides: Record<string, unknown> = {}) => ({
  title: `Wire story ${uniqueSuffix()}`,
  category: 'economy',
  summary: 'From the wire.',
  bodyMd: 'Markets **rose**.',
  tags: ['Wire', `Markets ${uniqueSuffix()}`],
  imageUrl: 'https://images.example/markets.jpg',
  imageAlt: 'Traders',
  imageWidth: 1600,
  imageHeight: 900,
  ...overrides,
})

describe('/api/v1/articles', () => {
  it('creates a draft: 201, a Location, and the article as JSON', async () => {
    const token = await editorToken()
    const input = story()
    const response = await apiFetch('/api/v1/articles', { method: 'POST', token, json: input })
    expect(response.status).toBe(201)
    const body = await json(response)
    expect(response.headers.get('location')).toBe(`/api/v1/articles/${body.id}`)
    expect(body).toMatchObject({
      title: input.title,
      status: 'draft',
      category: 'economy',
      bodyHtml: '<p>Markets <strong>rose</strong>.</p>\n',
      imageWidth: 1600,
      url: null,
    })
    expect((body.tags as string[]).sort()).toEqual([...input.tags].sort())
    const fetched = await json(await apiFetch(`/api/v1/articles/${body.id}`, { token }))
    expect(fetched.slug).toBe(body.slug)
  })

  it('answers invalid input with 400, a stable code and a message per field', async () => {
    const token = await editorToken()
    const response = await apiFetch('/api/v1/articles', {
      method: 'POST',
      token,
      json: {
        title: '',
        category: 'economy',
        imageUrl: 'javascript:alert(1)',
        imageWidth: 1.5,
        tags: 'x',
      },
    })
    expect(response.status).toBe(400)
    const { error } = await json(response)
    expect(error?.code).toBe('INVALID')
    expect(error?.fields).toMatchObject({
      title: 'Please give the article a title.',
      imageUrl: expect.stringContaining('https://'),
      imageWidth: expect.stringContaining('whole number'),
      tags: 'Expected a list.',
    })
    // Missing fields are named in the same words as empty ones, not in the validator's.
    const empty = await apiFetch('/api/v1/articles', { method: 'POST', token, json: {} })
    expect(empty.status).toBe(400)
    expect((await json(empty)).error?.fields).toEqual({
      title: 'Please give the article a title.',
      category: 'Choose a section.',
    })
    const unknown = await apiFetch('/api/v1/articles', {
      method: 'POST',
      token,
      json: story({ category: 'nope' }),
    })
    expect((await json(unknown)).error?.fields).toEqual({ category: 'There is no such section.' })
  })

  it('refuses a body that is not JSON, with a message that says so', async () => {
    const token = await editorToken()
    const notJson = await apiFetch('/api/v1/articles', {
      method: 'POST',
      token,
      headers: { 'Content-Type': 'application/json' },
    })
    expect(notJson.status).toBe(400)
    const form = await apiFetch('/api/v1/articles', {
      method: 'POST',
      token,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect((await json(form)).error?.message).toContain('application/json')
  })

  it('makes PUT idempotent: the same document twice is one change and one revision', async () => {
    const token = await editorToken()
    const created = await json(
      await apiFetch('/api/v1/articles', { method: 'POST', token, json: story() }),
    )
    const update = story({ title: `Updated ${uniqueSuffix()}`, slug: created.slug })
    const first = await json(
      await apiFetch(`/api/v1/articles/${created.id}`, { method: 'PUT', token, json: update }),
    )
    const second = await json(
      await apiFetch(`/api/v1/articles/${created.id}`, { method: 'PUT', token, json: update }),
    )
    expect(first.title).toBe(update.title)
    expect(second.updatedAt).toBe(first.updatedAt)
    expect(await listRevisionsQuery(testDb(), Number(created.id))).toHaveLength(1)
    // What GET returns can be PUT back unchanged.
    const roundTrip = await apiFetch(`/api/v1/articles/${created.id}`, {
      method: 'PUT',
      token,
      json: second,
    })
    expect((await json(roundTrip)).updatedAt).toBe(first.updatedAt)
  })

  it('publishes now, schedules with publishAt, and unpublishes; repeating is harmless', async () => {
    const token = await editorToken()
    const created = await json(
      await apiFetch('/api/v1/articles', { method: 'POST', token, json: story() }),
    )
    const published = await json(
      await apiFetch(`/api/v1/articles/${created.id}/publish`, { method: 'POST', token }),
    )
    expect(published).toMatchObject({
      status: 'published',
      url: `http://bulletin.test/news/${created.slug}`,
    })
    const again = await apiFetch(`/api/v1/articles/${created.id}/publish`, {
      method: 'POST',
      token,
    })
    expect((await json(again)).publishedAt).toBe(published.publishedAt)
    const unpublished = await json(
      await apiFetch(`/api/v1/articles/${created.id}/unpublish`, { method: 'POST', token }),
    )
    expect(unpublished.status).toBe('draft')
    const at = '2031-06-01T09:00:00.000Z'
    const scheduled = await apiFetch(`/api/v1/articles/${created.id}/publish`, {
      method: 'POST',
      token,
      json: { publishAt: at },
    })
    expect(await json(scheduled)).toMatchObject({ status: 'scheduled', publishedAt: at })
    const bad = await apiFetch(`/api/v1/articles/${created.id}/publish`, {
      method: 'POST',
      token,
      json: { publishAt: 'soon' },
    })
    expect((await json(bad)).error?.fields?.publishAt).toContain('ISO 8601')
  })

  it('limits an author’s token to the author’s own articles, whatever its scopes say', async () => {
    const author = await createUser('author')
    const { token } = await tokenFor(author, ['articles:read', 'articles:write'])
    const mine = await json(
      await apiFetch('/api/v1/articles', { method: 'POST', token, json: story() }),
    )
    const other = await insertArticle()
    expect((await apiFetch(`/api/v1/articles/${other.id}`, { token })).status).toBe(404)
    const put = await apiFetch(`/api/v1/articles/${other.id}`, {
      method: 'PUT',
      token,
      json: story(),
    })
    expect(put.status).toBe(404)
    const list = await json(await apiFetch('/api/v1/articles', { token }))
    expect((list.data as { id: number }[]).map((row) => row.id)).toEqual([mine.id])
    // A publish-scoped token on an author's account is refused by the role, too.
    const { token: overreach } = await tokenFor(author, ['articles:publish'])
    const refused = await apiFetch(`/api/v1/articles/${mine.id}/publish`, {
      method: 'POST',
      token: overreach,
    })
    expect(refused.status).toBe(403)
  })

  it('lists with filters and pages, and validates the query', async () => {
    const token = await editorToken()
    const word = `okapi${uniqueSuffix()}`
    await insertArticle({ title: `The ${word} story` })
    const list = await json(
      await apiFetch(`/api/v1/articles?q=${word}&status=published`, { token }),
    )
    expect(list).toMatchObject({ total: 1, page: 1, pages: 1 })
    const bad = await apiFetch('/api/v1/articles?status=live&page=0', { token })
    expect(bad.status).toBe(400)
    expect(Object.keys((await json(bad)).error?.fields ?? {}).sort()).toEqual(['page', 'status'])
  })
})
