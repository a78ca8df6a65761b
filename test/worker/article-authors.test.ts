// Setting an article's authors: from the newsroom form and through the token API.
import { describe, expect, it } from 'vitest'
import { authors } from '../../src/db/schema'
import {
  apiFetch,
  appWithPrivateCache,
  articleForm,
  createUser,
  editorFetch,
  sessionFor,
  tokenFor,
} from './editor-fixtures'
import { testDb, uniqueSuffix } from './fixtures'
import { html } from './helpers'

async function newAuthor() {
  const suffix = uniqueSuffix()
  const [row] = await testDb()
    .insert(authors)
    .values({ slug: `picked-${suffix}`, name: `Picked Writer ${suffix}`, updatedAt: new Date() })
    .returning()
  if (!row) throw new Error('insert failed')
  return row
}

describe('article authors', () => {
  it('sets authors in order through the API, keeps them when a PUT leaves them out', async () => {
    const [first, second] = [await newAuthor(), await newAuthor()]
    const { token } = await tokenFor(await createUser('editor'))
    const input = {
      title: `Signed story ${uniqueSuffix()}`,
      category: 'economy',
      bodyMd: 'Text.',
      authors: [second.slug, first.slug],
    }
    const created = await apiFetch('/api/v1/articles', { method: 'POST', token, json: input })
    expect(created.status).toBe(201)
    const body = (await created.json()) as { id: number; authors: { slug: string }[] }
    expect(body.authors.map((a) => a.slug)).toEqual([second.slug, first.slug])

    const { authors: _, ...without } = input
    const put = await apiFetch(`/api/v1/articles/${body.id}`, {
      method: 'PUT',
      token,
      json: { ...without, summary: 'Now with a summary.' },
    })
    const after = (await put.json()) as { authors: { slug: string }[] }
    expect(after.authors.map((a) => a.slug)).toEqual([second.slug, first.slug])
  })

  it('answers an unknown author slug with a field message', async () => {
    const { token } = await tokenFor(await createUser('editor'))
    const response = await apiFetch('/api/v1/articles', {
      method: 'POST',
      token,
      json: { title: 'Unsigned', category: 'economy', authors: ['nobody-by-this-slug'] },
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { fields: Record<string, string> } }
    expect(body.error.fields.authors).toContain('nobody-by-this-slug')
  })

  it('picks authors in the article form and keeps the typed value after an error', async () => {
    const author = await newAuthor()
    const session = await sessionFor(await createUser('editor'))
    const bad = await editorFetch('/editor/articles', {
      session,
      form: articleForm({ authors: `${author.slug}, no-such-writer` }),
    })
    expect(bad.status).toBe(422)
    const page = await html(bad)
    expect(page.querySelector('#article-authors')?.getAttribute('value')).toBe(
      `${author.slug}, no-such-writer`,
    )
    expect(page.querySelector('#article-authors-error')?.text).toContain('no-such-writer')

    const good = await editorFetch('/editor/articles', {
      session,
      form: articleForm({ authors: author.slug }),
    })
    expect(good.status).toBe(303)
    const edit = await html(await editorFetch(good.headers.get('Location') ?? '', { session }))
    expect(edit.querySelector('#article-authors')?.getAttribute('value')).toBe(author.slug)
  })
})

describe('author pages and publishing', () => {
  it('shows a newly published story on the cached author page at once', async () => {
    const app = await appWithPrivateCache()
    const author = await newAuthor()
    const path = `/author/${author.slug}`
    await editorFetch(path, { app })
    expect((await editorFetch(path, { app })).headers.get('x-cache')).toBe('HIT')
    const session = await sessionFor(await createUser('editor'))
    const form = articleForm({ authors: author.slug })
    const created = await editorFetch('/editor/articles', { app, session, form })
    const edit = created.headers.get('Location')?.replace(/\?.*$/, '') ?? ''
    await editorFetch(edit, { app, session, form: { ...form, intent: 'publish' } })
    const after = await editorFetch(path, { app })
    expect(after.headers.get('x-cache')).toBe('MISS')
    const titles = (await html(after)).querySelectorAll('.card__title a').map((a) => a.text)
    expect(titles).toEqual([form.title])
  })
})
