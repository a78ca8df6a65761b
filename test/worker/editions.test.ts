// Editions: each one's pages under its prefix list only its own articles, in its own language.
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { articles } from '../../src/db/schema'
import { insertArticle, testDb } from './fixtures'
import { html, meteredDb, request, requestThroughWorker } from './helpers'

const slugsOn = (page: Awaited<ReturnType<typeof html>>) =>
  page
    .querySelectorAll('a[href^="/news/"]')
    .map((link) => link.getAttribute('href')?.slice('/news/'.length))

describe('editions', () => {
  it('serves the Arabic home at /ar/ right to left, in Arabic, with only Arabic stories, in one round trip', async () => {
    const arabic = await insertArticle({ title: 'خبر عربي للاختبار', language: 'ar' })
    const english = await insertArticle({ title: 'An English story' })
    const db = meteredDb()
    const response = await db.request('/ar/')
    expect(response.status).toBe(200)
    expect(await db.roundTrips()).toBe(1)
    const page = await html(response)
    const root = page.querySelector('html')
    expect([root?.getAttribute('lang'), root?.getAttribute('dir')]).toEqual(['ar', 'rtl'])
    expect(page.querySelector('.site-nav a')?.text).toBe('الرئيسية')
    expect(page.querySelector('.site-nav a')?.getAttribute('href')).toBe('/ar/')
    expect(page.querySelector('#latest-heading')?.text.trim()).toBe('آخر الأخبار')
    // Arabic month names in the header date.
    const months = new Intl.DateTimeFormat('ar-LB', { month: 'long', timeZone: 'Asia/Beirut' })
    expect(page.querySelector('.site-header__date')?.text).toContain(months.format(new Date()))
    const slugs = slugsOn(page)
    expect(slugs).toContain(arabic.slug)
    expect(slugs).not.toContain(english.slug)
    const languages = await testDb()
      .select({ slug: articles.slug, language: articles.language })
      .from(articles)
    const languageOf = new Map(languages.map((row) => [row.slug, row.language]))
    // Other test files share this database and may delete a story between the render and this
    // read (a full run saw one); a story still stored must be Arabic, and ours is among them.
    const stillStored = slugs.filter((slug) => languageOf.has(slug ?? ''))
    expect(stillStored).toContain(arabic.slug)
    expect(new Set(stillStored.map((slug) => languageOf.get(slug ?? '')))).toEqual(new Set(['ar']))
  })

  it('keeps Arabic stories off the default edition home', async () => {
    const arabic = await insertArticle({ title: 'خبر لا يظهر بالإنجليزية', language: 'ar' })
    const page = await html(await request('/'))
    expect(page.querySelector('html')?.getAttribute('dir')).toBe('ltr')
    expect(slugsOn(page)).not.toContain(arabic.slug)
  })

  it('lists only the edition’s stories on a section page, its breadcrumb leading to the edition home', async () => {
    const arabic = await insertArticle({ title: 'قسم دولي', language: 'ar' })
    const english = await insertArticle({ title: 'International story' })
    const page = await html(await request('/ar/category/international-news'))
    const slugs = slugsOn(page)
    expect(slugs).toContain(arabic.slug)
    expect(slugs).not.toContain(english.slug)
    expect(page.querySelector('.breadcrumb a')?.getAttribute('href')).toMatch(/\/ar\/$/)
  })

  it('answers 404, in Arabic, for a prefixed address no edition page has', async () => {
    const article = await insertArticle({ language: 'ar' })
    for (const path of [`/ar/news/${article.slug}`, '/ar/editor', '/ar/api/articles']) {
      const response = await request(path)
      expect(response.status).toBe(404)
      const page = await html(response)
      expect(page.querySelector('html')?.getAttribute('dir')).toBe('rtl')
      expect(page.querySelector('h1')?.text).toBe('الصفحة غير موجودة')
    }
  })

  it('caches each edition’s home under its own address', async () => {
    const english = await html(await requestThroughWorker('/'))
    const arabic = await html(await requestThroughWorker('/ar/'))
    const again = await requestThroughWorker('/ar/')
    expect(english.querySelector('html')?.getAttribute('lang')).toBe('en')
    expect(arabic.querySelector('html')?.getAttribute('lang')).toBe('ar')
    expect((await html(again)).querySelector('html')?.getAttribute('lang')).toBe('ar')
  })

  it('gives each edition its own feed, in its own language', async () => {
    const arabic = await insertArticle({ title: 'خبر في الخلاصة', language: 'ar' })
    const english = await insertArticle({ title: 'A story for the feed' })
    const feed = parse(await (await request('/ar/feed.xml')).text())
    const links = feed.querySelectorAll('item > guid').map((guid) => guid.text)
    expect(feed.querySelector('channel > language')?.text).toBe('ar')
    expect(links.some((link) => link.endsWith(`/news/${arabic.slug}`))).toBe(true)
    expect(links.some((link) => link.endsWith(`/news/${english.slug}`))).toBe(false)
  })

  it('writes the French edition in French, proof the catalogue is not made for two', async () => {
    const page = await html(await request('/fr/search'))
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('fr')
    expect(page.querySelector('h1')?.text).toBe('Recherche')
    expect(page.querySelector('form.search-form')?.getAttribute('action')).toBe('/fr/search')
  })

  it('renders an Arabic article in the Arabic edition’s chrome at its one address', async () => {
    const article = await insertArticle({ title: 'مقال عربي', language: 'ar' })
    await testDb().update(articles).set({ language: 'ar' }).where(eq(articles.id, article.id))
    const page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelector('html')?.getAttribute('dir')).toBe('rtl')
    expect(page.querySelector('.favorite-button__label')?.text).toBe('أضف إلى المفضلة')
    expect(page.querySelector('#comments-heading')?.text).toContain('التعليقات')
    // No translation: the switcher leads to the other editions' homes.
    const switcher = page.querySelectorAll('.edition-switcher a').map((a) => a.getAttribute('href'))
    expect(switcher).toEqual(['/', '/fr/'])
    expect(page.querySelectorAll('link[hreflang]')).toHaveLength(0)
  })
})
