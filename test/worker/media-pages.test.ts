// Library images on reader pages: srcset and sizes, dimensions, the hero first, caption and credit.
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { articles, media as mediaTable } from '../../src/db/schema'
import { uploadMedia } from '../../src/services/media-upload'
import { createUser } from './editor-fixtures'
import { insertArticle, testDb } from './fixtures'
import { html, request } from './helpers'
import { mediaEnv, uniqueJpeg } from './media-fixtures'

async function articleWithLibraryHero(publishedAt?: Date) {
  const user = await createUser('editor')
  const { media } = await uploadMedia({ db: testDb(), ...mediaEnv() }, user, {
    bytes: uniqueJpeg(),
    filename: 'harbour.jpg',
  })
  const article = await insertArticle(publishedAt ? { publishedAt } : {})
  await testDb()
    .update(articles)
    .set({ imageUrl: `/media/${media.key}`, imageAlt: 'Boats', imageWidth: 1000, imageHeight: 600 })
    .where(eq(articles.id, article.id))
  return { article, media }
}

describe('library images on the article page', () => {
  it('gives the hero a srcset of the fixed widths up to its own, sizes, and its dimensions', async () => {
    const { article, media } = await articleWithLibraryHero()
    const page = await html(await request(`/news/${article.slug}`))
    const image = page.querySelector('.article__figure img')
    expect(image?.getAttribute('srcset')).toBe(
      [320, 480, 640, 960].map((w) => `/media/${media.key}/${w}.jpg ${w}w`).join(', '),
    )
    expect(image?.getAttribute('sizes')).toBeTruthy()
    expect(image?.getAttribute('src')).toBe(`/media/${media.key}/960.jpg`)
    expect([image?.getAttribute('width'), image?.getAttribute('height')]).toEqual(['1000', '600'])
    expect(image?.getAttribute('fetchpriority')).toBe('high')
    expect(image?.getAttribute('loading')).toBeUndefined()
  })

  it('shows the caption and credit from the library under the hero', async () => {
    const { article, media } = await articleWithLibraryHero()
    await testDb()
      .update(mediaTable)
      .set({ caption: 'Tyre harbour at dawn', credit: 'Staff photographer' })
      .where(eq(mediaTable.id, media.id))
    const page = await html(await request(`/news/${article.slug}`))
    expect(page.querySelector('.article__figure figcaption')?.text).toBe(
      'Tyre harbour at dawn · Photo: Staff photographer',
    )
  })

  it('points Open Graph and JSON-LD at the largest variant up to 1200 wide', async () => {
    const { article, media } = await articleWithLibraryHero()
    const page = await html(await request(`/news/${article.slug}`))
    const og = page.querySelector('meta[property="og:image"]')?.getAttribute('content')
    expect(og).toBe(`http://bulletin.test/media/${media.key}/960.jpg`)
    const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.text ?? '{}')
    expect(JSON.stringify(ld)).toContain(`/media/${media.key}/960.jpg`)
  })
})

describe('library images in feeds', () => {
  it('gives RSS items and Atom entries the hero as media:content', async () => {
    const { article, media } = await articleWithLibraryHero(new Date())
    const variant = `http://bulletin.test/media/${media.key}/960.jpg`
    const rss = parse(await (await request('/feed.xml')).text())
    const item = rss
      .querySelectorAll('item')
      .find((i) => i.querySelector('title')?.text === article.title)
    const content = item?.querySelector('media\\:content')
    expect(content?.getAttribute('url')).toBe(variant)
    expect([content?.getAttribute('width'), content?.getAttribute('height')]).toEqual([
      '960',
      '576',
    ])
    expect(content?.querySelector('media\\:description')?.text).toBe('Boats')

    const atom = parse(await (await request('/atom.xml')).text())
    const entry = atom
      .querySelectorAll('entry')
      .find((e) => e.querySelector('title')?.text === article.title)
    expect(entry?.querySelector('media\\:content')?.getAttribute('url')).toBe(variant)
  })
})

describe('library images in embeds and oEmbed', () => {
  it('gives the embed card absolute variant URLs in its srcset', async () => {
    const { article, media } = await articleWithLibraryHero()
    const page = await html(await request(`/embed/articles/${article.slug}`))
    const image = page.querySelector('.bulletin-card__image')
    expect(image?.getAttribute('src')).toBe(`http://bulletin.test/media/${media.key}/640.jpg`)
    expect(image?.getAttribute('srcset')).toContain(
      `http://bulletin.test/media/${media.key}/320.jpg 320w`,
    )
  })

  it('offers a variant as the oEmbed thumbnail, never the bare library address', async () => {
    const { article, media } = await articleWithLibraryHero()
    const url = encodeURIComponent(`http://bulletin.test/news/${article.slug}`)
    const body = (await (await request(`/oembed?url=${url}&format=json`)).json()) as Record<
      string,
      unknown
    >
    expect(body).toMatchObject({
      thumbnail_url: `http://bulletin.test/media/${media.key}/960.jpg`,
      thumbnail_width: 960,
      thumbnail_height: 576,
    })
  })
})
