// The image picker behind "Insert image": signed-in only, the library newest first, searchable.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { createUser, editorFetch, sessionFor } from './editor-fixtures'
import { uniqueSuffix } from './fixtures'
import { insertLibraryRow } from './media-fixtures'

/** The picker only reads rows, so none is uploaded. */
function addImage(fields: { alt: string; filename: string; uploadedBy?: number }) {
  return insertLibraryRow({ caption: 'At dawn', credit: 'Desk', ...fields })
}

describe('the image picker', () => {
  it('sends a visitor without a session to the login page and lists nothing', async () => {
    await addImage({ alt: `Hidden ${uniqueSuffix()}`, filename: 'hidden.jpg' })
    for (const htmx of [false, true]) {
      const response = await editorFetch('/editor/media/picker', { htmx })
      expect(response.status).not.toBe(200)
      expect(parse(await response.text()).querySelectorAll('.media-picker__item')).toHaveLength(0)
    }
  })

  it('lists everyone’s images to an author, with the Markdown to copy, newest first', async () => {
    const word = `harbour${uniqueSuffix()}`
    const editor = await createUser('editor')
    const older = await addImage({ alt: `Old ${word}`, filename: 'a.jpg', uploadedBy: editor.id })
    const newer = await addImage({ alt: `New ${word}`, filename: 'b.jpg' })
    const session = await sessionFor(await createUser('author'))
    const response = await editorFetch(`/editor/media/picker?q=${word.toUpperCase()}`, { session })
    expect(response.status).toBe(200)
    const page = parse(await response.text())
    expect(page.querySelector('h1')?.text).toBe('Insert an image')
    const snippets = page.querySelectorAll('.media-picker__snippet').map((code) => code.text)
    expect(snippets).toEqual([
      `![New ${word}](/media/${newer})\n*At dawn — Desk*`,
      `![Old ${word}](/media/${older})\n*At dawn — Desk*`,
    ])
    // Without script there is nothing to press: the Markdown is there to copy.
    expect(page.querySelectorAll('button[data-insert]')).toHaveLength(0)
  })

  it('answers the dialog with a fragment whose Insert buttons carry the Markdown', async () => {
    const word = `quay${uniqueSuffix()}`
    const key = await addImage({ alt: `Boats ${word}`, filename: `${word}.jpg` })
    await addImage({ alt: 'Something else', filename: 'other.jpg' })
    const session = await sessionFor(await createUser('author'))
    const response = await editorFetch(`/editor/media/picker?q=${word}`, { session, htmx: true })
    const fragment = parse(await response.text())
    expect(fragment.querySelector('.editor-header')).toBeNull()
    const buttons = fragment.querySelectorAll('button[data-insert]')
    expect(buttons.map((button) => button.getAttribute('data-insert'))).toEqual([
      `![Boats ${word}](/media/${key})`,
    ])
    expect(buttons[0]?.getAttribute('aria-label')).toBe(`Insert Boats ${word}`)
    expect(fragment.querySelector('label[for="media-picker-q"]')?.text).toBeTruthy()
    expect(fragment.querySelector('form[data-media-picker-upload]')?.getAttribute('action')).toBe(
      '/editor/media/upload',
    )
  })

  it('is offered under the body of the article form', async () => {
    const session = await sessionFor(await createUser('author'))
    const page = parse(await (await editorFetch('/editor/articles/new', { session })).text())
    const opener = page.querySelector('a[data-media-picker]')
    expect(opener?.getAttribute('href')).toBe('/editor/media/picker')
    expect(opener?.getAttribute('data-media-picker')).toBe('article-body')
    expect(page.querySelector('textarea#article-body')).not.toBeNull()
  })
})
