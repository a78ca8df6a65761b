// Newsroom author screens: create with field errors, reserved slugs refused, delete and merge rules.
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleAuthors, auditLog, authors } from '../../src/db/schema'
import { appWithPrivateCache, createUser, editorFetch, sessionFor } from './editor-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, request } from './helpers'

function authorForm(overrides: Record<string, string> = {}) {
  const suffix = uniqueSuffix()
  return {
    name: `Dana Writer ${suffix}`,
    slug: `dana-writer-${suffix}`,
    job_title: 'Reporter',
    bio: 'Covers **cities**.<script>alert(1)</script>',
    photo_url: '',
    photo_alt: '',
    links: 'Website https://example.org/dana',
    user_id: '',
    ...overrides,
  }
}

async function createAuthorVia(session: Awaited<ReturnType<typeof sessionFor>>) {
  const form = authorForm()
  const response = await editorFetch('/editor/authors', { session, form })
  expect(response.status).toBe(303)
  const id = Number(response.headers.get('Location')?.match(/authors\/(\d+)/)?.[1])
  return { id, form }
}

describe('newsroom authors', () => {
  it('creates a profile whose page shows the sanitised bio', async () => {
    const session = await sessionFor(await createUser('editor'))
    const { form } = await createAuthorVia(session)
    const page = await html(await request(`/author/${form.slug}`))
    expect(page.querySelector('h1')?.text).toBe(form.name)
    expect(page.querySelector('.author-profile__bio strong')?.text).toBe('cities')
    expect(page.querySelector('.author-profile__bio script')).toBeNull()
    expect(page.querySelector('.author-profile__links a')?.getAttribute('href')).toBe(
      'https://example.org/dana',
    )
  })

  it('refuses a reserved or malformed slug with a field error and keeps what was typed', async () => {
    const session = await sessionFor(await createUser('editor'))
    for (const slug of ['search', 'editor', 'Not A Slug']) {
      const form = authorForm({ slug })
      const response = await editorFetch('/editor/authors', { session, form })
      expect(response.status).toBe(422)
      const page = await html(response)
      expect(page.querySelector('#author-slug-error')?.text).toBeTruthy()
      expect(page.querySelector('#author-name')?.getAttribute('value')).toBe(form.name)
      expect(page.querySelector('#author-bio')?.text).toBe(form.bio)
    }
  })

  it('refuses to delete an author who has articles, with a clear message', async () => {
    const session = await sessionFor(await createUser('editor'))
    const { id, form } = await createAuthorVia(session)
    const article = await insertArticle()
    await testDb().insert(articleAuthors).values({ articleId: article.id, authorId: id })
    const response = await editorFetch(`/editor/authors/${id}/delete`, { session, form: {} })
    expect(response.status).toBe(409)
    const page = await html(response)
    expect(page.querySelector('.notice--error')?.text).toContain('byline of 1 article')
    const [still] = await testDb().select().from(authors).where(eq(authors.slug, form.slug))
    expect(still).toBeDefined()
  })

  it('lets an admin merge two authors, moving bylines and recording it in the audit log', async () => {
    const admin = await createUser('admin')
    const session = await sessionFor(admin)
    const from = await createAuthorVia(session)
    const into = await createAuthorVia(session)
    const article = await insertArticle()
    await testDb().insert(articleAuthors).values({ articleId: article.id, authorId: from.id })
    const response = await editorFetch('/editor/authors/merge', {
      session,
      form: { from: String(from.id), into: String(into.id) },
    })
    expect(response.status).toBe(303)
    const bylines = await testDb()
      .select()
      .from(articleAuthors)
      .where(eq(articleAuthors.articleId, article.id))
    expect(bylines.map((row) => row.authorId)).toEqual([into.id])
    const moved = await request(`/author/${from.form.slug}`, { redirect: 'manual' })
    expect(moved.headers.get('Location')).toBe(`/author/${into.form.slug}`)
    const entries = await testDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'author.merge'), eq(auditLog.userId, admin.id)))
    expect(entries).toHaveLength(1)
  })

  it('does not let an editor merge authors', async () => {
    const session = await sessionFor(await createUser('editor'))
    const a = await createAuthorVia(session)
    const b = await createAuthorVia(session)
    const response = await editorFetch('/editor/authors/merge', {
      session,
      form: { from: String(a.id), into: String(b.id) },
    })
    expect(response.status).toBe(403)
  })
})

describe('author pages and the edge cache', () => {
  it('shows an edited profile on the cached author page at once', async () => {
    const app = await appWithPrivateCache()
    const session = await sessionFor(await createUser('editor'))
    const { id, form } = await createAuthorVia(session)
    const path = `/author/${form.slug}`
    await editorFetch(path, { app })
    expect((await editorFetch(path, { app })).headers.get('x-cache')).toBe('HIT')
    await editorFetch(`/editor/authors/${id}`, {
      app,
      session,
      form: { ...form, job_title: 'Chief correspondent' },
    })
    const after = await editorFetch(path, { app })
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect((await html(after)).querySelector('.author-profile__role')?.text).toBe(
      'Chief correspondent',
    )
  })
})
