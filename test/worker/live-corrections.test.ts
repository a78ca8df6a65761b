// Open tabs follow corrections: a poll brings edits, pins and deletions of updates the tab shows.
import { describe, expect, it } from 'vitest'
import { appWithPrivateCache, editorFetch } from './editor-fixtures'
import { html } from './helpers'
import { editorSession, insertLiveArticle } from './live-fixtures'

describe('a poll from a tab that already shows the updates', () => {
  it('receives an edit, a pin and a deletion out of band, through the edge cache', async () => {
    const app = await appWithPrivateCache()
    const { article, ids, revision } = await insertLiveArticle(['One', 'Two', 'Three'])
    const [one, two, three] = ids
    // The tab shows updates 1 to 3, and its poll with nothing new is cached as a 204.
    const path = `/fragments/articles/${article.id}/live?after=${revision}`
    expect((await editorFetch(path, { app, htmx: true })).status).toBe(204)

    const { session } = await editorSession()
    const desk = `/editor/live/${article.id}/updates`
    const change = (suffix: string, form: Record<string, string>) =>
      editorFetch(`${desk}/${suffix}`, { app, session, htmx: true, form })
    expect((await change(`${two}`, { body: 'Two, **corrected**' })).status).toBe(200)
    expect((await change(`${three}/delete`, {})).status).toBe(200)
    expect((await change(`${one}/pin`, { pinned: '1' })).status).toBe(200)

    const answer = await editorFetch(path, { app, htmx: true })
    expect([answer.status, answer.headers.get('x-cache')]).toEqual([200, 'MISS'])
    const fragment = await html(answer)
    // Nothing is new, so nothing is held back; the changes replace or remove the tab's copies.
    expect(fragment.querySelector('hx-partial')).toBeNull()
    const edited = fragment.querySelector(`#update-${two}`)
    expect(edited?.getAttribute('data-hx-swap-oob')).toBe('outerHTML')
    expect(edited?.querySelector('.live-update__body strong')?.text).toBe('corrected')
    expect(fragment.querySelector(`#update-${three}`)?.getAttribute('data-hx-swap-oob')).toBe(
      'delete',
    )
    const pinned = fragment.querySelector(`#update-${one}`)
    expect(pinned?.getAttribute('data-hx-swap-oob')).toBe('outerHTML')
    expect(pinned?.classList.contains('live-update--pinned')).toBe(true)
    // The next poll asks after the three changes.
    expect(fragment.querySelector('#live-poll')?.getAttribute('data-live-poll')).toBe(
      String(revision + 3),
    )
  })

  it('tells a new update from a changed one: a tab that never had it gets it held back', async () => {
    const { article, ids } = await insertLiveArticle(['One', 'Two'])
    const { session } = await editorSession()
    await editorFetch(`/editor/live/${article.id}/updates/${ids[1]}`, {
      session,
      htmx: true,
      form: { body: 'Two, edited before the tab saw it' },
    })
    // A tab that shows only update 1 (revision 1).
    const fragment = await html(
      await editorFetch(`/fragments/articles/${article.id}/live?after=1`, { htmx: true }),
    )
    expect(fragment.querySelectorAll('hx-partial li').map((li) => li.id)).toEqual([
      `update-${ids[1]}`,
    ])
    expect(fragment.querySelector('hx-partial li')?.text).toContain('edited before the tab saw it')
    // Not also sent as a correction of a copy the tab does not have.
    expect(fragment.querySelectorAll('[data-hx-swap-oob]')).toHaveLength(0)
  })
})
