// Merging authors purges what shows their bylines: the moved articles' pages and both author pages.
import { describe, expect, it } from 'vitest'
import { articleAuthors } from '../../src/db/schema'
import { appWithPrivateCache, createUser, editorFetch, sessionFor } from './editor-fixtures'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html } from './helpers'

async function createAuthor(session: Awaited<ReturnType<typeof sessionFor>>, name: string) {
  const suffix = uniqueSuffix()
  const form = {
    name: `${name} ${suffix}`,
    slug: `merge-${suffix}`,
    job_title: 'Reporter',
    bio: '',
    photo_url: '',
    photo_alt: '',
    links: '',
    user_id: '',
  }
  const response = await editorFetch('/editor/authors', { session, form })
  expect(response.status).toBe(303)
  return { id: Number(response.headers.get('Location')?.match(/authors\/(\d+)/)?.[1]), form }
}

describe('merging authors and the edge cache', () => {
  it('shows the surviving author on the cached pages of the moved articles at once', async () => {
    const app = await appWithPrivateCache()
    const session = await sessionFor(await createUser('admin'))
    const from = await createAuthor(session, 'Sami Old')
    const into = await createAuthor(session, 'Sami New')
    const article = await insertArticle({ byline: '' })
    await testDb().insert(articleAuthors).values({ articleId: article.id, authorId: from.id })
    const paths = [
      `/news/${article.slug}`,
      `/author/${from.form.slug}`,
      `/author/${into.form.slug}`,
    ]
    for (const path of paths) {
      await editorFetch(path, { app })
      expect((await editorFetch(path, { app })).headers.get('x-cache')).toBe('HIT')
    }
    const merged = await editorFetch('/editor/authors/merge', {
      app,
      session,
      form: { from: String(from.id), into: String(into.id) },
    })
    expect(merged.status).toBe(303)
    for (const path of [paths[0], paths[2]] as string[]) {
      expect((await editorFetch(path, { app })).headers.get('x-cache'), path).toBe('MISS')
    }
    // The merged author's page is no longer served from the cache: it now points to the survivor.
    const gone = await editorFetch(paths[1] as string, { app })
    expect(gone.headers.get('x-cache')).not.toBe('HIT')
    expect(gone.headers.get('Location')).toBe(`/author/${into.form.slug}`)
    const page = await html(await editorFetch(paths[0] as string, { app }))
    const byline = page.querySelector('.article__byline a[rel="author"]')
    expect(byline?.getAttribute('href')).toBe(`/author/${into.form.slug}`)
    expect(byline?.text).toBe(into.form.name)
  })
})
