// Embeds follow editions: a card speaks its story's language; an edition's list shows its own stories.
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { articleTags, categories, categoryEditions, tagEditions, tags } from '../../src/db/schema'
import { ar } from '../../src/lib/i18n/ar'
import { formatDateTime } from '../../src/lib/time'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, ORIGIN, request } from './helpers'

/** The seeded Arabic name of a section (category_editions). */
async function arabicSectionName(slug: string) {
  const [row] = await testDb()
    .select({ name: categoryEditions.name })
    .from(categoryEditions)
    .innerJoin(categories, eq(categories.id, categoryEditions.categoryId))
    .where(and(eq(categories.slug, slug), eq(categoryEditions.language, 'ar')))
  if (!row?.name) throw new Error(`the seed names no Arabic ${slug}`)
  return row.name
}

describe('embeds in editions', () => {
  it('shows an Arabic story’s card in Arabic, right to left, its section named in Arabic', async () => {
    const article = await insertArticle({ language: 'ar', categorySlug: 'science' })
    const page = await html(await request(`/embed/articles/${article.slug}`))
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('ar')
    const root = page.querySelector('.bulletin-embed')
    expect([root?.getAttribute('lang'), root?.getAttribute('dir')]).toEqual(['ar', 'rtl'])
    // The story is in the embed's own language, so it needs no lang of its own.
    expect(root?.querySelector('article')?.getAttribute('lang')).toBeUndefined()
    expect(root?.querySelector('.bulletin-card__section')?.text).toBe(
      await arabicSectionName('science'),
    )
    // Dated as the Arabic edition's pages are: Levantine month names, Arabic-Indic digits.
    const published = article.publishedAt as Date
    expect(root?.querySelector('time')?.text).toBe(
      formatDateTime(published, 'Asia/Beirut', 'ar-LB-u-nu-arab'),
    )
  })

  it('lists only the edition’s stories under its prefix, with its words and links back to it', async () => {
    const arabic = await insertArticle({ language: 'ar', title: `خبر للودجت ${uniqueSuffix()}` })
    const english = await insertArticle({ title: `Widget story ${uniqueSuffix()}` })
    const page = await html(await request('/ar/fragments/embed/latest?limit=20'))
    const root = page.querySelector('.bulletin-embed')
    expect([root?.getAttribute('lang'), root?.getAttribute('dir')]).toEqual(['ar', 'rtl'])
    expect(root?.querySelector('h2')?.text).toBe(ar['embed.latest'])
    const titles = root?.querySelectorAll('.bulletin-list__link').map((link) => link.text) ?? []
    expect(titles).toContain(arabic.title)
    expect(titles).not.toContain(english.title)
    expect(root?.querySelector('.bulletin-brand__link')?.getAttribute('href')).toBe(`${ORIGIN}/ar/`)

    const plain = await html(await request('/fragments/embed/latest?limit=20'))
    const plainTitles = plain.querySelectorAll('.bulletin-list__link').map((link) => link.text)
    expect(plainTitles).not.toContain(arabic.title)
  })

  it('names a section and a tag in the edition’s words, and links to its section page', async () => {
    const article = await insertArticle({
      language: 'ar',
      categorySlug: 'science',
      tagNames: ['Widgets'],
    })
    const page = await html(await request('/ar/embed/latest?category=science'))
    const section = await arabicSectionName('science')
    expect(page.querySelector('h2')?.text).toBe(
      ar['embed.latestFrom'].replace('{section}', section),
    )
    expect(page.querySelector('.bulletin-brand__link')?.getAttribute('href')).toBe(
      `${ORIGIN}/ar/category/science`,
    )
    const [tag] = await testDb()
      .select({ id: tags.id, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, article.id))
    if (!tag) throw new Error('the fixture has no tag')
    const named = `أدوات ${uniqueSuffix()}`
    await testDb()
      .insert(tagEditions)
      .values({ tagId: tag.id, language: 'ar', name: named })
      .onConflictDoUpdate({
        target: [tagEditions.tagId, tagEditions.language],
        set: { name: named },
      })
    const tagged = await html(await request(`/ar/fragments/embed/latest?tag=${tag.slug}`))
    expect(tagged.querySelector('h2')?.text).toBe(
      ar['embed.latestFrom'].replace('{section}', named),
    )
    expect(tagged.querySelectorAll('.bulletin-list__link').map((link) => link.text)).toEqual([
      article.title,
    ])
  })

  it('tells a missing section in the edition’s language', async () => {
    const response = await request('/ar/fragments/embed/latest?category=no-such-section')
    expect(response.status).toBe(404)
    const line = (await html(response)).querySelector('.bulletin-error')
    expect(line?.text).toBe(ar['problem.noCategory'])
    expect(line?.closest('.bulletin-embed')?.getAttribute('dir')).toBe('rtl')
  })

  it('keeps words and their lang in agreement when asked for a language no catalogue speaks', async () => {
    const article = await insertArticle({ language: 'ar' })
    const page = await html(await request(`/fragments/embed/articles/${article.slug}?lang=de`))
    expect(page.querySelector('.bulletin-embed')?.getAttribute('lang')).toBe('ar')
    const french = await html(await request('/fragments/embed/latest?lang=fr-CA&limit=1'))
    const root = french.querySelector('.bulletin-embed')
    expect(root?.getAttribute('lang')).toBe('fr-CA')
    expect(root?.querySelector('h2')?.text).toBe('Dernières nouvelles')
  })
})
