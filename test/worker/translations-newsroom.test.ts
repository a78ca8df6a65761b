// Newsroom: an editor makes a translation, a draft in another edition linked to the original.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articles, articleTags } from '../../src/db/schema'
import { createUser, editorFetch, sessionFor } from './editor-fixtures'
import { insertArticle, testDb } from './fixtures'
import { html } from './helpers'

describe('translating an article in the newsroom', () => {
  it('makes a linked Arabic draft with the original’s text, section and tags, once', async () => {
    const session = await sessionFor(await createUser('editor'))
    const original = await insertArticle({ title: 'Talks in Geneva', tagNames: ['Diplomacy'] })
    const editorPage = await html(await editorFetch(`/editor/articles/${original.id}`, { session }))
    const offered = editorPage
      .querySelectorAll('.translation-form button[name="language"]')
      .map((button) => button.getAttribute('value'))
    expect(offered).toEqual(['ar', 'fr'])

    const form = { language: 'ar' }
    const response = await editorFetch(`/editor/articles/${original.id}/translations`, {
      session,
      form,
    })
    expect(response.status).toBe(303)
    const id = Number(response.headers.get('location')?.match(/\/editor\/articles\/(\d+)$/)?.[1])
    const db = testDb()
    const [draft] = await db.select().from(articles).where(eq(articles.id, id))
    const [source] = await db.select().from(articles).where(eq(articles.id, original.id))
    expect(draft).toMatchObject({
      language: 'ar',
      status: 'draft',
      title: 'Talks in Geneva',
      categoryId: original.categoryId,
      translationGroup: original.id,
      slug: `${original.slug}-ar`,
    })
    expect(source?.translationGroup).toBe(original.id)
    const tagsOf = (articleId: number) =>
      db
        .select({ tagId: articleTags.tagId })
        .from(articleTags)
        .where(eq(articleTags.articleId, articleId))
    expect(await tagsOf(id)).toEqual(await tagsOf(original.id))

    // Asking again opens the same translation rather than making a second.
    const again = await editorFetch(`/editor/articles/${original.id}/translations`, {
      session,
      form,
    })
    expect(again.headers.get('location')).toBe(`/editor/articles/${id}`)
  })

  it('refuses a language that is not an edition, and the article’s own', async () => {
    const session = await sessionFor(await createUser('editor'))
    const original = await insertArticle()
    for (const language of ['xx', 'en']) {
      const response = await editorFetch(`/editor/articles/${original.id}/translations`, {
        session,
        form: { language },
      })
      expect(response.status).toBe(400)
    }
  })

  it('lets no author translate someone else’s article', async () => {
    const session = await sessionFor(await createUser('author'))
    const original = await insertArticle()
    const response = await editorFetch(`/editor/articles/${original.id}/translations`, {
      session,
      form: { language: 'ar' },
    })
    expect(response.status).toBe(403)
  })
})
