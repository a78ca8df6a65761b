// The breaking alert in full pages' own HTML: readers without JavaScript see it on the next render.
import { describe, expect, it } from 'vitest'
import { breakingAlerts } from '../../src/db/schema'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, request } from './helpers'
import { editorSession } from './live-fixtures'

async function insertAlert(headline: string, expiresInMs: number) {
  const { user } = await editorSession()
  await testDb()
    .insert(breakingAlerts)
    .values({
      headline,
      url: '/news/quake',
      expiresAt: new Date(Date.now() + expiresInMs),
      authorId: user.id,
    })
}

describe('the breaking alert in full pages', () => {
  it('shows a current alert in the page itself, in the same single round trip', async () => {
    const article = await insertArticle()
    const headline = `Quake hits the coast ${uniqueSuffix()}`
    await insertAlert(headline, 3_600_000)
    for (const path of ['/', `/news/${article.slug}`, '/search']) {
      const db = meteredDb()
      const page = await html(await db.request(path))
      expect(await db.roundTrips()).toBe(1)
      const slot = page.querySelector('#breaking')
      expect(slot?.hasAttribute('hidden')).toBe(false)
      expect(slot?.querySelector('a')?.text).toBe(headline)
      expect(slot?.querySelector('a')?.getAttribute('href')).toBe('/news/quake')
      // site.js still refreshes it from the fragment, so a cached page picks up a newer alert.
      expect(slot?.getAttribute('data-refresh-from')).toBe('/fragments/breaking')
    }
  })

  it('shows no expired alert', async () => {
    const headline = `Yesterday's quake ${uniqueSuffix()}`
    await insertAlert(headline, -1000)
    const page = await html(await request('/'))
    const links = page.querySelectorAll('#breaking a').map((link) => link.text)
    expect(links).not.toContain(headline)
  })
})
