// Static pages at /:slug: the four seeded pages, the footer menu, the sitemap, and kept out of lists.
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { pages } from '../../src/db/schema'
import { testDb, uniqueSuffix } from './fixtures'
import { html, meteredDb, request } from './helpers'

describe('GET /:slug', () => {
  it('serves the seeded pages in one round trip, each with its title and body', async () => {
    for (const [slug, title] of [
      ['about', 'About'],
      ['contact', 'Contact'],
      ['corrections-policy', 'Corrections policy'],
      ['privacy', 'Privacy'],
    ]) {
      const db = meteredDb()
      const response = await db.request(`/${slug}`)
      expect(response.status).toBe(200)
      expect(await db.roundTrips()).toBe(1)
      const page = await html(response)
      expect(page.querySelector('h1')?.text).toBe(title)
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `http://bulletin.test/${slug}`,
      )
    }
  })

  it('links the corrections policy to /corrections', async () => {
    const page = await html(await request('/corrections-policy'))
    const hrefs = page.querySelectorAll('.article__body a').map((a) => a.getAttribute('href'))
    expect(hrefs).toContain('/corrections')
  })

  it('shows the footer menu in its order on every page, and not in the header', async () => {
    for (const path of [
      '/',
      '/about',
      '/news/kremlin-first-putin-macron-conversation-since-2022',
    ]) {
      const page = await html(await request(path))
      const seeded = ['/about', '/contact', '/corrections-policy', '/privacy']
      // Other test files may add a page to the footer meanwhile; the seeded four keep their order.
      const footer = page.querySelectorAll('.footer-menu a').map((a) => a.getAttribute('href'))
      expect(footer.filter((href) => seeded.includes(href ?? ''))).toEqual(seeded)
      const header = page.querySelectorAll('.site-nav a').map((a) => a.getAttribute('href'))
      expect(header).not.toContain('/about')
    }
  })

  it('answers 404 for a draft page, an unknown slug and a reserved name', async () => {
    const slug = `draft-page-${uniqueSuffix()}`
    await testDb().insert(pages).values({
      slug,
      title: 'Secret',
      bodyHtml: '<p>x</p>',
      status: 'draft',
      updatedAt: new Date(),
    })
    expect((await request(`/${slug}`)).status).toBe(404)
    expect((await request('/no-such-page-here')).status).toBe(404)
    expect((await request('/Not_A_Slug')).status).toBe(404)
  })

  it('lists published pages in the sections sitemap, never in feeds or the home page', async () => {
    const sitemap = parse(await (await request('/sitemaps/sections.xml')).text())
    const locs = sitemap.querySelectorAll('loc').map((loc) => loc.text)
    expect(locs).toContain('http://bulletin.test/about')
    expect(locs).toContain('http://bulletin.test/privacy')
    const feed = await (await request('/feed.xml')).text()
    expect(feed).not.toContain('/about<')
    const home = await html(await request('/'))
    const cards = home.querySelectorAll('.card__title a').map((a) => a.getAttribute('href'))
    expect(cards.every((href) => href?.startsWith('/news/'))).toBe(true)
  })
})
