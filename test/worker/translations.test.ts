// Translations: linked articles name each other with hreflang, and the switcher leads to them.
import { eq, inArray } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { sitemapFileOf } from '../../src/db/queries/sitemaps'
import { articles } from '../../src/db/schema'
import { insertArticle, testDb } from './fixtures'
import { html, ORIGIN, request } from './helpers'

async function linkTranslations(...ids: number[]) {
  await testDb().update(articles).set({ translationGroup: ids[0] }).where(inArray(articles.id, ids))
}

const alternatesOf = async (slug: string) => {
  const page = await html(await request(`/news/${slug}`))
  return {
    page,
    links: Object.fromEntries(
      page
        .querySelectorAll('link[rel="alternate"][hreflang]')
        .map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]),
    ),
  }
}

describe('translations', () => {
  it('carries hreflang pairs both ways, with x-default on the default edition’s version', async () => {
    const english = await insertArticle({ title: 'Talks resume' })
    const arabic = await insertArticle({ title: 'استئناف المحادثات', language: 'ar' })
    await linkTranslations(english.id, arabic.id)
    const expected = {
      en: `${ORIGIN}/news/${english.slug}`,
      ar: `${ORIGIN}/news/${arabic.slug}`,
      'x-default': `${ORIGIN}/news/${english.slug}`,
    }
    expect((await alternatesOf(english.slug)).links).toEqual(expected)
    expect((await alternatesOf(arabic.slug)).links).toEqual(expected)
  })

  it('carries the same pairs as xhtml:link in the article sitemap', async () => {
    const english = await insertArticle({ title: 'Rates held' })
    const arabic = await insertArticle({ title: 'تثبيت الفائدة', language: 'ar' })
    await linkTranslations(english.id, arabic.id)
    const file = sitemapFileOf(arabic.id)
    const xml = parse(await (await request(`/sitemaps/articles-${file}.xml`)).text())
    const pairsOf = (slug: string) => {
      const url = xml
        .querySelectorAll('url')
        .find((u) => u.querySelector('loc')?.text.endsWith(`/news/${slug}`))
      return Object.fromEntries(
        (url?.querySelectorAll('xhtml\\:link') ?? []).map((link) => [
          link.getAttribute('hreflang'),
          link.getAttribute('href'),
        ]),
      )
    }
    const expected = {
      en: `${ORIGIN}/news/${english.slug}`,
      ar: `${ORIGIN}/news/${arabic.slug}`,
      'x-default': `${ORIGIN}/news/${english.slug}`,
    }
    expect(pairsOf(english.slug)).toEqual(expected)
    expect(pairsOf(arabic.slug)).toEqual(expected)
  })

  it('leads the language switcher to the translation, and to the edition home where there is none', async () => {
    const english = await insertArticle({ title: 'Harvest begins' })
    const arabic = await insertArticle({ title: 'بدء الحصاد', language: 'ar' })
    await linkTranslations(english.id, arabic.id)
    const { page } = await alternatesOf(english.slug)
    const links = page.querySelectorAll('.edition-switcher a')
    expect(links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')])).toEqual(
      [
        ['ar', `/news/${arabic.slug}`],
        ['fr', '/fr/'],
      ],
    )
    expect(links[0]?.text).toBe('العربية')
  })

  it('names no draft translation', async () => {
    const english = await insertArticle({ title: 'Budget vote' })
    const draft = await insertArticle({ title: 'تصويت الميزانية', language: 'ar', status: 'draft' })
    await linkTranslations(english.id, draft.id)
    const { page, links } = await alternatesOf(english.slug)
    expect(links).toEqual({})
    const switcher = page.querySelectorAll('.edition-switcher a').map((a) => a.getAttribute('href'))
    expect(switcher).toEqual(['/ar/', '/fr/'])
    await testDb().update(articles).set({ translationGroup: null }).where(eq(articles.id, draft.id))
  })
})
