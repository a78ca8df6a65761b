// Corrections end to end: the newsroom form, the note on the article at once, /corrections and its feed.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { appWithPrivateCache, createUser, editorFetch, sessionFor } from './editor-fixtures'
import { insertArticle } from './fixtures'
import { html, request } from './helpers'

function jsonLd(page: ReturnType<typeof parse>, type: string) {
  return page
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.textContent))
    .find((data) => data['@type'] === type)
}

async function signedInEditor() {
  return sessionFor(await createUser('editor'))
}

describe('adding a correction in the newsroom', () => {
  it('shows the dated note on the cached article at once and bumps its modified date', async () => {
    const app = await appWithPrivateCache()
    const day = 24 * 3_600_000
    const article = await insertArticle({ publishedAt: new Date(Date.now() - 2 * day) })
    const path = `/news/${article.slug}`
    expect((await editorFetch(path, { app })).headers.get('x-cache')).toBe('MISS')
    expect((await editorFetch(path, { app })).headers.get('x-cache')).toBe('HIT')

    const session = await signedInEditor()
    const posted = await editorFetch(`/editor/articles/${article.id}/corrections`, {
      app,
      session,
      form: {
        kind: 'correction',
        placement: 'top',
        text: 'An earlier version gave the wrong *date*.',
      },
    })
    expect(posted.status).toBe(303)

    const after = await editorFetch(path, { app })
    expect(after.headers.get('x-cache')).toBe('MISS')
    const page = parse(await after.text())
    const note = page.querySelector('.corrections--top .correction')
    expect(note?.querySelector('.correction__label strong')?.text).toBe('Correction')
    expect(note?.querySelector('time')?.getAttribute('datetime')).toBeTruthy()
    expect(note?.querySelector('.correction__body em')?.text).toBe('date')
    expect(page.querySelector('.corrections--bottom')).toBeNull()
    const data = jsonLd(page, 'NewsArticle')
    expect(data.correction).toEqual([
      expect.objectContaining({
        '@type': 'CorrectionComment',
        text: 'An earlier version gave the wrong date.',
      }),
    ])
    expect(Date.parse(data.dateModified)).toBeGreaterThan(Date.now() - 60_000)
    const updated = page.querySelectorAll('.article__meta span').map((span) => span.text)
    expect(updated.some((text) => text.startsWith('Updated'))).toBe(true)
    const stamp = page.querySelector('.site-footer__update time')?.getAttribute('datetime')
    expect(Date.parse(stamp ?? '')).toBeGreaterThan(Date.now() - 60_000)
  })

  it('lists the note on /corrections and in its feed, linking to the story', async () => {
    const article = await insertArticle()
    const session = await signedInEditor()
    await editorFetch(`/editor/articles/${article.id}/corrections`, {
      session,
      form: { kind: 'clarification', placement: 'bottom', text: 'The minister spoke on Monday.' },
    })
    const list = await html(await request('/corrections'))
    const first = list.querySelector('.correction-index__item')
    expect(first?.querySelector('a')?.getAttribute('href')).toMatch(
      new RegExp(`^/news/${article.slug}#correction-\\d+$`),
    )
    expect(first?.querySelector('strong')?.text).toBe('Clarification')
    const rss = parse(await (await request('/corrections/feed.xml')).text())
    expect(rss.querySelector('item title')?.text).toBe(`Clarification: ${article.title}`)
    const atom = await request('/corrections/atom.xml')
    expect(atom.headers.get('Content-Type')).toContain('application/atom+xml')
  })

  it('keeps the typed note and shows field errors for bad input', async () => {
    const article = await insertArticle()
    const session = await signedInEditor()
    const long = 'x'.repeat(2001)
    const response = await editorFetch(`/editor/articles/${article.id}/corrections`, {
      session,
      form: { kind: 'retraction', placement: 'middle', text: long },
    })
    expect(response.status).toBe(422)
    const page = await html(response)
    expect(page.querySelector('#note-text')?.text).toBe(long)
    expect(page.querySelector('#note-text-error')?.text).toContain('2000')
    expect(page.querySelector('#note-kind-error')?.text).toBeTruthy()
    expect(page.querySelector('#note-placement-error')?.text).toBeTruthy()
  })

  it('refuses a note on a draft with a field error, and an author may not add one', async () => {
    const draft = await insertArticle({ status: 'draft' })
    const session = await signedInEditor()
    const response = await editorFetch(`/editor/articles/${draft.id}/corrections`, {
      session,
      form: { kind: 'correction', placement: 'top', text: 'A note.' },
    })
    expect(response.status).toBe(422)
    expect((await html(response)).querySelector('#note-text-error')?.text).toContain('published')
    expect((await html(await request('/corrections'))).text).not.toContain(draft.title)

    const published = await insertArticle()
    const author = await sessionFor(await createUser('author'))
    const denied = await editorFetch(`/editor/articles/${published.id}/corrections`, {
      session: author,
      form: { kind: 'correction', placement: 'top', text: 'A note.' },
    })
    expect(denied.status).toBe(403)
  })
})
