// Reordering the footer menu purges the pages that show it, so readers see the new menu at once.
import { describe, expect, it } from 'vitest'
import { appWithPrivateCache, createUser, editorFetch, sessionFor } from './editor-fixtures'
import { uniqueSuffix } from './fixtures'
import { html } from './helpers'

describe('the footer menu and the edge cache', () => {
  it('shows a reordered footer on the cached home, section and footer pages at once', async () => {
    const app = await appWithPrivateCache()
    const session = await sessionFor(await createUser('editor'))
    const suffix = uniqueSuffix()
    const form = {
      title: `Ombudsman ${suffix}`,
      slug: `ombudsman-${suffix}`,
      summary: 'Who answers readers.',
      body: 'The ombudsman.',
      intent: 'publish',
    }
    const created = await editorFetch('/editor/pages', { app, session, form })
    const id = created.headers.get('Location')?.match(/pages\/(\d+)/)?.[1]
    const paths = ['/', '/category/international-news', `/${form.slug}`]
    for (const path of paths) {
      await editorFetch(path, { app })
      expect((await editorFetch(path, { app })).headers.get('x-cache'), path).toBe('HIT')
    }
    // Last place, so that other tests' footer order is left as it was.
    const ordered = await editorFetch('/editor/pages/footer', {
      app,
      session,
      form: { [`footer_${id}`]: '999' },
    })
    expect(ordered.status).toBe(303)
    for (const path of paths) {
      const response = await editorFetch(path, { app })
      expect(response.headers.get('x-cache'), path).toBe('MISS')
      const menu = (await html(response)).querySelectorAll('.footer-menu a')
      expect(
        menu.map((link) => link.getAttribute('href')),
        path,
      ).toContain(`/${form.slug}`)
    }
    await editorFetch('/editor/pages/footer', { app, session, form: { [`footer_${id}`]: '' } })
  })
})
