// Embeds: the story card and the latest list, as iframe documents and as fragments for other sites.

import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { articles, articleTags, slugRedirects } from '../../src/db/schema'
import { insertArticle, tagOf, testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, ORIGIN, request } from './helpers'

describe('GET /embed/articles/:slug', () => {
  it('is a small document with the image, section, time, title, summary and a top-window link', async () => {
    const article = await insertArticle({ summary: 'What the card says about the story.' })
    const response = await request(`/embed/articles/${article.slug}`)
    expect(response.status).toBe(200)
    const page = await html(response)
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('en')
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${ORIGIN}/news/${article.slug}`,
    )
    const card = page.querySelector('.bulletin-embed article.bulletin-card')
    expect(card?.querySelector('img')?.getAttribute('src')).toBe(
      `${ORIGIN}/images/placeholders/globe.svg`,
    )
    expect(card?.querySelector('img')?.getAttribute('alt')).toBe('A globe')
    expect(card?.querySelector('.bulletin-card__section')?.text).toBe('International News')
    expect(card?.querySelector('time')?.getAttribute('datetime')).toBe(
      article.publishedAt?.toISOString(),
    )
    expect(card?.querySelector('.bulletin-card__summary')?.text).toBe(
      'What the card says about the story.',
    )
    const link = card?.querySelector('h2 a')
    expect(link?.text).toBe(article.title)
    expect(link?.getAttribute('href')).toBe(`${ORIGIN}/news/${article.slug}`)
    expect(link?.getAttribute('target')).toBe('_top')
    expect(link?.getAttribute('rel')).toBe('noopener')
  })

  it('runs no script but the height one, and uses no inline style', async () => {
    const article = await insertArticle()
    const page = await html(await request(`/embed/articles/${article.slug}`))
    const scripts = page.querySelectorAll('script')
    expect(scripts.map((script) => script.getAttribute('src'))).toEqual(['/js/embed-frame.js'])
    expect(scripts[0]?.text).toBe('')
    expect(page.querySelectorAll('style, [style]')).toHaveLength(0)
    expect(
      page.querySelectorAll('link[rel="stylesheet"]').map((link) => link.getAttribute('href')),
    ).toEqual(['/css/embed.css'])
  })

  it('costs one database round trip', async () => {
    const article = await insertArticle()
    const db = meteredDb()
    expect((await db.request(`/embed/articles/${article.slug}`)).status).toBe(200)
    expect(await db.roundTrips()).toBe(1)
  })

  it('takes a theme and a language for its own words and dates', async () => {
    const article = await insertArticle({ language: 'en' })
    const page = await html(await request(`/embed/articles/${article.slug}?theme=dark&lang=ar`))
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('ar')
    expect(page.querySelector('html')?.getAttribute('dir')).toBe('rtl')
    const root = page.querySelector('.bulletin-embed')
    expect(root?.classList.contains('bulletin-theme-dark')).toBe(true)
    // The story itself stays in its own language and direction.
    expect(root?.querySelector('article')?.getAttribute('lang')).toBe('en')
    expect(root?.querySelector('article')?.getAttribute('dir')).toBe('ltr')
  })

  it('never embeds a draft, a story in review or a scheduled one', async () => {
    const hidden = [
      await insertArticle({ status: 'draft', publishedAt: null }),
      await insertArticle({ status: 'review', publishedAt: null }),
      await insertArticle({ status: 'scheduled', publishedAt: new Date(Date.now() + 3_600_000) }),
    ]
    for (const article of hidden) {
      for (const path of [
        `/embed/articles/${article.slug}`,
        `/fragments/embed/articles/${article.slug}`,
      ]) {
        const response = await request(path)
        expect(response.status).toBe(404)
        expect(await response.text()).not.toContain(article.title)
      }
    }
  })

  it('says an archived story has been withdrawn', async () => {
    const article = await insertArticle({ status: 'archived' })
    const response = await request(`/fragments/embed/articles/${article.slug}`)
    expect(response.status).toBe(410)
    expect((await html(response)).querySelector('.bulletin-error')?.text).toContain('withdrawn')
  })

  it("sends an old slug on to the story's current card, keeping the options", async () => {
    const article = await insertArticle()
    const oldSlug = `old-${uniqueSuffix()}`
    await testDb().insert(slugRedirects).values({ oldSlug, articleId: article.id })
    const response = await request(`/embed/articles/${oldSlug}?theme=dark`, { redirect: 'manual' })
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(`/embed/articles/${article.slug}?theme=dark`)
    const fragment = await request(`/fragments/embed/articles/${oldSlug}`, { redirect: 'manual' })
    expect(fragment.headers.get('location')).toBe(`/fragments/embed/articles/${article.slug}`)
  })
})

describe('GET /fragments/embed/articles/:slug', () => {
  it('is the same card without the document shell, every URL absolute', async () => {
    const article = await insertArticle()
    const response = await request(`/fragments/embed/articles/${article.slug}`)
    expect(response.status).toBe(200)
    const body = await response.text()
    expect(body).not.toMatch(/<(!doctype|html|head|body|script|link)\b/i)
    const fragment = parse(body)
    const root = fragment.childNodes.find((node) => node.nodeType === 1)
    expect(root?.toString()).toContain('bulletin-embed')
    for (const element of fragment.querySelectorAll('[class]')) {
      for (const name of element.classList.values()) expect(name).toMatch(/^bulletin-/)
    }
    for (const element of fragment.querySelectorAll('[href], [src]')) {
      const url = element.getAttribute('href') ?? element.getAttribute('src') ?? ''
      expect(url.startsWith(`${ORIGIN}/`)).toBe(true)
    }
    expect(fragment.querySelector('h2 a')?.text).toBe(article.title)
  })
})

describe('GET /embed/latest', () => {
  it('lists the newest stories of a category, as many as asked', async () => {
    const newest = await insertArticle({ categorySlug: 'economy', publishedAt: new Date() })
    const response = await request('/embed/latest?category=economy&limit=3')
    expect(response.status).toBe(200)
    const page = await html(response)
    const list = page.querySelector('.bulletin-list')
    expect(list?.querySelector('h2')?.text).toBe('Latest from Economy')
    expect(list?.getAttribute('aria-label')).toBe('Latest from Economy')
    const items = list?.querySelectorAll('.bulletin-list__item') ?? []
    expect(items).toHaveLength(3)
    expect(items[0]?.querySelector('a')?.text).toBe(newest.title)
    expect(items[0]?.querySelector('a')?.getAttribute('target')).toBe('_top')
    expect(items[0]?.querySelector('a')?.getAttribute('rel')).toBe('noopener')
    expect(list?.querySelector('.bulletin-brand a')?.getAttribute('href')).toBe(
      `${ORIGIN}/category/economy`,
    )
  })

  it('filters by tag, shows only published stories, and takes 1 to 20 of them', async () => {
    const suffix = uniqueSuffix()
    const tagged = await insertArticle({ tagNames: [`Widgets ${suffix}`] })
    const tag = await tagOf(tagged.id)
    // Newer than the published one, but a draft: it must not take the only place.
    const draft = await insertArticle({ status: 'draft', publishedAt: new Date() })
    await testDb().insert(articleTags).values({ articleId: draft.id, tagId: tag.id })
    const one = await html(await request(`/fragments/embed/latest?tag=${tag.slug}&limit=1`))
    expect(one.querySelectorAll('.bulletin-list__item a').map((a) => a.text)).toEqual([
      tagged.title,
    ])
    expect(one.querySelector('h2')?.text).toBe(`Latest from Widgets ${suffix}`)
    const twenty = await html(await request('/fragments/embed/latest?limit=20'))
    expect(twenty.querySelectorAll('.bulletin-list__item')).toHaveLength(20)
    expect(twenty.querySelector('h2')?.text).toBe('Latest news')
  })

  it('says so when a section has no stories yet', async () => {
    const article = await insertArticle({ tagNames: ['Empty'] })
    await testDb().update(articles).set({ status: 'draft' }).where(eq(articles.id, article.id))
    const { slug } = await tagOf(article.id)
    const page = await html(await request(`/fragments/embed/latest?tag=${slug}&lang=fr`))
    expect(page.querySelector('.bulletin-list__empty')?.text).toBe('Aucun article pour le moment.')
  })

  it('costs one database round trip', async () => {
    const db = meteredDb()
    expect((await db.request('/embed/latest?category=economy&tag=russia')).status).toBe(200)
    expect(await db.roundTrips()).toBe(1)
  })
})
