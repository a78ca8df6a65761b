// Favorites: a shell page for everyone, and a fragment that lists the reader's saved ids in order.
import { describe, expect, it } from 'vitest'
import { insertArticle } from './fixtures'
import { html, request } from './helpers'

describe('favorites', () => {
  it('serves the same favorites page to everyone, with a no-JavaScript explanation', async () => {
    const response = await request('/favorites')
    expect(response.status).toBe(200)
    const page = await html(response)
    expect(page.querySelector('h1')?.text).toBe('Your favorites')
    expect(page.querySelector('#favorites-list noscript')).not.toBeNull()
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex')
  })

  it('lists published favorites in the order given, skipping drafts and unknown ids', async () => {
    const first = await insertArticle()
    const second = await insertArticle()
    const draft = await insertArticle({ status: 'draft', publishedAt: null })
    const ids = [second.id, draft.id, 999_999, first.id].join(',')
    const response = await request(`/fragments/favorites?ids=${ids}`)
    expect(response.status).toBe(200)
    const fragment = await html(response)
    expect(fragment.querySelector('html')).toBeNull()
    expect(fragment.querySelectorAll('.card__title a').map((link) => link.text)).toEqual([
      second.title,
      first.title,
    ])
  })

  it('says there are no favorites for an empty list', async () => {
    const fragment = await html(await request('/fragments/favorites?ids='))
    expect(fragment.querySelector('.favorites__empty')?.text).toContain('no favorites yet')
  })

  it.each(['abc', '1,,2', '-1', '1.5', Array.from({ length: 101 }, (_, i) => i + 1).join(',')])(
    'rejects ids=%s with a 400 and a message',
    async (ids) => {
      const response = await request(`/fragments/favorites?ids=${ids}`, {
        headers: { 'HX-Request': 'true' },
      })
      expect(response.status).toBe(400)
      const fragment = await html(response)
      expect(fragment.querySelector('[role="alert"]')?.text).toMatch(/favorites/i)
    },
  )
})
