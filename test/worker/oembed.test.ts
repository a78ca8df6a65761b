// The oEmbed provider: the JSON for an article URL, its discovery link, and every refusal the spec names.

import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { slugRedirects } from '../../src/db/schema'
import { OEMBED_HEIGHT, OEMBED_WIDTH } from '../../src/routes/oembed'
import { insertArticle, testDb, uniqueSuffix } from './fixtures'
import { html, ORIGIN, request } from './helpers'

const oembedFor = (url: string, extra = '') =>
  request(`/oembed?url=${encodeURIComponent(url)}&format=json${extra}`, {
    headers: { Accept: 'application/json' },
  })

describe('GET /oembed', () => {
  it('answers an article URL with a rich type whose html is the card iframe', async () => {
    const article = await insertArticle({ byline: 'By Maya Haddad' })
    const response = await oembedFor(`${ORIGIN}/news/${article.slug}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toEqual({
      version: '1.0',
      type: 'rich',
      provider_name: 'Bulletin',
      provider_url: `${ORIGIN}/`,
      title: article.title,
      author_name: 'Maya Haddad',
      html: expect.any(String),
      width: OEMBED_WIDTH,
      height: OEMBED_HEIGHT,
      cache_age: 3600,
      thumbnail_url: `${ORIGIN}/images/placeholders/globe.svg`,
      thumbnail_width: 1200,
      thumbnail_height: 675,
    })
    const iframe = parse(body.html as string).querySelector('iframe')
    expect(iframe?.getAttribute('src')).toBe(`${ORIGIN}/embed/articles/${article.slug}`)
    expect(iframe?.getAttribute('title')).toBe(`${article.title} | Bulletin`)
    expect(iframe?.getAttribute('width')).toBe(String(OEMBED_WIDTH))
    expect(iframe?.getAttribute('height')).toBe(String(OEMBED_HEIGHT))
    expect(iframe?.getAttribute('sandbox')?.split(' ')).toEqual(
      expect.arrayContaining(['allow-scripts', 'allow-top-navigation-by-user-activation']),
    )
    // The html is exactly one iframe: a consumer pastes it as it is.
    expect(parse(body.html as string).childNodes).toHaveLength(1)
  })

  it('fits maxwidth and maxheight, and leaves out a thumbnail that would not fit', async () => {
    const article = await insertArticle()
    const response = await oembedFor(
      `${ORIGIN}/news/${article.slug}`,
      '&maxwidth=320&maxheight=150',
    )
    const body = (await response.json()) as Record<string, unknown>
    expect(body.width).toBe(320)
    expect(body.height).toBe(150)
    expect(
      parse(body.html as string)
        .querySelector('iframe')
        ?.getAttribute('width'),
    ).toBe('320')
    expect(body).not.toHaveProperty('thumbnail_url')
    expect(body).not.toHaveProperty('thumbnail_width')
    // Narrow, the card stacks its image above the text, so the frame is taller than it is wide.
    const narrow = await oembedFor(`${ORIGIN}/news/${article.slug}`, '&maxwidth=320')
    const stacked = (await narrow.json()) as { width: number; height: number }
    expect(stacked.width).toBe(320)
    expect(stacked.height).toBeGreaterThan(320)
  })

  it('accepts the http form of an https link, a trailing slash and a query, and follows an old slug', async () => {
    const article = await insertArticle()
    const oldSlug = `before-${uniqueSuffix()}`
    await testDb().insert(slugRedirects).values({ oldSlug, articleId: article.id })
    for (const url of [
      `${ORIGIN}/news/${article.slug}/`,
      `${ORIGIN.replace('http:', 'https:')}/news/${article.slug}?utm_source=x#top`,
      `${ORIGIN}/news/${oldSlug}`,
    ]) {
      const response = await oembedFor(url)
      expect(response.status, url).toBe(200)
      expect(((await response.json()) as { title: string }).title).toBe(article.title)
    }
  })

  it('answers 404 for a URL that is not a published article of this site', async () => {
    const draft = await insertArticle({ status: 'draft', publishedAt: null })
    const scheduled = await insertArticle({
      status: 'scheduled',
      publishedAt: new Date(Date.now() + 86_400_000),
    })
    for (const url of [
      `${ORIGIN}/news/no-such-story-${uniqueSuffix()}`,
      `${ORIGIN}/news/${draft.slug}`,
      `${ORIGIN}/news/${scheduled.slug}`,
      `https://elsewhere.example/news/${draft.slug}`,
      `${ORIGIN}/category/economy`,
      `${ORIGIN}/`,
      `ftp://bulletin.test/news/${draft.slug}`,
    ]) {
      const response = await oembedFor(url)
      expect(response.status, url).toBe(404)
      expect(await response.json()).toEqual({
        error: { message: 'There is no story at that url.' },
      })
    }
  })

  it('answers 501 for any format but json', async () => {
    const article = await insertArticle()
    const url = encodeURIComponent(`${ORIGIN}/news/${article.slug}`)
    for (const format of ['xml', 'yaml']) {
      const response = await request(`/oembed?url=${url}&format=${format}`)
      expect(response.status).toBe(501)
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        'Only format=json is supported.',
      )
    }
    expect((await request(`/oembed?url=${url}`)).status).toBe(200)
  })

  it('answers 400 for a missing url and for bad sizes, whatever the client accepts', async () => {
    const url = encodeURIComponent(`${ORIGIN}/news/x`)
    const cases: [string, string][] = [
      ['/oembed?format=json', 'The url parameter is required.'],
      ['/oembed?url=&format=json', 'The url parameter is required.'],
      ['/oembed?url=not%20a%20url', 'url must be an absolute http or https URL.'],
      [`/oembed?url=${url}&maxwidth=0`, 'maxwidth must be a whole number of pixels.'],
      [`/oembed?url=${url}&maxheight=tall`, 'maxheight must be a whole number of pixels.'],
      [`/oembed?url=${encodeURIComponent(`${ORIGIN}/news/${'a'.repeat(201)}`)}`, ''],
    ]
    for (const [path, message] of cases) {
      const response = await request(path, { headers: { Accept: 'text/html' } })
      expect(response.status, path).toBe(400)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      const body = (await response.json()) as { error: { message: string } }
      if (message) expect(body.error.message).toBe(message)
    }
  })

  it('is what the discovery link on every article page points to', async () => {
    const article = await insertArticle()
    const page = await html(await request(`/news/${article.slug}`))
    const link = page.querySelector('link[rel="alternate"][type="application/json+oembed"]')
    const href = new URL(link?.getAttribute('href') ?? '')
    expect(href.origin).toBe(ORIGIN)
    const response = await request(href.pathname + href.search)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { title: string }).title).toBe(article.title)
  })
})
