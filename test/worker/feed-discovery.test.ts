// Every reader page advertises the site's feeds, and pages of a section advertise that section's too.
import { describe, expect, it } from 'vitest'
import { html, request } from './helpers'

const REFERENCE = '/news/kremlin-first-putin-macron-conversation-since-2022'

async function advertisedFeeds(path: string) {
  const response = await request(path)
  expect(response.status, path).toBe(200)
  const page = await html(response)
  return page.querySelectorAll('head link[rel="alternate"]').flatMap((link) => {
    const type = link.getAttribute('type') ?? ''
    if (!/^application\/(rss|atom)\+xml$/.test(type)) return []
    return [{ type, href: link.getAttribute('href'), title: link.getAttribute('title') }]
  })
}

const SITE_FEEDS = [
  { type: 'application/rss+xml', href: '/feed.xml' },
  { type: 'application/atom+xml', href: '/atom.xml' },
]

describe('feed discovery', () => {
  it.each([
    '/',
    REFERENCE,
    '/category/international-news',
    '/tag/russia',
    '/search?q=macron',
    '/favorites',
    `${REFERENCE}/comments`,
  ])("lists the site's RSS and Atom feeds in the head of %s", async (path) => {
    const feeds = await advertisedFeeds(path)
    expect(feeds.slice(0, 2)).toMatchObject(SITE_FEEDS)
    for (const feed of feeds) expect(feed.title).toBeTruthy()
  })

  it("lists the article's section feeds after the site's, so a reader given an article finds both", async () => {
    const feeds = await advertisedFeeds(REFERENCE)
    expect(feeds.map(({ type, href }) => ({ type, href }))).toEqual([
      ...SITE_FEEDS,
      { type: 'application/rss+xml', href: '/category/international-news/feed.xml' },
      { type: 'application/atom+xml', href: '/category/international-news/atom.xml' },
    ])
    expect(feeds[2]?.title).toContain('International News')
  })

  it('serves every feed it advertises', async () => {
    for (const { href } of await advertisedFeeds(REFERENCE)) {
      const response = await request(href ?? '')
      expect(response.status, href ?? '').toBe(200)
      await response.body?.cancel()
    }
  })
})
