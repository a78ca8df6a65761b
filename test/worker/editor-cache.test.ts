// No public page is ever cached with an editor's session, and no newsroom page is cached at all.
import { describe, expect, it } from 'vitest'
import { appWithPrivateCache, createUser, editorFetch, sessionFor } from './editor-fixtures'
import { insertArticle } from './fixtures'

describe('editor sessions and the edge cache', () => {
  it('bypasses the cache for a signed-in editor and never stores what they were shown', async () => {
    const app = await appWithPrivateCache()
    const editor = await createUser('editor')
    const session = await sessionFor(editor)
    const article = await insertArticle()
    for (const path of [`/news/${article.slug}`, '/', '/category/international-news']) {
      const signedIn = await editorFetch(path, { app, session })
      expect(signedIn.status).toBe(200)
      expect(signedIn.headers.get('x-cache')).toBe('BYPASS')
      const body = await signedIn.text()
      // Public pages are the same for everyone: nothing of the editor's is on them.
      expect(body).not.toContain(session.csrf)
      expect(body).not.toContain(editor.name)
      // The next reader gets a fresh render, not the editor's copy.
      expect((await editorFetch(path, { app })).headers.get('x-cache')).toBe('MISS')
    }
  })

  it('keeps every newsroom response out of every cache, sign-in included', async () => {
    const app = await appWithPrivateCache()
    const user = await createUser('author')
    const session = await sessionFor(user)
    for (const path of ['/editor', '/editor/articles', '/editor/login']) {
      const response = await editorFetch(path, { app, session })
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('x-cache')).toBeNull()
    }
    const login = await editorFetch('/editor/login', {
      app,
      form: { email: user.email, password: user.password },
      headers: { 'CF-Connecting-IP': '10.5.0.1' },
    })
    expect(login.headers.get('set-cookie')).toContain('HttpOnly')
    expect(login.headers.get('cache-control')).toBe('no-store')
  })
})
