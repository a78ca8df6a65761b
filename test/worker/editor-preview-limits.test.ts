// The preview and the save share the renderer's bounds: over them is a 4xx with a message, never a 500.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { BODY_MAX } from '../../src/lib/article-input-limits'
import {
  apiFetch,
  articleForm,
  createUser,
  editorFetch,
  sessionFor,
  tokenFor,
} from './editor-fixtures'
import { html } from './helpers'

async function preview(bodyMd: string) {
  const session = await sessionFor(await createUser('author'))
  return editorFetch('/editor/preview', {
    session,
    htmx: true,
    form: { title: 'T', body_md: bodyMd },
  })
}

describe('the Markdown preview and save under hostile input', () => {
  it('answers a preview over the body limit with 422 and the limit in the preview pane', async () => {
    const response = await preview('a'.repeat(BODY_MAX + 1))
    expect(response.status).toBe(422)
    const fragment = await html(response)
    expect(fragment.querySelector('[role="alert"]')?.text).toContain(String(BODY_MAX))
    expect(fragment.querySelector('.article__body')).toBeNull()
  })

  it.each([
    ['50,000 quote markers', '>'.repeat(50_000)],
    ['underscore runs to the body limit', '_a'.repeat(BODY_MAX / 2)],
    ['quotes nested twelve deep', `${'> '.repeat(12)}deep`],
  ])('answers %s with 422 and a message, not a crash or a stall', async (_, bodyMd) => {
    const response = await preview(bodyMd)
    expect(response.status).toBe(422)
    expect((await html(response)).querySelector('[role="alert"]')?.text).toMatch(
      /too much formatting|deep/,
    )
  })

  it('keeps what was typed and says why when a save is over the limit', async () => {
    const session = await sessionFor(await createUser('author'))
    const bodyMd = `Kept. ${'a'.repeat(BODY_MAX)}`
    const response = await editorFetch('/editor/articles', {
      session,
      form: articleForm({ body_md: bodyMd }),
    })
    expect(response.status).toBe(422)
    const page = await html(response)
    expect(page.querySelector('#article-body')?.text).toBe(bodyMd)
    expect(page.querySelector('#article-body-error')?.text).toContain(String(BODY_MAX))
    expect(page.querySelector('#article-preview [role="alert"]')?.text).toContain(String(BODY_MAX))
  })

  it('accepts an Arabic body at the length limit, which a form sends as over a megabyte', async () => {
    const session = await sessionFor(await createUser('author'))
    const words = 'الكرملين،بوتين،ماكرون،محادثة،'
    const bodyMd = words.repeat(Math.ceil(BODY_MAX / words.length)).slice(0, BODY_MAX)
    expect(new URLSearchParams({ body_md: bodyMd }).toString().length).toBeGreaterThan(1024 * 1024)
    const response = await editorFetch('/editor/preview', {
      session,
      htmx: true,
      form: { title: 'T', body_md: bodyMd },
    })
    expect(response.status).toBe(200)
    expect((await html(response)).querySelector('.article__body')?.text).toContain('الكرملين')
  })

  it('refuses an API image address that a browser reads as another host, and a hostile body', async () => {
    const token = (await tokenFor(await createUser('editor'))).token
    const response = await apiFetch('/api/v1/articles', {
      method: 'POST',
      token,
      json: {
        title: 'Backslashes',
        category: 'economy',
        imageUrl: '/\\evil.example/x.png',
        imageAlt: 'x',
        bodyMd: '>'.repeat(50_000),
      },
    })
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { fields: Record<string, string> } }
    expect(error.fields.imageUrl).toContain('https://')
    expect(error.fields.bodyMd).toContain('too much formatting')
  })

  it('stores a Markdown link to /\\host as the external link it is', async () => {
    const token = (await tokenFor(await createUser('editor'))).token
    const response = await apiFetch('/api/v1/articles', {
      method: 'POST',
      token,
      json: { title: 'Off-site', category: 'economy', bodyMd: '[l](/\\evil.example)' },
    })
    expect(response.status).toBe(201)
    const { bodyHtml } = (await response.json()) as { bodyHtml: string }
    const link = parse(bodyHtml).querySelector('a')
    expect(link?.getAttribute('href')).toBe('https://evil.example/')
    expect(link?.getAttribute('rel')).toBe('noopener')
  })
})
