// Saving an article renders its library images with srcset, sizes, width and height into body_html.
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { articles } from '../../src/db/schema'
import { articleForm, createUser, editorFetch, sessionFor } from './editor-fixtures'
import { testDb } from './fixtures'
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
