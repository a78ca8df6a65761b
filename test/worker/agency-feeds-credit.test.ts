// An agency item's page credits its source: a link to the original story, and nothing else.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articles } from '../../src/db/schema'
import { insertArticle, testDb } from './fixtures'
import { html, request } from './helpers'

async function pageWithCanonical(canonicalUrl: string | null) {
  const article = await insertArticle({ byline: 'Staff, Agencies' })
  await testDb().update(articles).set({ canonicalUrl }).where(eq(articles.id, article.id))
  return html(await request(`/news/${article.slug}`))
}

describe('the source credit on an agency item', () => {
  it('links to the original story by its host, marked nofollow', async () => {
    const page = await pageWithCanonical('https://wire.example/2026/11/talks-resume')
    const link = page.querySelector('.article__source a')
    expect(link?.getAttribute('href')).toBe('https://wire.example/2026/11/talks-resume')
    expect(link?.getAttribute('rel')).toBe('nofollow noopener')
    expect(page.querySelector('.article__source')?.text).toBe('Source: wire.example')
  })

  it('shows nothing for an article of our own, or for a stored address that is not a web page', async () => {
    expect((await pageWithCanonical(null)).querySelector('.article__source')).toBeNull()
    expect(
      (await pageWithCanonical('javascript:alert(1)')).querySelector('.article__source'),
    ).toBeNull()
  })
})
