import { describe, expect, it } from 'vitest'
import { tagEditions } from '../../src/db/schema'
import { insertArticle, tagOf, testDb, uniqueSuffix } from './fixtures'
import { html, request } from './helpers'

/** Gives the article's one tag a name in `language`. */
async function nameTagIn(articleId: number, language: string, name: string) {
  const tag = await tagOf(articleId)
  await testDb()
    .insert(tagEditions)
    .values({ tagId: tag.id, language, name })
    .onConflictDoUpdate({ target: [tagEditions.tagId, tagEditions.language], set: { name } })
  return tag
}

describe('tag names on article pages', () => {
  it('names an Arabic article’s tag in Arabic, linking to the Arabic tag page', async () => {
    const article = await insertArticle({ language: 'ar', tagNames: ['Elections'] })
    const arabic = `انتخابات ${uniqueSuffix()}`
    const tag = await nameTagIn(article.id, 'ar', arabic)
    const page = await html(await request(`/news/${article.slug}`))
    const chip = page.querySelector(`a[rel="tag"][href="/ar/tag/${tag.slug}"]`)
    expect(chip?.text.trim()).toBe(arabic)
  })

  it('keeps a tag’s own name where its edition has no translation of it', async () => {
    const article = await insertArticle({ tagNames: ['Elections'] })
    const tag = await nameTagIn(article.id, 'ar', `انتخابات ${uniqueSuffix()}`)
    const page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelector(`a[rel="tag"][href="/tag/${tag.slug}"]`)?.text.trim()).toBe(
      'Elections',
    )
  })
})
