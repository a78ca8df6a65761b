// Saving a body (article, live update, correction) stores its library images with srcset and size.
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { articles, liveUpdates } from '../../src/db/schema'
import { articleForm, createUser, editorFetch, sessionFor } from './editor-fixtures'
import { insertArticle, testDb } from './fixtures'
import { html, request } from './helpers'
import { editorSession, insertLiveArticle, postUpdate } from './live-fixtures'
import { insertLibraryRow } from './media-fixtures'

const newKey = () => crypto.randomUUID().replaceAll('-', '')

async function storedBody(slug: string) {
  const [row] = await testDb()
    .select({ bodyHtml: articles.bodyHtml })
    .from(articles)
    .where(eq(articles.slug, slug))
  return parse(row?.bodyHtml ?? '')
}

describe('library images in an article body', () => {
  it('are stored with srcset, sizes, width and height once the key is known, after a re-save', async () => {
    const key = newKey()
    const session = await sessionFor(await createUser('author'))
    const slug = `body-image-${key.slice(0, 8)}`
    const form = articleForm({
      slug,
      body_md: `Before.\n\n![The harbour](/media/${key})\n\nAfter.`,
    })
    const created = await editorFetch('/editor/articles', { session, form })
    expect(created.status).toBe(303)
    // Not in the library yet: a plain image, and no error.
    const plain = (await storedBody(slug)).querySelector('img')
    expect(plain?.getAttribute('srcset')).toBeUndefined()
    expect(plain?.getAttribute('width')).toBeUndefined()

    await insertLibraryRow({ key, alt: 'The harbour' })
    const edit = created.headers.get('Location')?.replace(/\?.*$/, '') ?? ''
    expect((await editorFetch(edit, { session, form })).status).toBeLessThan(400)
    const image = (await storedBody(slug)).querySelector('img')
    expect(image?.getAttribute('srcset')).toBe(
      [320, 480, 640, 960, 1200].map((w) => `/media/${key}/${w}.jpg ${w}w`).join(', '),
    )
    expect(image?.getAttribute('sizes')).toBeTruthy()
    expect(image?.getAttribute('width')).toBe('1280')
    expect(image?.getAttribute('height')).toBe('720')
    expect(image?.getAttribute('loading')).toBe('lazy')
    expect(image?.getAttribute('decoding')).toBe('async')
  })
})

/** The attributes the save-time lookup gives a 1280×720 library image. */
function expectSized(image: ReturnType<typeof parse> | null, key: string) {
  expect(image?.getAttribute('srcset')).toBe(
    [320, 480, 640, 960, 1200].map((w) => `/media/${key}/${w}.jpg ${w}w`).join(', '),
  )
  expect(image?.getAttribute('width')).toBe('1280')
  expect(image?.getAttribute('height')).toBe('720')
}

describe('library images in live updates and corrections', () => {
  it('reach readers with srcset, width and height when a live update is posted and when it is edited', async () => {
    const [posted, edited] = [await insertLibraryRow(), await insertLibraryRow()]
    const { article } = await insertLiveArticle()
    const { session } = await editorSession()
    expect((await postUpdate(article.id, session, `![Crowds](/media/${posted})`)).status).toBe(200)
    let page = await html(await request(`/news/${article.slug}`))
    expectSized(page.querySelector('.live-update__body img'), posted)

    const [row] = await testDb()
      .select({ id: liveUpdates.id })
      .from(liveUpdates)
      .where(eq(liveUpdates.articleId, article.id))
    const form = { body: `![The square](/media/${edited})` }
    const path = `/editor/live/${article.id}/updates/${row?.id}`
    expect((await editorFetch(path, { session, htmx: true, form })).status).toBe(200)
    page = await html(await request(`/news/${article.slug}`))
    expectSized(page.querySelector('.live-update__body img'), edited)
  })

  it('reach readers with srcset, width and height in a correction note', async () => {
    const key = await insertLibraryRow()
    const article = await insertArticle()
    const session = await sessionFor(await createUser('editor'))
    const text = `The photo showed the old bridge. ![The new bridge](/media/${key})`
    const form = { kind: 'correction', placement: 'top', text }
    const path = `/editor/articles/${article.id}/corrections`
    expect((await editorFetch(path, { session, form })).status).toBe(303)
    const page = await html(await request(`/news/${article.slug}`))
    expectSized(page.querySelector('.correction__body img'), key)
  })
})
