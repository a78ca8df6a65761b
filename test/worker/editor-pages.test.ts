// Newsroom static pages: drafts, publishing, revisions, reserved addresses refused, footer order.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { pageRevisions } from '../../src/db/schema'
import { appWithPrivateCache, createUser, editorFetch, sessionFor } from './editor-fixtures'
import { testDb, uniqueSuffix } from './fixtures'
import { html } from './helpers'

function pageForm(overrides: Record<string, string> = {}) {
  const suffix = uniqueSuffix()
  return {
    title: `Masthead ${suffix}`,
    slug: `masthead-${suffix}`,
    summary: 'Who edits what.',
    body: 'The **editors**.<script>alert(1)</script>',
    intent: 'save',
    ...overrides,
  }
}

describe('newsroom pages', () => {
  it('keeps a draft off the site, publishes it, and shows an edit at once', async () => {
    const app = await appWithPrivateCache()
    const session = await sessionFor(await createUser('editor'))
    const form = pageForm()
    const created = await editorFetch('/editor/pages', { app, session, form })
    expect(created.status).toBe(303)
    const editPath = created.headers.get('Location')?.replace(/\?.*$/, '') ?? ''
    expect((await editorFetch(`/${form.slug}`, { app })).status).toBe(404)

    await editorFetch(editPath, { app, session, form: { ...form, intent: 'publish' } })
    const live = await editorFetch(`/${form.slug}`, { app })
    expect(live.status).toBe(200)
    const page = await html(live)
    expect(page.querySelector('.article__body strong')?.text).toBe('editors')
    expect(page.querySelector('.article__body script')).toBeNull()
    expect((await editorFetch(`/${form.slug}`, { app })).headers.get('x-cache')).toBe('HIT')

    await editorFetch(editPath, { app, session, form: { ...form, title: 'Masthead, updated' } })
    const after = await editorFetch(`/${form.slug}`, { app })
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect((await html(after)).querySelector('h1')?.text).toBe('Masthead, updated')
    const id = Number(editPath.split('/').pop())
    const kept = await testDb().select().from(pageRevisions).where(eq(pageRevisions.pageId, id))
    expect(kept.map((row) => row.title)).toEqual([form.title, form.title])
  })

  it('refuses a reserved address with a field error and keeps the typed body', async () => {
    const session = await sessionFor(await createUser('editor'))
    for (const slug of ['search', 'news', 'api', 'corrections']) {
      const form = pageForm({ slug })
      const response = await editorFetch('/editor/pages', { session, form })
      expect(response.status).toBe(422)
      const page = await html(response)
      expect(page.querySelector('#page-slug-error')?.text).toContain('reserved')
      expect(page.querySelector('#page-body')?.text).toBe(form.body)
    }
  })

  it('orders the footer menu, and rejects a place that is not a number', async () => {
    const session = await sessionFor(await createUser('editor'))
    const form = pageForm()
    const created = await editorFetch('/editor/pages', {
      session,
      form: { ...form, intent: 'publish' },
    })
    const id = created.headers.get('Location')?.match(/pages\/(\d+)/)?.[1]
    const bad = await editorFetch('/editor/pages/footer', {
      session,
      form: { [`footer_${id}`]: 'first' },
    })
    expect(bad.status).toBe(422)
    const list = await html(bad)
    expect(list.querySelector(`#footer-${id}`)?.getAttribute('value')).toBe('first')
    expect(list.querySelector(`#footer-${id}-error`)?.text).toBeTruthy()

    const good = await editorFetch('/editor/pages/footer', {
      session,
      form: { [`footer_${id}`]: '0' },
    })
    expect(good.status).toBe(303)
    const home = await html(await editorFetch('/'))
    const footer = home.querySelectorAll('.footer-menu a').map((a) => a.getAttribute('href'))
    expect(footer[0]).toBe(`/${form.slug}`)
    await editorFetch('/editor/pages/footer', { session, form: { [`footer_${id}`]: '' } })
  })

  it('is closed to authors', async () => {
    const session = await sessionFor(await createUser('author'))
    expect((await editorFetch('/editor/pages', { session })).status).toBe(403)
  })
})
